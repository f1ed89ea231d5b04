package dev.zebrastream.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zebrastream.avro.Classification;
import dev.zebrastream.broker.EmbeddedKafkaBroker;
import dev.zebrastream.config.Setting;
import dev.zebrastream.config.ZebraConfig;
import dev.zebrastream.sensor.FramePublisher;
import dev.zebrastream.sensor.SensorFleet;
import dev.zebrastream.sensor.SimulatedSensor;
import dev.zebrastream.serde.AvroSerdes;
import dev.zebrastream.stream.core.AssembledWindow;
import dev.zebrastream.stream.core.Frame;
import dev.zebrastream.stream.core.WindowConfig;
import dev.zebrastream.testing.CliProcess;
import dev.zebrastream.testing.ExpectedWindows;
import dev.zebrastream.testing.KafkaChecks;
import dev.zebrastream.testing.TestConfigs;
import dev.zebrastream.testing.TestModels;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the classifier process with SIGKILL in the middle of the stream and starts it again: the
 * committed output (read_committed) must hold every window exactly once.
 */
class CrashRecoveryTest {

    private static final double SECONDS = 30;

    @TempDir
    Path dir;

    @Test
    void sigkillMidStreamLosesAndDuplicatesNothing() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0)) {
            Map<Setting, String> s = new EnumMap<>(Setting.class);
            s.put(Setting.BOOTSTRAP, broker.bootstrapServers());
            ZebraConfig config = TestConfigs.with(s);
            Properties client = config.kafka().clientProperties();
            List<String> classes = List.of("siren", "rain", "dog barking", "drill", "church bell");
            List<SimulatedSensor> sensors = SensorFleet.create(3, 21, classes, System.currentTimeMillis(), -1);
            List<AssembledWindow> expected = new ArrayList<>();
            WindowConfig windows = WindowConfig.of(1.0, 1.0);
            try (FramePublisher publisher = new FramePublisher(client, config.topics().audioFrames())) {
                for (SimulatedSensor sensor : sensors) {
                    List<Frame> frames = new ArrayList<>();
                    while (sensor.stream().position() < SECONDS * sensor.profile().sampleRate()) {
                        Frame f = sensor.nextFrame();
                        publisher.publish(f);
                        frames.add(f);
                    }
                    expected.addAll(ExpectedWindows.of(List.of(frames), windows));
                }
            }
            Process first = classifier(broker.bootstrapServers(), "first");
            List<Classification> before = KafkaChecks.readUntil(client, config.topics().events(),
                    AvroSerdes.of(Classification.class), got -> got.size() >= expected.size() / 3,
                    Duration.ofSeconds(120), Duration.ZERO);
            first.destroyForcibly().waitFor();
            assertTrue(before.size() < expected.size(), "killed mid-stream: " + before.size() + " of " + expected.size());

            Process second = classifier(broker.bootstrapServers(), "second");
            try {
                List<Classification> events = KafkaChecks.readUntil(client, config.topics().events(),
                        AvroSerdes.of(Classification.class), got -> got.size() >= expected.size(),
                        Duration.ofSeconds(180), Duration.ofSeconds(4));
                List<String> ids = events.stream().map(Classification::getWindowId).toList();
                assertEquals(ids.size(), new HashSet<>(ids).size(), "no duplicates after the crash");
                assertEquals(expected.stream().map(AssembledWindow::id).collect(Collectors.toSet()),
                        new HashSet<>(ids), "no window missing after the crash");
            } finally {
                second.destroy();
                second.waitFor();
            }
        }
    }

    /** `zebra run` in its own JVM, so SIGKILL hits a real process. Its log goes to a file in the test dir. */
    private Process classifier(String bootstrap, String name) throws Exception {
        ProcessBuilder pb = CliProcess.builder("run", "--bootstrap", bootstrap, "--data-dir",
                dir.resolve("state").toString(), "--model", TestModels.TINY_CLAP.toString(), "--batch-size", "4");
        pb.environment().put("ZEBRA_METRICS_PORT", "0");
        // No idle flush: the window ids then follow from the frames alone, whatever the restart timing.
        pb.environment().put("ZEBRA_WINDOW_IDLE_FLUSH_MS", "600000");
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve("classifier-" + name + ".log").toFile());
        return pb.start();
    }
}
