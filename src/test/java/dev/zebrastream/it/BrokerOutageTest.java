package dev.zebrastream.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zebrastream.config.ZebraConfig;
import dev.zebrastream.sensor.SensorFleet;
import dev.zebrastream.testing.ChildJvm;
import dev.zebrastream.testing.EventRecorder;
import dev.zebrastream.testing.LiveSensors;
import dev.zebrastream.testing.TestConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker goes away twice for 15 s while `zebra run` and two real-time sensors keep going: first
 * a clean stop (SIGTERM), then a crash (SIGKILL). `run` must recover by itself once the broker is
 * back, lose and duplicate nothing, and not cut the sensors' windows because of the outage.
 */
class BrokerOutageTest {

    private static final double LIVE_SECONDS = 75;
    private static final long OUTAGE_MS = 15_000;
    /** What the README promises: events flow again this soon after the broker is back. */
    private static final long RESUME_LIMIT_MS = 45_000;

    @TempDir
    Path dir;

    @Test
    void runRidesOutABrokerStopAndABrokerCrash() throws Exception {
        int port = ChildJvm.freePort();
        String bootstrap = "127.0.0.1:" + port;
        ChildJvm broker = startBroker(port, 0);
        ZebraConfig config = TestConfigs.onBroker(bootstrap);
        Properties client = config.kafka().clientProperties();
        try (ChildJvm run = ChildJvm.run(dir.resolve("run.log"), bootstrap, dir.resolve("state"));
             LiveSensors sensors = new LiveSensors(SensorFleet.create(2, 41, TestConfigs.FIVE_CLASSES, System.currentTimeMillis(), -1),
                     LIVE_SECONDS, client, config.topics().audioFrames());
             EventRecorder events = new EventRecorder(client, config.topics().events())) {
            assertTrue(events.await(got -> got.size() > 5, Duration.ofSeconds(90)), "run started; log " + run.log());
            List<Long> resumed = new ArrayList<>();
            for (int outage = 1; outage <= 2; outage++) {
                if (outage == 1) {
                    broker.stop();
                } else {
                    broker.kill();
                }
                Thread.sleep(OUTAGE_MS);
                broker = startBroker(port, outage);
                long back = System.currentTimeMillis();
                events.await(got -> got.stream().anyMatch(a -> a.arrivedMs() > back), Duration.ofMillis(RESUME_LIMIT_MS));
                resumed.add(events.firstArrivalAfter(back, id -> true));
                assertTrue(run.isAlive(), "run survived outage " + outage + "; log " + run.log());
                Thread.sleep(5_000);
            }
            sensors.awaitDone();
            List<String> expected = sensors.expectedWindowIds();
            events.await(got -> got.size() >= expected.size(), Duration.ofSeconds(60));
            Thread.sleep(4_000);
            List<String> ids = events.windowIds();
            System.out.printf("broker outage: 2 outages of %d s (SIGTERM, SIGKILL); events again %s ms after the "
                            + "broker was back; %d windows expected, %d committed, %d distinct; run log: %d WARN lines, "
                            + "%d lost-contact lines; run alive: %b%n", OUTAGE_MS / 1000, resumed, expected.size(),
                    ids.size(), new HashSet<>(ids).size(), run.logLines(" WARN "), run.logLines("broker unreachable"),
                    run.isAlive());
            assertTrue(resumed.stream().allMatch(t -> t >= 0 && t <= RESUME_LIMIT_MS), "resumed in time: " + resumed);
            assertEquals(ids.size(), new HashSet<>(ids).size(), "no window twice");
            assertEquals(RepeatedKillTest.count(expected), RepeatedKillTest.count(ids),
                    "exactly the windows of an uninterrupted run: none lost, none split by the outages");
            assertTrue(run.isAlive(), "run is still running; log " + run.log());
        } finally {
            broker.stop();
        }
    }

    /** Starts the broker child and waits until it prints its address (it is then serving). */
    private ChildJvm startBroker(int port, int generation) throws Exception {
        Path log = dir.resolve("broker-" + generation + ".log");
        ChildJvm broker = ChildJvm.broker(log, port, dir.resolve("broker"));
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            if (Files.exists(log) && Files.readAllLines(log).stream().anyMatch(l -> l.strip().endsWith(":" + port))) {
                return broker;
            }
            assertTrue(broker.isAlive(), "broker exited; log " + log);
            Thread.sleep(200);
        }
        throw new AssertionError("broker did not start in 60 s; log " + log);
    }
}
