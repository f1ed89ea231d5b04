package dev.zebrastream.eval;

import dev.zebrastream.adapt.BaseNovel;
import dev.zebrastream.adapt.ContextInit;
import dev.zebrastream.adapt.LearnResult;
import dev.zebrastream.adapt.ObjectiveWeights;
import dev.zebrastream.adapt.PromptEncoder;
import dev.zebrastream.adapt.PromptLearner;
import dev.zebrastream.adapt.TrainingData;
import dev.zebrastream.classify.Classifier;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Adapts context vectors on a setting's shots with the forward-only learner, and scores them. */
public final class SettingAdapter {

    /** The frozen text encoder for a class list and context length (the ONNX model, or a fake in tests). */
    @FunctionalInterface
    public interface EncoderFactory {
        PromptEncoder create(List<String> classNames, int contextLength);
    }

    private static final Logger LOG = LoggerFactory.getLogger(SettingAdapter.class);

    private final EncoderFactory encoders;
    private final PromptLearner learner = new PromptLearner(p -> LOG.debug(p.describe()));

    public SettingAdapter(EncoderFactory encoders) {
        this.encoders = encoders;
    }

    /**
     * The learned context of one run. Without pool terms only base-class prompts enter the objective,
     * so only those are encoded (half the text-encoder work, the same result); with pool terms every
     * class is, because pool predictions range over the whole vocabulary as they do in the stream.
     */
    public LearnResult learn(SettingData data, ObjectiveWeights weights, int shots, long seed) {
        boolean pool = weights.usesPool();
        int m = data.setting().contextLength();
        PromptEncoder encoder = encoders.create(pool ? data.classes() : data.baseNames(), m);
        LabeledEmbeddings labeled = data.shots(seed, shots);
        float[][] zeroShot = pool ? data.zeroShotText() : Arrays.copyOf(data.zeroShotText(), data.baseCount());
        TrainingData training = new TrainingData(labeled.audio(), labeled.labels(), pool ? data.pool() : new float[0][],
                zeroShot, data.logitScale(), data.baseClasses());
        float[] init = ContextInit.random(m, encoder.hiddenSize(), seed);
        return learner.learn(encoder, training, weights, data.setting().zo(seed), init);
    }

    /** Base and novel accuracy on {@code windows}; a null context is plain zero-shot. */
    public BaseNovel evaluate(SettingData data, LabeledEmbeddings windows, float[] context, ObjectiveWeights weights) {
        float[][] promptText = context == null ? null
                : encoders.create(data.classes(), data.setting().contextLength()).encode(List.of(context)).get(0);
        Classifier classifier = new Classifier(data.classes(), data.zeroShotText(), promptText,
                context == null ? 0 : weights.promptWeight(), data.logitScale());
        return BaseNovel.evaluate(classifier, windows.audio(), windows.labels(), data.baseClasses(),
                data.novelClasses());
    }
}
