package dev.zebrastream.service;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs state restoration from the changelogs (start, a progress line every few seconds, end) and
 * keeps the totals: after a crash under exactly-once a task's state is rebuilt from its changelog
 * before it processes anything, and this is how long its sensors wait.
 */
public final class RestoreProgress implements StateRestoreListener {

    /** What restoring took, over every store restored since the service started. */
    public record Summary(long records, double seconds) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(RestoreProgress.class);
    private static final long PROGRESS_NANOS = 5_000_000_000L;

    private final AtomicLong records = new AtomicLong();
    private final AtomicLong firstStartNanos = new AtomicLong();
    private final AtomicLong lastEndNanos = new AtomicLong();
    private final AtomicLong lastLogNanos = new AtomicLong();

    @Override
    public void onRestoreStart(TopicPartition partition, String store, long startingOffset, long endingOffset) {
        long now = System.nanoTime();
        firstStartNanos.compareAndSet(0, now);
        lastLogNanos.compareAndSet(0, now);
        LOG.info("restoring store {} from {}: offsets {} to {}", store, partition, startingOffset, endingOffset);
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long numRestored) {
        long total = records.addAndGet(numRestored);
        long now = System.nanoTime();
        long last = lastLogNanos.get();
        if (now - last > PROGRESS_NANOS && lastLogNanos.compareAndSet(last, now)) {
            LOG.info("restoring state: {} records so far", total);
        }
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
        lastEndNanos.set(System.nanoTime());
        LOG.info("restored store {} from {}: {} records", store, partition, totalRestored);
    }

    Summary summary() {
        long start = firstStartNanos.get();
        double seconds = start == 0 ? 0 : Math.max(0, lastEndNanos.get() - start) / 1e9;
        return new Summary(records.get(), seconds);
    }
}
