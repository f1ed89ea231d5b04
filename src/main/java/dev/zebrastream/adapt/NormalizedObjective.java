package dev.zebrastream.adapt;

import dev.zebrastream.classify.ScoreMath;

/**
 * The {@link ZebraObjective} as a function of raw text-encoder outputs: rows are normalised first, and the
 * gradient is chained through the normalisation ({@code dL/dt = (g - (g.u) u) / |t|}, u = t / |t|).
 */
final class NormalizedObjective implements EmbeddingLoss {

    private final ZebraObjective objective;

    NormalizedObjective(ZebraObjective objective) {
        this.objective = objective;
    }

    @Override
    public double loss(float[][] embeddings) {
        return objective.loss(ScoreMath.normalizeRows(embeddings));
    }

    @Override
    public float[][] gradient(float[][] embeddings) {
        float[][] unit = ScoreMath.normalizeRows(embeddings);
        return chained(objective.gradient(unit), unit, embeddings);
    }

    @Override
    public ZebraObjective.LossAndGradient lossAndGradient(float[][] embeddings) {
        float[][] unit = ScoreMath.normalizeRows(embeddings);
        ZebraObjective.LossAndGradient atUnit = objective.lossAndGradient(unit);
        return new ZebraObjective.LossAndGradient(atUnit.loss(), chained(atUnit.gradient(), unit, embeddings));
    }

    /** The unit-row gradient {@code g} chained back through the normalisation of {@code embeddings}. */
    private static float[][] chained(float[][] g, float[][] unit, float[][] embeddings) {
        float[][] out = new float[g.length][];
        for (int c = 0; c < g.length; c++) {
            out[c] = throughNormalization(g[c], unit[c], Math.sqrt(ScoreMath.dot(embeddings[c], embeddings[c])));
        }
        return out;
    }

    private static float[] throughNormalization(float[] g, float[] u, double norm) {
        double along = ScoreMath.dot(g, u);
        float[] out = new float[g.length];
        for (int d = 0; d < g.length; d++) {
            out[d] = (float) ((g[d] - along * u[d]) / norm);
        }
        return out;
    }
}
