package dev.zebrastream.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PoolRateLimiterTest {

    /** 6 windows a minute (one per 10 s), bursts of 3. */
    private static final PoolRateConfig CONFIG = new PoolRateConfig(6, 3);

    @Test
    void allowsABurstThenOneWindowPerRefillInterval() {
        PoolRateLimiter limiter = new PoolRateLimiter(CONFIG);
        assertEquals(3, acquired(limiter, 0, 10));
        assertFalse(limiter.tryAcquire(9_999), "a token takes 10 s to refill");
        assertTrue(limiter.tryAcquire(10_000));
        assertFalse(limiter.tryAcquire(10_000));
    }

    @Test
    void aLongQuietSpellRefillsOnlyUpToTheBurst() {
        PoolRateLimiter limiter = new PoolRateLimiter(CONFIG);
        acquired(limiter, 0, 3);
        assertEquals(3, acquired(limiter, 3_600_000, 10));
    }

    @Test
    void timestampsGoingBackwardsEarnNothing() {
        PoolRateLimiter limiter = new PoolRateLimiter(CONFIG);
        acquired(limiter, 50_000, 3);
        assertFalse(limiter.tryAcquire(0));
        assertFalse(limiter.tryAcquire(59_999), "time is measured from the newest timestamp seen");
        assertTrue(limiter.tryAcquire(60_000));
    }

    @Test
    void restoredStateMakesTheSameDecisions() {
        PoolRateLimiter uninterrupted = new PoolRateLimiter(CONFIG);
        PoolRateLimiter restored = new PoolRateLimiter(CONFIG);
        for (long t = 0; t < 120_000; t += 1_700) {
            restored = PoolRateLimiter.fromBytes(restored.toBytes(), CONFIG);
            assertEquals(uninterrupted.tryAcquire(t), restored.tryAcquire(t), "decision at " + t);
        }
    }

    private static int acquired(PoolRateLimiter limiter, long timestampMs, int attempts) {
        int granted = 0;
        for (int i = 0; i < attempts; i++) {
            granted += limiter.tryAcquire(timestampMs) ? 1 : 0;
        }
        return granted;
    }
}
