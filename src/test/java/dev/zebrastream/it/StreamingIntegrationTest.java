package dev.zebrastream.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zebrastream.avro.Classification;
import dev.zebrastream.avro.DriftState;
import dev.zebrastream.avro.EntropyDriftAlert;
import dev.zebrastream.avro.PooledWindow;
import dev.zebrastream.avro.PromptVectors;
import dev.zebrastream.broker.EmbeddedKafkaBroker;
import dev.zebrastream.config.Setting;
import dev.zebrastream.config.ZebraConfig;
import dev.zebrastream.model.ClapModel;
import dev.zebrastream.prompt.PromptSet;
import dev.zebrastream.sensor.FramePublisher;
import dev.zebrastream.sensor.SensorFleet;
import dev.zebrastream.sensor.SimulatedSensor;
import dev.zebrastream.serde.AvroSerdes;
import dev.zebrastream.service.ClassifierService;
import dev.zebrastream.stream.AvroMapping;
import dev.zebrastream.stream.ZebraTopology;
import dev.zebrastream.window.AssembledWindow;
import dev.zebrastream.window.Frame;
import dev.zebrastream.synth.StreamEvent;
import dev.zebrastream.synth.SoundCatalog;
import dev.zebrastream.testing.ExpectedWindows;
import dev.zebrastream.testing.KafkaChecks;
import dev.zebrastream.testing.TestConfigs;
import dev.zebrastream.testing.TestModels;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classifier on a real in-process KRaft broker: three simulated sensors, 36 s of audio each,
 * one drifting into an unseen heavy condition. Checks with a read_committed consumer that every
 * window is classified exactly once, that clean audio is mostly labeled right, that the pool and
 * alert topics get what they should, and that a prompt set published mid-stream switches later events.
 */
class StreamingIntegrationTest {

    private static final double SECONDS = 36;
    private static final double FIRST_BURST_SECONDS = 16;
    private static final double DRIFT_AFTER_SECONDS = 14;

    @TempDir
    Path dir;

