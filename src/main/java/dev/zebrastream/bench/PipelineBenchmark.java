package dev.zebrastream.bench;

import dev.zebrastream.audio.AudioClip;
import dev.zebrastream.avro.Classification;
import dev.zebrastream.broker.EmbeddedKafkaBroker;
import dev.zebrastream.client.TopicTail;
import dev.zebrastream.config.ZebraConfig;
import dev.zebrastream.model.ClapModel;
import dev.zebrastream.sensor.FramePublisher;
import dev.zebrastream.sensor.RealTimePacer;
import dev.zebrastream.sensor.SensorFleet;
import dev.zebrastream.sensor.SimulatedSensor;
import dev.zebrastream.serde.AvroSerde;
import dev.zebrastream.serde.AvroSerdes;
import dev.zebrastream.service.ClassifierService;
import dev.zebrastream.synth.SoundCatalog;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the demo set-up end to end on this machine, and the same model's raw inference in the
 * same run, so the ratio shows what the pipeline (Kafka, Avro, windowing, transactions) costs:
 * <ol>
 * <li>raw inference: the audio encoder alone on batches of one-second windows;</li>
 * <li>sustained throughput: sensors' audio published as fast as possible, windows/s until all are classified;</li>
 * <li>latency: sensors at real time (the demo), frame capture to committed event, p50/p90/p99.</li>
 * </ol>
 */
