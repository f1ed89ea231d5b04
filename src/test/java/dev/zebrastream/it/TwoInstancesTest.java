package dev.zebrastream.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zebrastream.broker.EmbeddedKafkaBroker;
import dev.zebrastream.config.ZebraConfig;
import dev.zebrastream.sensor.SensorFleet;
import dev.zebrastream.testing.ChildJvm;
import dev.zebrastream.testing.EventRecorder;
import dev.zebrastream.testing.KafkaChecks;
import dev.zebrastream.testing.LiveSensors;
import dev.zebrastream.testing.TestConfigs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Collection;
import java.util.HashMap;
import java.util.concurrent.ExecutionException;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of `zebra run` share the work (same application id, own data directories); one is
 * SIGKILLed mid-stream. Its partitions must move to the survivor, within the session timeout, and
 * the committed output must hold every window exactly once.
 */
class TwoInstancesTest {

    private static final double LIVE_SECONDS = 40;

    @TempDir
    Path dir;

    /**
     * The frames partitions each instance owns, by data directory, once both instances are in the
     * group. Members are told apart by their static group.instance.id, which starts with the
     * application id and the id kept in the data directory.
     */
    private static Map<Path, Set<Integer>> partitionsByInstance(List<Path> dataDirs, Properties client,
                                                                ZebraConfig config) throws Exception {
        String app = config.kafka().applicationId();
        try (Admin admin = Admin.create(client)) {
            long deadline = System.currentTimeMillis() + 90_000;
            while (System.currentTimeMillis() < deadline) {
                Map<Path, Set<Integer>> owned = new HashMap<>();
                for (MemberDescription m : members(admin, app)) {
                    for (Path dataDir : dataDirs) {
                        Path id = dataDir.resolve("instance.id");
                        if (Files.exists(id) && m.groupInstanceId().orElse("")
                                .startsWith(app + "-" + Files.readString(id).strip())) {
                            owned.put(dataDir, m.assignment().topicPartitions().stream()
                                    .filter(tp -> tp.topic().equals(config.topics().audioFrames()))
                                    .map(TopicPartition::partition).collect(Collectors.toSet()));
                        }
                    }
                }
                if (owned.size() == dataDirs.size() && owned.values().stream().anyMatch(p -> !p.isEmpty())) {
                    return owned;
                }
                Thread.sleep(500);
            }
        }
        throw new AssertionError("the two instances did not both join the group within 90 s");
    }

    private static Collection<MemberDescription> members(Admin admin, String group) throws InterruptedException {
        try {
            return admin.describeConsumerGroups(List.of(group)).all().get().get(group).members();
        } catch (ExecutionException notYet) {
            return List.of(); // the group exists once the first instance has joined
        }
    }

    private static int partitionOf(String sensorId, int partitions) {
        return Utils.toPositive(Utils.murmur2(sensorId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    @Test
    void partitionsOfAKilledInstanceMoveAndNothingIsDuplicated() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0)) {
            ZebraConfig config = TestConfigs.onBroker(broker.bootstrapServers());
            Properties client = config.kafka().clientProperties();
            KafkaChecks.ensureTopics(config);
            try (ChildJvm a = ChildJvm.run(dir.resolve("a.log"), broker.bootstrapServers(), dir.resolve("state-a"));
                 ChildJvm b = ChildJvm.run(dir.resolve("b.log"), broker.bootstrapServers(), dir.resolve("state-b"));
                 LiveSensors sensors = new LiveSensors(SensorFleet.create(6, 51, TestConfigs.FIVE_CLASSES, System.currentTimeMillis(), -1),
                         LIVE_SECONDS, client, config.topics().audioFrames());
                 EventRecorder events = new EventRecorder(client, config.topics().events())) {
                Map<Path, Set<Integer>> owned = partitionsByInstance(List.of(dir.resolve("state-a"),
                        dir.resolve("state-b")), client, config);
                boolean killA = !owned.get(dir.resolve("state-a")).isEmpty();
                Set<Integer> ofVictim = owned.get(dir.resolve(killA ? "state-a" : "state-b"));
                List<String> movedSensors = sensors.frames().keySet().stream()
                        .filter(id -> ofVictim.contains(partitionOf(id, config.kafka().partitions()))).toList();
                assertTrue(!movedSensors.isEmpty(), "some sensors are on the partitions of the instance to kill");
                assertTrue(events.await(got -> got.size() > 20, Duration.ofSeconds(90)), "both started");
                ChildJvm victim = killA ? a : b;
                ChildJvm survivor = killA ? b : a;
                victim.kill();
                long killedAt = System.currentTimeMillis();
                sensors.awaitDone();
                List<String> expected = sensors.expectedWindowIds();
                events.await(got -> got.size() >= expected.size(), Duration.ofSeconds(60));
                Thread.sleep(4_000);
                List<String> ids = events.windowIds();
                long stall = events.longestSilenceAfter(killedAt);
                long moved = movedSensors.stream().mapToLong(id -> events.firstArrivalAfter(killedAt, id::equals))
                        .max().orElse(-1);
                System.out.printf("two instances, one SIGKILLed: the killed instance's %d sensors had events again "
                                + "%d ms after the kill, longest gap of any sensor %d ms (session timeout 10 s); "
                                + "%d windows expected, %d committed, %d distinct; survivor alive: %b; partitions %s%n",
                        movedSensors.size(), moved, stall, expected.size(), ids.size(), new HashSet<>(ids).size(),
                        survivor.isAlive(), owned);
                assertEquals(ids.size(), new HashSet<>(ids).size(), "no window twice");
                assertEquals(RepeatedKillTest.count(expected), RepeatedKillTest.count(ids), "none lost, none split");
                assertTrue(survivor.isAlive(), "the survivor runs on; log " + survivor.log());
                assertTrue(stall < 30_000, "the killed instance's sensors moved within 30 s: " + stall + " ms");
            }
        }
    }
}