    @Test
    void threeSensorsOnARealBroker() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0)) {
            Map<Setting, String> s = new EnumMap<>(Setting.class);
            s.put(Setting.BOOTSTRAP, broker.bootstrapServers());
            s.put(Setting.DATA_DIR, dir.toString());
            // No idle flush during the test: the window ids then follow from the frames alone. The
            // flush itself is covered deterministically on TopologyTestDriver.
            s.put(Setting.IDLE_FLUSH_MS, "600000");
            s.put(Setting.MAX_BATCH_WAIT_MS, "100");
            // A short warm-up and a faster EWMA, so 22 s of babble are enough to see the rise.
            s.put(Setting.DRIFT_WARMUP, "10");
            s.put(Setting.DRIFT_ALPHA, "0.2");
            s.put(Setting.DRIFT_MIN_WINDOWS, "3");
            s.put(Setting.POOL_ENTROPY, "0.3");
            ZebraConfig config = TestConfigs.with(s);
            ClapModel model = TestModels.tinyClap();
            Properties client = config.kafka().clientProperties();
            List<SimulatedSensor> sensors = SensorFleet.create(3, 11, SoundCatalog.standard()
                    .renderable(model.manifest().classes()).stream().filter(c -> !c.equals("speech")).toList(),
                    System.currentTimeMillis(), DRIFT_AFTER_SECONDS);
            Map<String, List<List<Frame>>> bursts = new HashMap<>();
            try (ClassifierService service = ClassifierService.start(config, model);
                 FramePublisher publisher = new FramePublisher(client, config.topics().audioFrames())) {
                assertTrue(service.awaitRunning(Duration.ofSeconds(60)), "streams reached RUNNING");
                publishBurst(sensors, publisher, FIRST_BURST_SECONDS, bursts);
                publishPrompt(client, config, model);
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (service.prompts().current().version() != 1 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertEquals(1, service.prompts().current().version(), "prompt v1 installed");
                publishBurst(sensors, publisher, SECONDS, bursts);

                var parts = ZebraTopology.parts(config, model, service.prompts(),
                        new dev.zebrastream.metrics.StreamMetrics(new PrometheusRegistry()));
                List<AssembledWindow> expected = new ArrayList<>();
                for (List<List<Frame>> b : bursts.values()) {
                    expected.addAll(ExpectedWindows.withoutFlush(b, parts.windows(), parts.output()));
                }
                List<Classification> events = KafkaChecks.readUntil(client, config.topics().events(),
                        AvroSerdes.of(Classification.class), got -> got.size() >= expected.size(),
                        Duration.ofSeconds(120), Duration.ofSeconds(5));

                assertExactlyOnce(expected, events);
                assertCleanSensorsMostlyRight(sensors, events);
                assertPromptSwitch(events, sensors);
                assertPool(client, config, events);
                assertDriftAlert(client, config, sensors.get(2).sensorId());
            }
        }
    }

    private static void publishBurst(List<SimulatedSensor> sensors, FramePublisher publisher, double untilSeconds,
                                     Map<String, List<List<Frame>>> bursts) {
        for (SimulatedSensor sensor : sensors) {
            List<Frame> burst = new ArrayList<>();
            while (sensor.stream().position() < untilSeconds * sensor.profile().sampleRate()) {
                Frame f = sensor.nextFrame();
                publisher.publish(f);
                burst.add(f);
            }
            bursts.computeIfAbsent(sensor.sensorId(), k -> new ArrayList<>()).add(burst);
        }
        publisher.flush();
        publisher.throwIfFailed();
    }

    private static void publishPrompt(Properties client, ZebraConfig config, ClapModel model) throws Exception {
        int hidden = model.prompts().hiddenSize();
        float[] context = new float[8 * hidden];
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < context.length; i++) {
            context[i] = (float) (r.nextGaussian() * 0.02);
        }
        List<String> classes = model.manifest().classes();
        PromptSet set = new PromptSet(config.stream().promptSetId(), 1, 0L, classes.subList(0, 10),
                classes.subList(10, classes.size()), 8, hidden, context, 0.5, model.manifest().logitScale(),
                model.manifest().fingerprint(), Map.of(), Map.of(), System.currentTimeMillis(), "integration test");
        try (KafkaProducer<String, PromptVectors> producer = new KafkaProducer<>(client, new StringSerializer(),
                AvroSerdes.of(PromptVectors.class).serializer())) {
            producer.send(new ProducerRecord<>(config.topics().prompts(), set.promptSetId(), AvroMapping.toAvro(set))).get();
        }
    }

    private static void assertExactlyOnce(List<AssembledWindow> expected, List<Classification> events) {
        List<String> ids = events.stream().map(Classification::getWindowId).toList();
        assertEquals(ids.size(), new HashSet<>(ids).size(), "no window classified twice");
        assertEquals(expected.stream().map(AssembledWindow::id).collect(Collectors.toSet()), new HashSet<>(ids),
                "every window classified");
        assertTrue(expected.size() >= 3 * 34, "at least 34 windows per sensor, got " + expected.size());
    }

    /** Windows lying inside one ground-truth event of the two clean sensors: the top label should be that event. */
    private static void assertCleanSensorsMostlyRight(List<SimulatedSensor> sensors, List<Classification> events) {
        int inside = 0;
        int right = 0;
        for (SimulatedSensor sensor : sensors.subList(0, 2)) {
            for (Classification c : events) {
                if (!c.getSensorId().equals(sensor.sensorId())) {
                    continue;
                }
                for (StreamEvent e : sensor.stream().events()) {
                    if (e.startSample() <= c.getWindowStartSample() && c.getWindowEndSample() <= e.endSample()) {
                        inside++;
                        right += e.className().equals(c.getTop().get(0).getLabel()) ? 1 : 0;
                    }
                }
            }
        }
        assertTrue(inside >= 10, "enough windows inside events: " + inside);
        assertTrue(right >= 0.6 * inside, "clean windows mostly right: " + right + "/" + inside);
    }

    /** Windows that start in the second burst were all classified after v1 was installed. */
    private static void assertPromptSwitch(List<Classification> events, List<SimulatedSensor> sensors) {
        assertTrue(events.stream().anyMatch(c -> c.getPromptVersion() == 0), "early events are zero-shot");
        Map<String, Integer> rates = sensors.stream()
                .collect(Collectors.toMap(SimulatedSensor::sensorId, s -> s.profile().sampleRate()));
        List<Classification> second = events.stream()
                .filter(c -> c.getWindowStartSample() >= FIRST_BURST_SECONDS * rates.get(c.getSensorId()))
                .toList();
        assertTrue(second.size() >= 3 * 15, "second-burst windows: " + second.size());
        assertTrue(second.stream().allMatch(c -> c.getPromptVersion() == 1),
                "every event of the second burst carries the new version");
    }

    private static void assertPool(Properties client, ZebraConfig config, List<Classification> events) {
        List<PooledWindow> pooled = KafkaChecks.readUntil(client, config.topics().pool(),
                AvroSerdes.of(PooledWindow.class), got -> false, Duration.ofSeconds(5), Duration.ZERO);
        Map<String, Double> entropy = events.stream()
                .collect(Collectors.toMap(Classification::getWindowId, Classification::getEntropy));
        assertFalse(pooled.isEmpty(), "some windows are uncertain enough for the pool");
        for (PooledWindow p : pooled) {
            assertTrue(p.getEntropy() >= 0.3, "pooled entropy " + p.getEntropy());
            assertEquals(entropy.get(p.getWindowId()), p.getEntropy(), 1e-9, "pooled window matches its event");
        }
    }

    private static void assertDriftAlert(Properties client, ZebraConfig config, String driftingSensor) {
        List<EntropyDriftAlert> alerts = KafkaChecks.readUntil(client, config.topics().alerts(),
                AvroSerdes.of(EntropyDriftAlert.class), got -> false, Duration.ofSeconds(5), Duration.ZERO);
        assertTrue(alerts.stream().anyMatch(a -> a.getSensorId().equals(driftingSensor)
                && a.getState() == DriftState.RAISED), "the drifting sensor raised an alert: " + alerts);
    }
}
