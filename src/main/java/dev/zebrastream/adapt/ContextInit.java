package dev.zebrastream.adapt;

import java.util.SplittableRandom;

/** Starting points for the learned context vectors ({@code M x H} floats, row-major). */
public final class ContextInit {

    /** CoOp's initialisation: independent N(0, 0.02^2) entries. */
    public static final double STD = 0.02;

    private ContextInit() {
    }

    public static float[] random(int m, int hidden, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] context = new float[m * hidden];
        for (int i = 0; i < context.length; i++) {
            context[i] = (float) (STD * random.nextGaussian());
        }
        return context;
    }

    /**
     * From the token embeddings of a phrase (e.g. "a recording of a"), one row per token. A phrase of
     * fewer than M tokens fills the last rows, next to the class name where it reads naturally; the rows
     * before it start at zero.
     */
    public static float[] fromEmbeddings(float[][] tokenRows, int m) {
        if (tokenRows.length == 0 || tokenRows.length > m) {
            throw new IllegalArgumentException("need 1 to " + m + " token rows, got " + tokenRows.length);
        }
        int hidden = tokenRows[0].length;
        float[] context = new float[m * hidden];
        int firstRow = m - tokenRows.length;
        for (int r = 0; r < tokenRows.length; r++) {
            if (tokenRows[r].length != hidden) {
                throw new IllegalArgumentException("token rows differ in width");
            }
            System.arraycopy(tokenRows[r], 0, context, (firstRow + r) * hidden, hidden);
        }
        return context;
    }
}
