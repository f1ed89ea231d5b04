package dev.zebrastream.monitor;

import dev.zebrastream.window.StateBytes;

/**
 * Per-sensor token bucket for the unlabeled pool. Time is the record timestamps passed in,
 * never the wall clock, so a replay after a crash makes the same decisions. Timestamps that
 * go backwards add no tokens. A new bucket starts full.
 *
 * <p>Not thread-safe: one instance per sensor.
 */
public final class PoolRateLimiter {

    private static final int FORMAT = 1;
    private static final double MS_PER_MINUTE = 60_000.0;

    private final PoolRateConfig config;
    private double tokens;
    private long lastRefillMs = Long.MIN_VALUE;

    public PoolRateLimiter(PoolRateConfig config) {
        this.config = config;
        this.tokens = config.burst();
    }

    /** Takes a token if one is available at this record time; false means: do not pool this window. */
    public boolean tryAcquire(long timestampMs) {
        refill(timestampMs);
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }

    private void refill(long timestampMs) {
        if (lastRefillMs != Long.MIN_VALUE && timestampMs > lastRefillMs) {
            double earned = (timestampMs - lastRefillMs) * config.windowsPerMinute() / MS_PER_MINUTE;
            tokens = Math.min(config.burst(), tokens + earned);
        }
        lastRefillMs = Math.max(lastRefillMs, timestampMs);
    }

    public byte[] toBytes() {
        return StateBytes.write(FORMAT, out -> {
            out.writeDouble(tokens);
            out.writeLong(lastRefillMs);
        });
    }

    public static PoolRateLimiter fromBytes(byte[] bytes, PoolRateConfig config) {
        return StateBytes.read(bytes, FORMAT, "pool rate limiter", in -> {
            PoolRateLimiter limiter = new PoolRateLimiter(config);
            limiter.tokens = Math.min(config.burst(), in.readDouble());
            limiter.lastRefillMs = in.readLong();
            return limiter;
        });
    }
}
