package dev.zebrastream.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zebrastream.broker.EmbeddedKafkaBroker;
import dev.zebrastream.broker.RecordLimits;
import dev.zebrastream.config.ZebraConfig;
import dev.zebrastream.sensor.SensorFleet;
import dev.zebrastream.sensor.SimulatedSensor;
import dev.zebrastream.testing.BadFrames;
import dev.zebrastream.testing.ChildJvm;
import dev.zebrastream.testing.EventRecorder;
import dev.zebrastream.testing.KafkaChecks;
import dev.zebrastream.testing.LiveSensors;
import dev.zebrastream.testing.TestConfigs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILLs `zebra run` three times at random moments while a 120 s backlog sensor is read and two
 * sensors publish at real time, with the bad-record corpus waiting on the frames topic. Committed
 * output (read_committed) must hold every expected window exactly once, with the default idle flush:
 * the live sensors' windows continue across each restart instead of being cut into partial ones.
 * Every bad record is dead-lettered exactly once with its code, and no restart stops on one.
 */
class RepeatedKillTest {

    private static final int KILLS = 3;
    private static final double LIVE_SECONDS = 50;

    @TempDir
    Path dir;

    @Test
    void threeSigkillsLoseDuplicateAndSplitNothing() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0)) {
            ZebraConfig config = TestConfigs.onBroker(broker.bootstrapServers());
            Properties client = config.kafka().clientProperties();
            List<String> classes = TestConfigs.FIVE_CLASSES;
            KafkaChecks.ensureTopics(config);
            long now = System.currentTimeMillis();
            List<BadFrames.Case> corpus = BadFrames.corpus("sensor-bad", now);
            sendRaw(client, config.topics().audioFrames(), corpus);
            List<SimulatedSensor> fleet = SensorFleet.create(3, 31, classes, now - 120_000, -1);
            LiveSensors backlog = new LiveSensors(fleet.subList(0, 1), 120, client, config.topics().audioFrames());
            backlog.awaitDone();
            List<SimulatedSensor> live = SensorFleet.create(3, 31, classes, System.currentTimeMillis(), -1).subList(1, 3);
            try (LiveSensors sensors = new LiveSensors(live, LIVE_SECONDS, client, config.topics().audioFrames());
                 EventRecorder events = new EventRecorder(client, config.topics().events())) {
                List<String> expected = new ArrayList<>(backlog.expectedWindowIds());
                expected.addAll(sensors.expectedWindowIds());
                Random random = new Random(2026);
                List<Long> stalls = new ArrayList<>();
                for (int kill = 0; kill < KILLS; kill++) {
                    ChildJvm run = ChildJvm.run(dir.resolve("run-" + kill + ".log"), broker.bootstrapServers(),
                            dir.resolve("state"));
                    int before = events.arrivals().size();
                    assertTrue(events.await(got -> got.size() > before + 3, Duration.ofSeconds(90)),
                            "run " + kill + " produced output; log " + run.log());
                    Thread.sleep(1_000 + random.nextInt(4_000));
                    long killedAt = System.currentTimeMillis();
                    run.kill();
                    stalls.add(killedAt);
                }
                try (ChildJvm last = ChildJvm.run(dir.resolve("run-last.log"), broker.bootstrapServers(),
                        dir.resolve("state"))) {
                    sensors.awaitDone();
                    events.await(got -> got.size() >= expected.size(), Duration.ofSeconds(120));
                    Thread.sleep(4_000); // anything extra (a duplicate) would arrive now
                    List<String> ids = events.windowIds();
                    List<Long> gaps = stalls.stream()
                            .map(t -> events.firstArrivalAfter(t, id -> !id.equals(fleet.get(0).sensorId()))).toList();
                    Map<String, Integer> dead = deadLetterCodes(client, config.topics().deadLetters(), corpus.size());
                    System.out.printf("repeated SIGKILL: %d kills, %d windows expected, %d committed, %d distinct; "
                                    + "live-sensor event gap after each kill (ms, includes restart): %s; "
                                    + "dead letters %s of %d bad records; run alive: %b%n", KILLS, expected.size(),
                            ids.size(), new HashSet<>(ids).size(), gaps, dead, corpus.size(), last.isAlive());
                    assertEquals(ids.size(), new HashSet<>(ids).size(), "no window twice");
                    assertEquals(new TreeMap<>(count(expected)), new TreeMap<>(count(ids)),
                            "exactly the windows of an uninterrupted run: none lost, none split");
                    assertEquals(count(corpus.stream().map(BadFrames.Case::code).toList()), dead,
                            "every bad record dead-lettered once with its code");
                    assertTrue(last.isAlive(), "run survives the corpus; log " + last.log());
                }
            }
        }
    }

    static Map<String, Integer> count(List<String> values) {
        Map<String, Integer> out = new TreeMap<>();
        values.forEach(v -> out.merge(v, 1, Integer::sum));
        return out;
    }

    static void sendRaw(Properties client, String topic, List<BadFrames.Case> corpus) throws Exception {
        Properties p = new Properties();
        p.putAll(client);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, RecordLimits.MAX_RECORD_BYTES);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (BadFrames.Case c : corpus) {
                producer.send(new ProducerRecord<>(topic, c.key(), c.value())).get();
            }
        }
    }

    /** The code header of every dead letter, counted, read until {@code expected} arrived and 2 s more. */
    static Map<String, Integer> deadLetterCodes(Properties client, String topic, int expected) {
        List<String> codes = new ArrayList<>();
        try (var tail = new dev.zebrastream.client.TopicTail(client, List.of(topic), true)) {
            long deadline = System.currentTimeMillis() + 30_000;
            long settleUntil = Long.MAX_VALUE;
            while (System.currentTimeMillis() < Math.min(deadline, settleUntil)) {
                tail.poll(Duration.ofMillis(200), (ConsumerRecord<byte[], byte[]> r) -> {
                    Header code = r.headers().lastHeader("zebra.error.code");
                    codes.add(code == null ? "(none)" : new String(code.value(), StandardCharsets.UTF_8));
                });
                if (codes.size() >= expected && settleUntil == Long.MAX_VALUE) {
                    settleUntil = System.currentTimeMillis() + 2_000;
                }
            }
        }
        return count(codes);
    }
}
