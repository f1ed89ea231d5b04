package dev.zebrastream.classify;

import ai.onnxruntime.OrtException;
import dev.zebrastream.model.ClapModel;
import java.util.ArrayList;
import java.util.List;

/**
 * CLAP classification against a label vocabulary. Zero-shot: each label's text embedding comes
 * from the model's template. With learned context vectors, logits are fused as in ZEBRA:
 * {@code z = a * z_prompt + (1 - a) * z_zeroshot}, each a scaled cosine similarity.
 */
public final class Classifier {

    private final List<String> labels;
    private final float[][] zeroShotUnit;
    private final float[][] promptUnit;
    private final double fusionWeight;
    private final double logitScale;

    /**
     * @param promptText   text embeddings of the learned prompts, or null for plain zero-shot
     * @param fusionWeight weight {@code a} of the learned prompts (ignored without them)
     */
    public Classifier(List<String> labels, float[][] zeroShotText, float[][] promptText, double fusionWeight,
                      double logitScale) {
        if (labels.isEmpty() || labels.size() != zeroShotText.length
                || (promptText != null && promptText.length != labels.size())) {
            throw new IllegalArgumentException("need one text embedding per label (and at least one label)");
        }
        this.labels = List.copyOf(labels);
        this.zeroShotUnit = ScoreMath.normalizeRows(zeroShotText);
        this.promptUnit = promptText == null ? null : ScoreMath.normalizeRows(promptText);
        this.fusionWeight = promptText == null ? 0 : fusionWeight;
        this.logitScale = logitScale;
    }

    /** Embeds the labels with the model's zero-shot template. */
    public static Classifier zeroShot(ClapModel model, List<String> labels) throws OrtException {
        return withContext(model, labels, null, 0);
    }

    /** Zero-shot plus learned prompts around {@code context} ({@code M * hidden} floats), fused with weight a. */
    public static Classifier withContext(ClapModel model, List<String> labels, float[] context, double fusionWeight)
            throws OrtException {
        float[][] zeroShot = model.embedText(model.prompts().zeroShot(labels));
        float[][] prompt = context == null || context.length == 0
                ? null : model.embedText(model.prompts().learned(labels, context));
        return new Classifier(labels, zeroShot, prompt, fusionWeight, model.manifest().logitScale());
    }

    public List<String> labels() {
        return labels;
    }

    public boolean hasLearnedPrompts() {
        return promptUnit != null;
    }

    /** Fused logits for a unit-length audio embedding. */
    public double[] logits(float[] audioUnit) {
        return ScoreMath.fusedLogits(audioUnit, zeroShotUnit, promptUnit, fusionWeight, logitScale);
    }

    public Prediction predict(float[] audioEmbedding, int k) {
        double[] p = ScoreMath.softmax(logits(ScoreMath.normalize(audioEmbedding)));
        List<LabelScore> top = new ArrayList<>();
        for (int i : ScoreMath.topK(p, k)) {
            top.add(new LabelScore(labels.get(i), p[i]));
        }
        return new Prediction(top, p, ScoreMath.normalizedEntropy(p));
    }
}
