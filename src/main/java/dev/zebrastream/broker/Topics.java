package dev.zebrastream.broker;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.TopicConfig;

/**
 * The names of the seven ZEBRA Stream topics (brief section 3) and how each is kept: compacted where
 * only the latest value per key matters (labels per window, prompts per prompt set), time- and
 * size-bounded where records are a stream.
 */
public record Topics(String audioFrames, String events, String pool, String labels, String prompts,
                     String alerts, String deadLetters) {

    public static final int DEFAULT_PARTITIONS = 3;

    private static final long MIB = 1024L * 1024L;

    public static Topics defaults() {
        return new Topics("zebra.audio-frames", "zebra.events", "zebra.pool", "zebra.labels", "zebra.prompts",
                "zebra.alerts", "zebra.dlq");
    }

    /**
     * Specs of all seven topics; {@code partitions} applies to the keyed streams (the classifier's
     * parallelism). Prompts always get one partition: a handful of small records read in full by every
     * instance, where one partition keeps all versions in publication order.
     */
    public List<TopicSpec> specs(int partitions) {
        return List.of(
                new TopicSpec(audioFrames, partitions, deleteAfter(Duration.ofHours(1), 256 * MIB, Duration.ofMinutes(10))),
                new TopicSpec(events, partitions, deleteAfter(Duration.ofDays(7))),
                new TopicSpec(pool, partitions, large(deleteAfter(Duration.ofDays(1), 256 * MIB, Duration.ofHours(1)))),
                new TopicSpec(labels, partitions, large(compacted())),
                new TopicSpec(prompts, 1, compacted()),
                new TopicSpec(alerts, partitions, deleteAfter(Duration.ofDays(7))),
                new TopicSpec(deadLetters, partitions, large(deleteAfter(Duration.ofDays(7)))));
    }

    /** The same topics with a prefix, for applications that must not share data (benchmarks, tests). */
    public Topics prefixed(String prefix) {
        return new Topics(prefix + audioFrames, prefix + events, prefix + pool, prefix + labels, prefix + prompts,
                prefix + alerts, prefix + deadLetters);
    }

    public List<String> names() {
        return List.of(audioFrames, events, pool, labels, prompts, alerts, deadLetters);
    }

    private static Map<String, String> deleteAfter(Duration retention) {
        return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, millis(retention));
    }

    /**
     * Bounded in time and in bytes per partition. Retention only drops whole closed segments, so the
     * segments roll early enough for the bounds to bite.
     */
    private static Map<String, String> deleteAfter(Duration retention, long bytesPerPartition, Duration segmentRoll) {
        return with(deleteAfter(retention), Map.of(
                TopicConfig.RETENTION_BYTES_CONFIG, Long.toString(bytesPerPartition),
                TopicConfig.SEGMENT_BYTES_CONFIG, Long.toString(Math.min(bytesPerPartition / 8, 64 * MIB)),
                TopicConfig.SEGMENT_MS_CONFIG, millis(segmentRoll)));
    }

    /** Compaction never touches the active segment, so it rolls hourly to let old versions go. */
    private static Map<String, String> compacted() {
        return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.SEGMENT_MS_CONFIG, millis(Duration.ofHours(1)));
    }

    /** Records that may carry seconds of float32 audio, beyond the 1 MiB default. */
    private static Map<String, String> large(Map<String, String> configs) {
        return with(configs, Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(RecordLimits.MAX_RECORD_BYTES)));
    }

    private static Map<String, String> with(Map<String, String> base, Map<String, String> extra) {
        Map<String, String> merged = new HashMap<>(base);
        merged.putAll(extra);
        return merged;
    }

    private static String millis(Duration duration) {
        return Long.toString(duration.toMillis());
    }
}
