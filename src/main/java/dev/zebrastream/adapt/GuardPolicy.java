package dev.zebrastream.adapt;

/**
 * Limits a candidate prompt version must respect before it replaces the current one.
 *
 * @param maxAccuracyLoss       validation accuracy the candidate may lose against the current version (default 0.02)
 * @param minPoolMeanEntropy    floor on the normalised entropy of the mean pool prediction (default 0.5)
 * @param maxTopClassShare      cap on the share of pool windows predicted as one class (default 0.5)
 */
public record GuardPolicy(double maxAccuracyLoss, double minPoolMeanEntropy, double maxTopClassShare) {

    public GuardPolicy {
        if (!(maxAccuracyLoss >= 0) || !(minPoolMeanEntropy >= 0 && minPoolMeanEntropy <= 1)
                || !(maxTopClassShare > 0 && maxTopClassShare <= 1)) {
            throw new IllegalArgumentException("guard limits out of range: " + maxAccuracyLoss + ", "
                    + minPoolMeanEntropy + ", " + maxTopClassShare);
        }
    }

    public static GuardPolicy defaults() {
        return new GuardPolicy(0.02, 0.5, 0.5);
    }
}
