package dev.zebrastream.window;

/**
 * How a sensor's audio is cut into windows and how much disorder the assembler tolerates.
 *
 * @param windowSeconds       window length
 * @param hopSeconds          distance between window starts; below windowSeconds windows overlap,
 *                            above it audio between windows is skipped
 * @param reorderBufferFrames most out-of-order frames held while waiting for a missing sequence number
 * @param maxGapSeconds       longest run of missing audio that is zero-filled; longer gaps start a new segment
 * @param maxBufferedSeconds  most audio held in the reorder buffer; needed besides the frame count
 *                            because a single frame may carry up to the decoder's payload limit
 * @param idleFlushMs         silence (no frames, on the clock passed to offer/flush) after which
 *                            {@link WindowAssembler#flush(long)} emits the partial window
 */
public record WindowConfig(
        double windowSeconds,
        double hopSeconds,
        int reorderBufferFrames,
        double maxGapSeconds,
        double maxBufferedSeconds,
        long idleFlushMs) {

    public static final int DEFAULT_REORDER_BUFFER_FRAMES = 8;
    public static final double DEFAULT_MAX_GAP_SECONDS = 0.5;
    public static final double DEFAULT_MAX_BUFFERED_SECONDS = 2.0;
    public static final long DEFAULT_IDLE_FLUSH_MS = 5_000;

    public WindowConfig {
        requirePositive("windowSeconds", windowSeconds);
        requirePositive("hopSeconds", hopSeconds);
        requirePositive("maxBufferedSeconds", maxBufferedSeconds);
        requirePositive("idleFlushMs", idleFlushMs);
        if (reorderBufferFrames < 0) {
            throw new IllegalArgumentException("reorderBufferFrames must be >= 0, got " + reorderBufferFrames);
        }
        if (!(maxGapSeconds >= 0)) {
            throw new IllegalArgumentException("maxGapSeconds must be >= 0, got " + maxGapSeconds);
        }
    }

    /** Window and hop as given, every other setting at its default. */
    public static WindowConfig of(double windowSeconds, double hopSeconds) {
        return new WindowConfig(windowSeconds, hopSeconds, DEFAULT_REORDER_BUFFER_FRAMES, DEFAULT_MAX_GAP_SECONDS,
                DEFAULT_MAX_BUFFERED_SECONDS, DEFAULT_IDLE_FLUSH_MS);
    }

    public int windowSamples(int sampleRate) {
        return Math.max(1, (int) Math.round(windowSeconds * sampleRate));
    }

    public int hopSamples(int sampleRate) {
        return Math.max(1, (int) Math.round(hopSeconds * sampleRate));
    }

    public long maxGapSamples(int sampleRate) {
        return Math.round(maxGapSeconds * sampleRate);
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
