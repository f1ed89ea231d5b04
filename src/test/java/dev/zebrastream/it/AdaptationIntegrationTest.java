package dev.zebrastream.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zebrastream.avro.Classification;
import dev.zebrastream.avro.LabeledWindow;
import dev.zebrastream.avro.PooledWindow;
import dev.zebrastream.broker.EmbeddedKafkaBroker;
import dev.zebrastream.classify.Classifier;
import dev.zebrastream.config.Setting;
import dev.zebrastream.config.ZebraConfig;
import dev.zebrastream.model.ClapModel;
import dev.zebrastream.sensor.FramePublisher;
import dev.zebrastream.sensor.SensorProfile;
import dev.zebrastream.sensor.SimulatedSensor;
import dev.zebrastream.serde.AvroSerdes;
import dev.zebrastream.service.AdaptationService;
import dev.zebrastream.service.ClassifierService;
import dev.zebrastream.stream.AvroMapping;
import dev.zebrastream.synth.DomainSpec;
import dev.zebrastream.synth.SensorStream;
import dev.zebrastream.synth.StreamEvent;
import dev.zebrastream.testing.KafkaChecks;
import dev.zebrastream.testing.TestConfigs;
import dev.zebrastream.testing.TestModels;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ZEBRA in the stream on a real broker: sensors under an unseen deployment condition (hall-3, heavy
 * reverberation), a labeler labels pooled windows of five base classes, the adaptation service
 * (service defaults: subspace-gn optimiser, ZEBRA objective) publishes a new prompt version, and
 * later events carry it. On the same later windows, base-class accuracy with the new version rises
 * by at least {@link #MIN_BASE_GAIN} over zero-shot's, and novel-class accuracy stays within
 * {@link #NOVEL_MARGIN} of zero-shot's. Base classes are ones the shipped model often confuses in hall-3
 * ({@code zeroshot-eval --domain hall-3 --seed 1000}, another seed than the test's: for tiny-clap v2 hammering,
 * knocking, footsteps, clock ticking and engine idling score 0.00–0.25 there), so the gain is large enough
 * to measure on a minute of audio (last runs with v2: base 0.310 → 0.483, novel 0.828 → 0.897; with v1's
 * base classes church bell, rain, crickets, hammering and knocking, v2 already scored 0.759 and rose only
 * to 0.793).
 */
class AdaptationIntegrationTest {

    static final String DOMAIN = "hall-3";
    static final List<String> BASE = List.of("hammering", "knocking", "footsteps", "clock ticking", "engine idling");
    static final List<String> NOVEL = List.of("siren", "dog barking", "telephone ring", "wind", "car horn");
    static final double NOVEL_MARGIN = 0.10;
    /** Base accuracy must rise by at least this much (3 of the ~57 base windows scored). */
    static final double MIN_BASE_GAIN = 0.05;
    private static final double PHASE_SECONDS = 150;
    private static final int SENSORS = 3;

    @TempDir
    Path dir;

    @Test
    void labelsAdaptPromptsAndLaterEventsImproveOnBaseClasses() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0)) {
            ZebraConfig config = config(broker);
            ClapModel model = TestModels.tinyClap();
            Properties client = config.kafka().clientProperties();
            List<String> classes = new ArrayList<>(BASE);
            classes.addAll(NOVEL);
            List<SimulatedSensor> sensors = sensors(classes);
            try (ClassifierService service = ClassifierService.start(config, model);
                 AdaptationService adaptation = new AdaptationService(config, model).start();
                 FramePublisher publisher = new FramePublisher(client, config.topics().audioFrames())) {
                assertTrue(service.awaitRunning(Duration.ofSeconds(60)));
                publish(sensors, publisher, PHASE_SECONDS);
                List<PooledWindow> firstPool = KafkaChecks.readUntil(client, config.topics().pool(),
                        AvroSerdes.of(PooledWindow.class), got -> got.size() >= sensors.size() * (PHASE_SECONDS - 2),
                        Duration.ofSeconds(120), Duration.ofSeconds(1));
                int labels = label(client, config, sensors, firstPool);
                assertTrue(labels >= 20, "enough base-class windows to label: " + labels);
                long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
                while (service.prompts().current().version() < 1 && System.nanoTime() < deadline) {
                    Thread.sleep(500);
                }
                // The labels may reach the service in two polls, and then a second version follows the first.
                assertTrue(service.prompts().current().version() >= 1, "the adaptation published v1 and it was installed");
                assertEquals(BASE.stream().sorted().toList(),
                        service.prompts().current().promptSet().baseClasses().stream().sorted().toList());

                publish(sensors, publisher, 2 * PHASE_SECONDS);
                int expectedPooled = firstPool.size() + (int) (sensors.size() * (PHASE_SECONDS - 2));
                List<PooledWindow> pool = KafkaChecks.readUntil(client, config.topics().pool(),
                        AvroSerdes.of(PooledWindow.class), got -> got.size() >= expectedPooled,
                        Duration.ofSeconds(120), Duration.ofSeconds(2));
                compareOnLaterWindows(model, classes, sensors, pool);
            }
        }
    }

    private ZebraConfig config(EmbeddedKafkaBroker broker) throws Exception {
        Map<Setting, String> s = new EnumMap<>(Setting.class);
        s.put(Setting.BOOTSTRAP, broker.bootstrapServers());
        s.put(Setting.DATA_DIR, dir.toString());
        s.put(Setting.CLASSES, String.join(",", BASE) + "," + String.join(",", NOVEL));
        s.put(Setting.POOL_ENTROPY, "0");       // every window reaches the pool, so the test can label and score all of them
        s.put(Setting.POOL_RATE, "100000");
        s.put(Setting.POOL_BURST, "100000");
        s.put(Setting.ADAPT_MIN_NEW_LABELS, "20");
        s.put(Setting.IDLE_FLUSH_MS, "600000"); // no flush while the test waits for v1: one segment, one timeline
        return TestConfigs.with(s);
    }

    private static List<SimulatedSensor> sensors(List<String> classes) {
        List<SimulatedSensor> out = new ArrayList<>();
        for (int i = 0; i < SENSORS; i++) {
            SensorProfile profile = SensorProfile.variety(i);
            out.add(new SimulatedSensor("adapt-" + i, profile, new SensorStream(40 + i, profile.sampleRate(),
                    DomainSpec.parse(DOMAIN), classes, List.of()), System.currentTimeMillis()));
        }
        return out;
    }

    private static void publish(List<SimulatedSensor> sensors, FramePublisher publisher, double untilSeconds) {
        for (SimulatedSensor s : sensors) {
            while (s.stream().position() < untilSeconds * s.profile().sampleRate()) {
                publisher.publish(s.nextFrame());
            }
        }
        publisher.flush();
    }

    /** The ground-truth class of a window when it lies inside one event, from the generator's timeline. */
    private static Optional<String> truth(List<SimulatedSensor> sensors, String windowId) {
        String[] parts = windowId.split(":");
        SimulatedSensor sensor = sensors.stream().filter(s -> s.sensorId().equals(parts[0])).findFirst().orElseThrow();
        long start = Long.parseLong(parts[2]);
        long end = start + sensor.profile().sampleRate();
        if (!parts[1].equals("0")) {
            return Optional.empty();
        }
        return sensor.stream().events().stream().filter(e -> e.startSample() <= start && end <= e.endSample())
                .map(StreamEvent::className).findFirst();
    }

    private static int label(Properties client, ZebraConfig config, List<SimulatedSensor> sensors,
                             List<PooledWindow> pool) throws Exception {
        int n = 0;
        try (KafkaProducer<String, LabeledWindow> producer = new KafkaProducer<>(client, new StringSerializer(),
                AvroSerdes.of(LabeledWindow.class).serializer())) {
            for (PooledWindow w : pool) {
                Optional<String> t = truth(sensors, w.getWindowId());
                if (t.isPresent() && BASE.contains(t.get())) {
                    producer.send(new ProducerRecord<>(config.topics().labels(), w.getWindowId(),
                            LabeledWindow.newBuilder().setWindowId(w.getWindowId()).setLabel(t.get())
                                    .setLabeledAtMs(Instant.now()).build()));
                    n++;
                }
            }
            // One burst, so the service sees every label before it decides to adapt.
            producer.flush();
        }
        return n;
    }

    /** Same later windows, two classifiers: the adapted version each event carried, and zero-shot (recomputed). */
    private static void compareOnLaterWindows(ClapModel model, List<String> classes, List<SimulatedSensor> sensors,
                                              List<PooledWindow> pool) throws Exception {
        Classifier zeroShot = Classifier.zeroShot(model, classes);
        Map<String, int[]> tallies = new HashMap<>(); // {adapted right, zero-shot right, total}
        int adaptedWindows = 0;
        for (PooledWindow w : pool) {
            Optional<String> t = truth(sensors, w.getWindowId());
            if (w.getPromptVersion() < 1 || t.isEmpty()) {
                continue;
            }
            adaptedWindows++;
            int[] tally = tallies.computeIfAbsent(BASE.contains(t.get()) ? "base" : "novel", k -> new int[3]);
            tally[0] += w.getScores().get(0).getLabel().equals(t.get()) ? 1 : 0;
            tally[1] += zeroShot.predict(AvroMapping.floats(w.getEmbedding()), 1).bestLabel().equals(t.get()) ? 1 : 0;
            tally[2]++;
        }
        assertTrue(adaptedWindows >= 40, "windows classified with an adapted version: " + adaptedWindows);
        int[] base = tallies.get("base");
        int[] novel = tallies.get("novel");
        double baseAdapted = base[0] / (double) base[2];
        double baseZero = base[1] / (double) base[2];
        double novelAdapted = novel[0] / (double) novel[2];
        double novelZero = novel[1] / (double) novel[2];
        String report = String.format("base %.3f vs zero-shot %.3f (%d windows); novel %.3f vs zero-shot %.3f (%d windows)",
                baseAdapted, baseZero, base[2], novelAdapted, novelZero, novel[2]);
        System.out.println("adaptation integration: " + report);
        assertTrue(baseAdapted >= baseZero + MIN_BASE_GAIN, "base accuracy rises: " + report);
        assertTrue(novelAdapted >= novelZero - NOVEL_MARGIN, "novel accuracy holds: " + report);
    }
}
