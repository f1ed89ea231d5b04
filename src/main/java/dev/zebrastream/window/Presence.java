package dev.zebrastream.window;

/**
 * Since when this service has continuously been able to hear the sensors of one input partition:
 * running, in contact with the broker and caught up. The idle flush counts a sensor's silence only
 * from then ({@link WindowAssembler#flush(long, long)}), so the service's own absence never looks
 * like a silent sensor.
 *
 * <p>Ticked by a periodic check. Presence restarts at a tick where the partition is not live, and at
 * a tick that comes much later than the period, because the thread that ticks was then stalled too.
 */
public final class Presence {

    private final long maxTickGapMs;
    private long presentSinceMs;
    private long lastTickMs;

    /** @param startMs when the task (re)started: nothing before it was heard */
    public Presence(long startMs, long maxTickGapMs) {
        this.maxTickGapMs = maxTickGapMs;
        this.presentSinceMs = startMs;
        this.lastTickMs = startMs;
    }

    /** Records one check and returns the start of the current present period. */
    public long tick(long nowMs, boolean live) {
        if (!live || nowMs - lastTickMs > maxTickGapMs) {
            presentSinceMs = nowMs;
        }
        lastTickMs = nowMs;
        return presentSinceMs;
    }

    /** Whether one input partition is live now, as far as the service can tell. */
    @FunctionalInterface
    public interface Liveness {
        Liveness ALWAYS = (topic, partition) -> true;

        boolean isLive(String topic, int partition);
    }
}
