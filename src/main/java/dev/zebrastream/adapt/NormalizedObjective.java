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
        float[][] g = objective.gradient(unit);
        float[][] out = new float[g.length][];
        for (int c = 0; c < g.length; c++) {
            out[c] = throughNormalization(g[c], unit[c], norm(embeddings[c]));
        }
        return out;
    }

    private static float[] throughNormalization(float[] g, float[] u, double norm) {
        double along = 0;
        for (int d = 0; d < g.length; d++) {
            along += g[d] * u[d];
        }
        float[] out = new float[g.length];
        for (int d = 0; d < g.length; d++) {
            out[d] = (float) ((g[d] - along * u[d]) / norm);
        }
        return out;
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
