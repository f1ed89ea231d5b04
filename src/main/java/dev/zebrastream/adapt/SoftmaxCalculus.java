package dev.zebrastream.adapt;

/**
 * Derivatives of softmax-based losses with respect to the logits, the analytic half of the
 * objective's gradient. Zero probabilities contribute nothing (their {@code p log p} limit is 0),
 * which keeps saturated softmaxes at logit scale 100 free of NaNs.
 */
final class SoftmaxCalculus {

    private SoftmaxCalculus() {
    }

    /** {@code -log softmax(z)[y]} via log-sum-exp, finite even when the softmax underflows. */
    static double crossEntropy(double[] z, int y) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : z) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum) - z[y];
    }

    /** d CE / dz = p - onehot(y). */
    static double[] crossEntropyGradient(double[] p, int y) {
        double[] g = p.clone();
        g[y] -= 1;
        return g;
    }

    /** d H(softmax(z)) / dz_j = -p_j (log p_j + H). */
    static double[] entropyGradient(double[] p, double entropy) {
        double[] g = new double[p.length];
        for (int j = 0; j < p.length; j++) {
            g[j] = p[j] > 0 ? -p[j] * (Math.log(p[j]) + entropy) : 0;
        }
        return g;
    }

    /** Chain rule through the softmax: given dL/dp, returns dL/dz = p * (dL/dp - p . dL/dp). */
    static double[] softmaxBackward(double[] p, double[] dLdp) {
        double mean = 0;
        for (int k = 0; k < p.length; k++) {
            mean += p[k] * dLdp[k];
        }
        double[] g = new double[p.length];
        for (int j = 0; j < p.length; j++) {
            g[j] = p[j] * (dLdp[j] - mean);
        }
        return g;
    }
}
