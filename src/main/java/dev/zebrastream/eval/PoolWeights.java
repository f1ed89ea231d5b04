package dev.zebrastream.eval;

import java.util.List;

/**
 * Weights of the two unlabeled-pool terms: {@code + lambdaU mean H(p_u) - lambdaDiv H(mean p_u)}.
 * The two are tied (as in information-maximisation losses) so that confidence on single windows never
 * comes without the bonus for spreading predictions over classes.
 */
public record PoolWeights(double lambdaU, double lambdaDiv) {

    public PoolWeights {
        if (!(lambdaU >= 0 && lambdaDiv >= 0)) {
            throw new IllegalArgumentException("pool weights must be non-negative, got " + lambdaU + "/" + lambdaDiv);
        }
    }

    /** {@code "0.3/0.3"} → lambdaU 0.3, lambdaDiv 0.3. */
    public static PoolWeights parse(String text) {
        String[] parts = text.split("/");
        try {
            if (parts.length == 2) {
                return new PoolWeights(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
            }
        } catch (NumberFormatException e) {
            throw invalid(text);
        }
        throw invalid(text);
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("pool weights are lambdaU/lambdaDiv such as 0.3/0.3, got '" + text + "'");
    }

    /** The candidates tried on held-out base validation data, smallest first (ties go to the smaller). */
    public static List<PoolWeights> candidates() {
        return List.of(new PoolWeights(0.1, 0.1), new PoolWeights(0.3, 0.3), new PoolWeights(1.0, 1.0));
    }
}
