package dev.zebrastream.adapt;

import dev.zebrastream.classify.ScoreMath;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Adapts learned prompt context vectors to labeled shots (and an unlabeled pool) by minimising the
 * {@link ZebraObjective} with the optimiser {@link ZoConfig#method()} names ({@link ZerothOrderOptimizer} or
 * {@link SubspaceGaussNewton}): the text encoder runs forward only, everything after it is analytic.
 */
public final class PromptLearner {

    private final Consumer<ZoProgress> progress;

    /** A learner that logs its progress. */
    public PromptLearner() {
        this(ZerothOrderOptimizer.LOG_PROGRESS);
    }

    public PromptLearner(Consumer<ZoProgress> progress) {
        this.progress = progress;
    }

    public LearnResult learn(PromptEncoder encoder, TrainingData data, ObjectiveWeights weights, ZoConfig zo,
                             float[] initialContext) {
        requireCompatible(encoder, data, initialContext);
        long started = System.currentTimeMillis();
        ZebraObjective objective = new ZebraObjective(data, weights);
        NormalizedObjective normalized = new NormalizedObjective(objective);
        ZoResult run = switch (zo.method()) {
            case SPSA -> new ZerothOrderOptimizer(zo, progress).minimize(
                    contexts -> losses(normalized, encoder.encode(contexts)), initialContext);
            case SUBSPACE_GN -> new SubspaceGaussNewton(zo, progress).minimize(encoder::encode, normalized,
                    initialContext);
        };
        return new LearnResult(run.best(), run.lossCurve(), terms(objective, encoder, initialContext),
                terms(objective, encoder, run.best()), zo.steps(), run.bestStep(), run.evaluations(),
                System.currentTimeMillis() - started);
    }

    /** One loss per encoded context set; independent, so evaluated in parallel without changing results. */
    private static double[] losses(NormalizedObjective objective, List<float[][]> promptTexts) {
        return IntStream.range(0, promptTexts.size()).parallel()
                .mapToDouble(i -> objective.loss(promptTexts.get(i)))
                .toArray();
    }

    private static ZebraObjective.Terms terms(ZebraObjective objective, PromptEncoder encoder, float[] context) {
        return objective.terms(ScoreMath.normalizeRows(encoder.encode(List.of(context)).get(0)));
    }

    private static void requireCompatible(PromptEncoder encoder, TrainingData data, float[] initialContext) {
        if (encoder.classNames().size() != data.classCount()) {
            throw new IllegalArgumentException("encoder has " + encoder.classNames().size() + " classes, data "
                    + data.classCount());
        }
        if (initialContext.length != encoder.contextLength() * encoder.hiddenSize()) {
            throw new IllegalArgumentException("initial context has " + initialContext.length + " floats, expected "
                    + encoder.contextLength() + " x " + encoder.hiddenSize());
        }
    }
}
