package dev.zebrastream.bench;

import dev.zebrastream.avro.Classification;
import dev.zebrastream.broker.EmbeddedKafkaBroker;
import dev.zebrastream.client.TopicTail;
import dev.zebrastream.config.ZebraConfig;
import dev.zebrastream.model.ClapModel;
import dev.zebrastream.sensor.FramePublisher;
import dev.zebrastream.sensor.SensorProfile;
import dev.zebrastream.serde.AvroSerde;
import dev.zebrastream.serde.AvroSerdes;
import dev.zebrastream.service.ClassifierService;
import dev.zebrastream.synth.SoundCatalog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many real-time sensors one instance keeps up with: steps of N sensors (the mixed profiles of
 * {@link SensorProfile#variety}), each on a fresh application, each sensor one window per second. A
 * step is held when, after a warm-up, the p99 frame-to-event latency is at most 1 s and the backlog of
 * unclassified windows does not grow. The sensors' audio is rendered once per profile and looped, so the
 * simulation costs almost nothing and the figure is the service's, not the generator's.
 */
public final class CapacityBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(CapacityBenchmark.class);
    private static final double LATENCY_LIMIT_MS = 1_000;

    private final ZebraConfig base;
    private final ClapModel model;
    private final PrintWriter out;

    public CapacityBenchmark(ZebraConfig base, ClapModel model, PrintWriter out) {
        this.base = base;
        this.model = model;
        this.out = out;
    }

    /** One step's outcome; {@code backlogGrowth} is unclassified windows at the end minus at the middle. */
    public record Step(int sensors, int events, double p50Ms, double p99Ms, double eventsPerSecond,
                       int backlogGrowth, boolean held) {
    }

    /** Runs the steps in order, stopping after the first one that is not held. */
    public List<Step> run(List<Integer> sensorCounts, double stepSeconds, double warmupSeconds, Path dataDir)
            throws Exception {
        List<Step> steps = new ArrayList<>();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), 0)) {
            for (int n : sensorCounts) {
                Step step = step(broker, n, stepSeconds, warmupSeconds, dataDir);
                steps.add(step);
                LOG.info("capacity: {} sensors: p99 {} ms, {} events/s, backlog growth {} windows: {}", n,
                        Math.round(step.p99Ms()), String.format(Locale.ROOT, "%.1f", step.eventsPerSecond()),
                        step.backlogGrowth(), step.held() ? "held" : "not held");
                if (!step.held()) {
                    break;
                }
            }
        }
        return steps;
    }

    public void printTable(List<Step> steps) {
        out.printf(Locale.ROOT, "%n| real-time sensors | events | p50 / p99 latency | events/s | backlog growth | held |%n"
                + "|---|---|---|---|---|---|%n");
        for (Step s : steps) {
            out.printf(Locale.ROOT, "| %d | %d | %.0f / %.0f ms | %.1f | %d windows | %s |%n", s.sensors(), s.events(),
                    s.p50Ms(), s.p99Ms(), s.eventsPerSecond(), s.backlogGrowth(), s.held() ? "yes" : "no");
        }
        out.printf(Locale.ROOT, "%nlargest count held: %d%n", largestHeld(steps));
        out.flush();
    }

    public static int largestHeld(List<Step> steps) {
        return steps.stream().filter(Step::held).mapToInt(Step::sensors).max().orElse(0);
    }

    private Step step(EmbeddedKafkaBroker broker, int sensors, double seconds, double warmup, Path dataDir)
            throws Exception {
        String app = "bench-capacity-" + sensors;
        ZebraConfig config = base.withBootstrap(broker.bootstrapServers()).withApplication(app, dataDir.resolve(app));
        Properties client = config.kafka().clientProperties();
        AvroSerde<Classification> serde = AvroSerdes.of(Classification.class);
        List<double[]> latencies = new ArrayList<>(); // {arrival seconds since start, latency ms}
        try (ClassifierService service = ClassifierService.start(config, model);
             FramePublisher publisher = new FramePublisher(client, config.topics().audioFrames());
             TopicTail tail = new TopicTail(client, List.of(config.topics().events()), true)) {
            service.awaitRunning(Duration.ofMinutes(1));
            LoopedFleet fleet = new LoopedFleet(sensors, renderable(), System.currentTimeMillis());
            long start = System.nanoTime();
            int backlogAtMiddle = -1;
            while (System.nanoTime() - start < seconds * 1e9) {
                fleet.publishDue(publisher, System.currentTimeMillis());
                double t = (System.nanoTime() - start) / 1e9;
                tail.poll(Duration.ofMillis(10), r -> latencies.add(new double[] {
                        (System.nanoTime() - start) / 1e9, serde.decode(r.topic(), r.value()).getLatencyMs()}));
                if (backlogAtMiddle < 0 && t >= warmup + (seconds - warmup) / 2) {
                    backlogAtMiddle = fleet.windowsPublished() - latencies.size();
                }
            }
            int backlogGrowth = fleet.windowsPublished() - latencies.size() - Math.max(0, backlogAtMiddle);
            double[] measured = latencies.stream().filter(l -> l[0] >= warmup).mapToDouble(l -> l[1]).toArray();
            Percentiles p = new Percentiles(measured);
            double rate = measured.length / (seconds - warmup);
            boolean held = measured.length > 0 && p.at(99) <= LATENCY_LIMIT_MS && backlogGrowth <= sensors;
            return new Step(sensors, measured.length, p.at(50), p.at(99), rate, backlogGrowth, held);
        }
    }

    private List<String> renderable() {
        return SoundCatalog.standard().renderable(model.manifest().classes());
    }
}
