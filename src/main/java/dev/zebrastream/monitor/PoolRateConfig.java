package dev.zebrastream.monitor;

/**
 * Token bucket for one sensor's pooled windows.
 *
 * @param windowsPerMinute sustained rate: tokens added per minute of record time
 * @param burst            bucket size: windows that may go out back to back after a quiet spell
 */
public record PoolRateConfig(double windowsPerMinute, int burst) {

    public static final double DEFAULT_WINDOWS_PER_MINUTE = 6.0;
    public static final int DEFAULT_BURST = 3;

    public PoolRateConfig {
        if (!(windowsPerMinute > 0) || burst < 1) {
            throw new IllegalArgumentException("windowsPerMinute must be > 0 and burst >= 1, got "
                    + windowsPerMinute + " and " + burst);
        }
    }

    public static PoolRateConfig defaults() {
        return new PoolRateConfig(DEFAULT_WINDOWS_PER_MINUTE, DEFAULT_BURST);
    }
}
