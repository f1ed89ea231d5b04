package dev.zebrastream.adapt;

import dev.zebrastream.classify.ScoreMath;

/**
 * How spread out a prompt version's predictions on the unlabeled pool are: a version that has
 * collapsed sends most windows to one class, so its mean prediction has low entropy.
 *
 * @param size                  pool windows
 * @param meanPredictionEntropy normalised entropy (0..1) of the mean predicted distribution
 * @param topClassShare         share of windows whose top class is the most frequent top class
 */
public record PoolStats(int size, double meanPredictionEntropy, double topClassShare) {

    public static PoolStats empty() {
        return new PoolStats(0, Double.NaN, Double.NaN);
    }

    /** From each window's predicted class probabilities. */
    public static PoolStats of(double[][] probabilities) {
        if (probabilities.length == 0) {
            return empty();
        }
        int classes = probabilities[0].length;
        double[] mean = new double[classes];
        int[] topCounts = new int[classes];
        for (double[] p : probabilities) {
            for (int c = 0; c < classes; c++) {
                mean[c] += p[c] / probabilities.length;
            }
            topCounts[ScoreMath.argmax(p)]++;
        }
        int mostFrequent = 0;
        for (int count : topCounts) {
            mostFrequent = Math.max(mostFrequent, count);
        }
        return new PoolStats(probabilities.length, ScoreMath.normalizedEntropy(mean),
                (double) mostFrequent / probabilities.length);
    }

    public boolean isEmpty() {
        return size == 0;
    }
}
