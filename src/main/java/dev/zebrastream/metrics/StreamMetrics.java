package dev.zebrastream.metrics;

import dev.zebrastream.window.AssemblerStats;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.function.DoubleSupplier;

/** The service's Prometheus metrics, registered on one registry (exposed by {@link MetricsServer}). */
public final class StreamMetrics {

    private final PrometheusRegistry registry;
    private final Counter frames;
    private final Counter windows;
    private final Counter assembler;
    private final Histogram batchSize;
    private final Histogram inferenceSeconds;
    private final Histogram latencySeconds;
    private final Histogram entropy;
    private final Counter pooled;
    private final Counter deadLetters;
    private final Counter misrouted;
    private final Counter alerts;
    private final Gauge promptVersion;

    public StreamMetrics(PrometheusRegistry registry) {
        this.registry = registry;
        frames = Counter.builder().name("zebra_frames").help("audio frames accepted").register(registry);
        windows = Counter.builder().name("zebra_windows_classified").help("windows classified")
                .labelNames("sensor").register(registry);
        assembler = Counter.builder().name("zebra_window_assembly_events")
                .help("window assembly events: duplicate, reordered, gap_filled, segment_started")
                .labelNames("event").register(registry);
        batchSize = Histogram.builder().name("zebra_inference_batch_size").help("windows per inference batch")
                .classicOnly().classicUpperBounds(1, 2, 4, 8, 16, 32, 64, 128).register(registry);
        inferenceSeconds = Histogram.builder().name("zebra_inference_seconds")
                .help("time to embed one inference batch").classicOnly()
                .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5).register(registry);
        latencySeconds = Histogram.builder().name("zebra_frame_to_event_latency_seconds")
                .help("capture time of a window's newest frame to its event").classicOnly()
                .classicUpperBounds(0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30).register(registry);
        entropy = Histogram.builder().name("zebra_window_entropy").help("normalised entropy of window predictions")
                .classicOnly().classicLinearUpperBounds(0.1, 0.1, 10).register(registry);
        pooled = Counter.builder().name("zebra_pooled_windows").help("uncertain windows sent to the unlabeled pool")
                .register(registry);
        deadLetters = Counter.builder().name("zebra_dead_letters").help("records sent to the dead-letter topic")
                .labelNames("stage").register(registry);
        misrouted = Counter.builder().name("zebra_misrouted_frames")
                .help("frames on another partition than the default partitioner gives their sensor id")
                .labelNames("sensor").register(registry);
        alerts = Counter.builder().name("zebra_drift_alerts").help("entropy drift alerts").labelNames("state")
                .register(registry);
        promptVersion = Gauge.builder().name("zebra_prompt_version").help("prompt set version in force")
                .register(registry);
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    public void frameAccepted() {
        frames.inc();
    }

    /** Adds what the assembler counted between two snapshots of its statistics. */
    public void assembly(AssemblerStats before, AssemblerStats after) {
        assembler.labelValues("duplicate").inc(after.duplicatesDropped() - before.duplicatesDropped());
        assembler.labelValues("reordered").inc(after.reordered() - before.reordered());
        assembler.labelValues("gap_filled").inc(after.gapsFilled() - before.gapsFilled());
        assembler.labelValues("segment_started").inc(after.segmentsStarted() - before.segmentsStarted());
    }

    public void batch(int size, double seconds) {
        batchSize.observe(size);
        inferenceSeconds.observe(seconds);
    }

    public void classified(String sensor, double latencySeconds, double normalisedEntropy) {
        windows.labelValues(sensor).inc();
        this.latencySeconds.observe(latencySeconds);
        entropy.observe(normalisedEntropy);
    }

    public void pooled() {
        pooled.inc();
    }

    public void deadLetter(String stage) {
        deadLetters.labelValues(stage).inc();
    }

    public void misroutedFrame(String sensor) {
        misrouted.labelValues(sensor).inc();
    }

    public void alert(String state) {
        alerts.labelValues(state).inc();
    }

    public void promptVersion(long version) {
        promptVersion.set(version);
    }

    /** Consumer lag, read from Kafka Streams' own client metrics when scraped. */
    public void consumerLag(DoubleSupplier lag) {
        GaugeWithCallback.builder().name("zebra_consumer_lag").help("largest consumer lag of the input topics, records")
                .callback(cb -> cb.call(lag.getAsDouble())).register(registry);
    }
}