public final class PipelineBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineBenchmark.class);

    private final ZebraConfig base;
    private final ClapModel model;
    private final PrintWriter out;

    public PipelineBenchmark(ZebraConfig base, ClapModel model, PrintWriter out) {
        this.base = base;
        this.model = model;
        this.out = out;
    }

    public PipelineResult run(int sensors, double throughputSeconds, double latencySeconds, Path dataDir)
            throws Exception {
        double raw = rawInference(Math.max(64, (int) (sensors * throughputSeconds / 2)));
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), 0)) {
            Sustained sustained = throughput(broker, sensors, throughputSeconds, dataDir);
            Percentiles latency = latency(broker, sensors, latencySeconds, dataDir);
            return new PipelineResult(sensors, base.batchSize(), raw, sustained.windowsPerSecond(),
                    sustained.windowsPerSecond() / raw, sustained.windows(),
                    sustained.changelogBytes() / (double) sustained.windows(),
                    sustained.cpuSeconds() / sustained.windows(), latency.at(50), latency.at(90), latency.at(99),
                    latency.count());
        }
    }

    /** The result as the markdown table docs/benchmarks.md records. */
    public void printTable(PipelineResult r) {
        out.printf(Locale.ROOT, "%n| measurement | value |%n|---|---|%n");
        out.printf(Locale.ROOT, "| raw inference (audio encoder, batch %d) | %.1f windows/s |%n", r.batchSize(),
                r.rawWindowsPerSecond());
        out.printf(Locale.ROOT, "| pipeline sustained (%d sensors, as fast as possible, %d windows) | %.1f windows/s |%n",
                r.sensors(), r.windowsMeasured(), r.pipelineWindowsPerSecond());
        out.printf(Locale.ROOT, "| pipeline / raw | %.2f |%n", r.ratio());
        out.printf(Locale.ROOT, "| changelog bytes per window | %.0f |%n", r.changelogBytesPerWindow());
        out.printf(Locale.ROOT, "| CPU seconds per window (whole JVM: classifier and broker) | %.4f |%n",
                r.cpuSecondsPerWindow());
        out.printf(Locale.ROOT, "| frame-to-event latency at real time (%d sensors, %d events) p50 / p90 / p99 | %.0f / %.0f / %.0f ms |%n",
                r.sensors(), r.latencyEvents(), r.latencyP50Ms(), r.latencyP90Ms(), r.latencyP99Ms());
        out.flush();
    }

    /** The audio encoder (with the front end) on one-second windows, no Kafka at all. */
    private double rawInference(int windows) throws Exception {
        int rate = model.manifest().audio().sampleRate();
        SimulatedSensor source = SensorFleet.create(1, 99, renderable(), 0, -1).get(0);
        List<AudioClip> clips = new ArrayList<>();
        for (int i = 0; i < windows; i++) {
            clips.add(new AudioClip(sensorAudio(source, rate), rate));
        }
        model.embedAudio(clips.subList(0, Math.min(32, clips.size())), base.batchSize()); // warm-up
        long start = System.nanoTime();
        model.embedAudio(clips, base.batchSize());
        double perSecond = windows / ((System.nanoTime() - start) / 1e9);
        LOG.info("raw inference: {} windows, {} windows/s", windows, String.format(Locale.ROOT, "%.1f", perSecond));
        return perSecond;
    }

    private static float[] sensorAudio(SimulatedSensor s, int rate) {
        return s.stream().next(rate);
    }

    /** The sustained run: windows/s from first to last event, and what those windows cost. */
    private record Sustained(double windowsPerSecond, int windows, long changelogBytes, double cpuSeconds) {
    }

    private Sustained throughput(EmbeddedKafkaBroker broker, int sensors, double seconds, Path dataDir) throws Exception {
        ZebraConfig config = configFor(broker, "bench-throughput", dataDir);
        Properties client = config.kafka().clientProperties();
        // Recorded audio: its capture times lie in the past, so the broker sees no future timestamps.
        long start = System.currentTimeMillis() - (long) (seconds * 1000);
        List<SimulatedSensor> fleet = SensorFleet.create(sensors, 3, renderable(), start, -1);
        BenchTopics.create(config);
        try (FramePublisher publisher = new FramePublisher(client, config.topics().audioFrames())) {
            for (SimulatedSensor s : fleet) {
                while (s.stream().position() < seconds * s.profile().sampleRate()) {
                    publisher.publish(s.nextFrame());
                }
            }
        }
        int expected = (int) (sensors * Math.floor(seconds));
        LOG.info("throughput: {} s of audio from {} sensors published; classifying", seconds, sensors);
        long cpuBefore = processCpuNanos();
        try (ClassifierService service = ClassifierService.start(config, model)) {
            Arrivals a = Arrivals.await(client, config.topics().events(), expected, Duration.ofMinutes(20), r -> { });
            double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
            double elapsed = (a.lastNanos - a.firstNanos) / 1e9;
            LOG.info("throughput: {} windows, {} s from first to last event", a.count,
                    String.format(Locale.ROOT, "%.1f", elapsed));
            return new Sustained((a.count - 1) / elapsed, a.count, Arrivals.changelogBytes(client, config.kafka().applicationId(),
                    broker.nodeId()),
                    cpuSeconds);
        }
    }

    /** CPU time of this whole JVM: the classifier, and the broker that runs in it. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private Percentiles latency(EmbeddedKafkaBroker broker, int sensors, double seconds, Path dataDir) throws Exception {
        ZebraConfig config = configFor(broker, "bench-latency", dataDir);
        Properties client = config.kafka().clientProperties();
        AvroSerde<Classification> serde = AvroSerdes.of(Classification.class);
        List<Double> latencies = new ArrayList<>();
        try (ClassifierService service = ClassifierService.start(config, model)) {
            service.awaitRunning(Duration.ofMinutes(1));
            List<SimulatedSensor> fleet = SensorFleet.create(sensors, 5, renderable(), System.currentTimeMillis(), -1);
            try (RealTimePacer pacer = new RealTimePacer(fleet, new FramePublisher(client, config.topics().audioFrames()));
                 TopicTail tail = new TopicTail(client, List.of(config.topics().events()), true)) {
                pacer.start();
                long end = System.nanoTime() + (long) (seconds * 1e9);
                long lastLog = System.nanoTime();
                while (System.nanoTime() < end) {
                    tail.poll(Duration.ofMillis(200), r -> latencies.add((double) serde.decode(r.topic(), r.value()).getLatencyMs()));
                    if (System.nanoTime() - lastLog > 10e9) {
                        LOG.info("latency: {} events so far", latencies.size());
                        lastLog = System.nanoTime();
                    }
                }
            }
        }
        return new Percentiles(latencies.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private ZebraConfig configFor(EmbeddedKafkaBroker broker, String appId, Path dataDir) {
        // Own topics and state per run, so the latency run does not re-read the throughput run's frames.
        return base.withBootstrap(broker.bootstrapServers()).withApplication(appId, dataDir.resolve(appId));
    }

    private List<String> renderable() {
        return SoundCatalog.standard().renderable(model.manifest().classes());
    }
}
