package dev.zebrastream.bench;

/**
 * What {@code benchmark pipeline} measured in one run; printed as a table or as one JSON object.
 *
 * @param rawWindowsPerSecond      the audio encoder alone on one-second windows (the ceiling)
 * @param pipelineWindowsPerSecond sustained throughput of the whole pipeline, first to last event
 * @param ratio                    pipeline / raw
 * @param windowsMeasured          windows in the sustained run
 * @param changelogBytesPerWindow  bytes the state stores' changelog topics grew by, per window classified
 * @param cpuSecondsPerWindow      CPU seconds of this JVM (classifier and broker) per window classified
 * @param latencyEvents            events in the real-time latency run
 */
public record PipelineResult(int sensors, int batchSize, double rawWindowsPerSecond, double pipelineWindowsPerSecond,
                             double ratio, int windowsMeasured, double changelogBytesPerWindow,
                             double cpuSecondsPerWindow, double latencyP50Ms, double latencyP90Ms, double latencyP99Ms,
                             int latencyEvents) {
}
