package dev.zebrastream.config;

import dev.zebrastream.monitor.DriftConfig;
import dev.zebrastream.monitor.PoolRateConfig;
import dev.zebrastream.window.StoredSamples;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** What the topology does with windows: sizes, batching, labels, pool routing and drift alerts. */
public record StreamSettings(
        double windowSeconds,
        double hopSeconds,
        int reorderFrames,
        double maxGapSeconds,
        long idleFlushMs,
        StoredSamples sampleFormat,
        long maxBatchWaitMs,
        int topK,
        List<String> classes,
        String promptSetId,
        double poolEntropyThreshold,
        PoolRateConfig poolRate,
        boolean poolIncludesAudio,
        DriftConfig drift) {

    public StreamSettings {
        classes = List.copyOf(classes);
        if (topK < 1 || maxBatchWaitMs < 1 || reorderFrames < 1) {
            throw new IllegalArgumentException("classify.top.k, batch.max.wait.ms and window.reorder.frames must be positive");
        }
        if (poolEntropyThreshold < 0 || poolEntropyThreshold > 1) {
            throw new IllegalArgumentException("pool.entropy.threshold is a normalised entropy in [0, 1]");
        }
    }

    static StreamSettings from(Map<Setting, String> v) {
        List<String> classes = Arrays.stream(v.get(Setting.CLASSES).split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        return new StreamSettings(
                Setting.WINDOW_SECONDS.parseOptionalDouble(v),
                Setting.HOP_SECONDS.parseOptionalDouble(v),
                Setting.REORDER_FRAMES.parseInt(v),
                Setting.MAX_GAP_SECONDS.parseDouble(v),
                Setting.IDLE_FLUSH_MS.parseLong(v),
                Setting.STATE_SAMPLES.parse(v, StoredSamples::parse),
                Setting.MAX_BATCH_WAIT_MS.parseLong(v),
                Setting.TOP_K.parseInt(v),
                classes,
                v.get(Setting.PROMPT_SET_ID),
                Setting.POOL_ENTROPY.parseDouble(v),
                new PoolRateConfig(Setting.POOL_RATE.parseDouble(v), Setting.POOL_BURST.parseInt(v)),
                Setting.POOL_AUDIO.parseBoolean(v),
                new DriftConfig(Setting.DRIFT_ALPHA.parseDouble(v), Setting.DRIFT_WARMUP.parseInt(v),
                        OptionalDouble.empty(), Setting.DRIFT_RAISE.parseDouble(v), Setting.DRIFT_RESOLVE.parseDouble(v),
                        Setting.DRIFT_MIN_WINDOWS.parseInt(v)));
    }

    /** These settings with another idle flush time. */
    public StreamSettings withIdleFlushMs(long ms) {
        return new StreamSettings(windowSeconds, hopSeconds, reorderFrames, maxGapSeconds, ms, sampleFormat,
                maxBatchWaitMs, topK, classes, promptSetId, poolEntropyThreshold, poolRate, poolIncludesAudio, drift);
    }

    /** Window length: the configured one, or the model's when none is configured. */
    public double windowSecondsOr(double modelWindowSeconds) {
        return Double.isNaN(windowSeconds) ? modelWindowSeconds : windowSeconds;
    }

    public double hopSecondsOr(double modelWindowSeconds) {
        return Double.isNaN(hopSeconds) ? windowSecondsOr(modelWindowSeconds) : hopSeconds;
    }

    /** The classes to score before any prompt set exists: the configured ones, or the model's. */
    public List<String> classesOr(List<String> modelClasses) {
        return classes.isEmpty() ? modelClasses : classes;
    }
}
