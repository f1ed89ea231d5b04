package dev.zebrastream.monitor;

import java.util.OptionalDouble;

/**
 * Settings of {@link DriftDetector}. Entropies are normalised (0 = certain, 1 = uniform).
 *
 * @param ewmaAlpha      weight of the newest window in the moving average; 0.1 averages over
 *                       about 2/alpha - 1 = 19 windows, enough to ignore single noisy windows
 * @param warmupWindows  windows whose mean entropy becomes the baseline (ignored with a fixed baseline)
 * @param fixedBaseline  a known baseline entropy; empty to learn it during warm-up
 * @param raiseDelta     rise of the average above the baseline that raises an alert
 * @param resolveDelta   rise below which a raised alert resolves; below raiseDelta, so that an
 *                       average hovering at the raise threshold does not flap
 * @param minWindows     consecutive windows past a threshold before raising or resolving
 */
public record DriftConfig(
        double ewmaAlpha,
        int warmupWindows,
        OptionalDouble fixedBaseline,
        double raiseDelta,
        double resolveDelta,
        int minWindows) {

    public static final double DEFAULT_EWMA_ALPHA = 0.1;
    public static final int DEFAULT_WARMUP_WINDOWS = 50;
    public static final double DEFAULT_RAISE_DELTA = 0.15;
    public static final double DEFAULT_RESOLVE_DELTA = 0.05;
    public static final int DEFAULT_MIN_WINDOWS = 5;

    public DriftConfig {
        if (!(ewmaAlpha > 0 && ewmaAlpha <= 1)) {
            throw new IllegalArgumentException("ewmaAlpha must be in (0, 1], got " + ewmaAlpha);
        }
        if (warmupWindows < 1 || minWindows < 1) {
            throw new IllegalArgumentException("warmupWindows and minWindows must be >= 1");
        }
        if (!(resolveDelta < raiseDelta)) {
            throw new IllegalArgumentException("resolveDelta (" + resolveDelta + ") must be below raiseDelta ("
                    + raiseDelta + ")");
        }
        if (fixedBaseline.isPresent() && !(fixedBaseline.getAsDouble() >= 0 && fixedBaseline.getAsDouble() <= 1)) {
            throw new IllegalArgumentException("fixedBaseline must be in [0, 1], got " + fixedBaseline.getAsDouble());
        }
    }

    public static DriftConfig defaults() {
        return new DriftConfig(DEFAULT_EWMA_ALPHA, DEFAULT_WARMUP_WINDOWS, OptionalDouble.empty(), DEFAULT_RAISE_DELTA,
                DEFAULT_RESOLVE_DELTA, DEFAULT_MIN_WINDOWS);
    }
}
