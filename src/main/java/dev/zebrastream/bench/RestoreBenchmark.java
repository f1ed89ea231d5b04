package dev.zebrastream.bench;

import dev.zebrastream.avro.Classification;
import dev.zebrastream.broker.EmbeddedKafkaBroker;
import dev.zebrastream.config.ZebraConfig;
import dev.zebrastream.model.ClapModel;
import dev.zebrastream.sensor.FramePublisher;
import dev.zebrastream.serde.AvroSerde;
import dev.zebrastream.serde.AvroSerdes;
import dev.zebrastream.service.ClassifierService;
import dev.zebrastream.service.RestoreProgress;
import dev.zebrastream.synth.SoundCatalog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long sensors wait after a crash: {@code N} sensors (mixed rates) each leave half a window of
 * audio open in the assembly state, the service stops and its local state is deleted (what
 * exactly-once does to a task's state after an unclean stop, and what a replacement machine
 * starts from), a second service restores everything from the changelogs. It reports the
 * restore, the time to RUNNING and to the first new event, and checks that every sensor's open
 * window was completed from the restored audio, not started afresh.
 */
public final class RestoreBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(RestoreBenchmark.class);
    private static final long BACKLOG_MS = 2_500;

    /**
     * @param changelogBytes        bytes in the state stores' changelog topics at the crash
     * @param recordsRestored       changelog records replayed into the new instance's stores
     * @param restoreSeconds        from the first store's restore start to the last one's end
     * @param secondsToRunning      from the new instance's start to the topology RUNNING
     * @param secondsToFirstEvent   from the new instance's start to its first committed event
     * @param windowsAfterRestart   windows the new instance classified (one per sensor expected)
     * @param windowsContinued      of those, windows of each sensor's first segment, completed from restored audio
     * @param duplicates            window ids classified twice across both instances
     */
    public record Result(int sensors, long changelogBytes, long recordsRestored, double restoreSeconds,
                         double secondsToRunning, double secondsToFirstEvent, int windowsAfterRestart,
                         int windowsContinued, int duplicates) {
    }

    private final ZebraConfig base;
    private final ClapModel model;
    private final PrintWriter out;

    public RestoreBenchmark(ZebraConfig base, ClapModel model, PrintWriter out) {
        this.base = base;
        this.model = model;
        this.out = out;
    }

    public Result run(int sensors, Path dataDir) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), 0)) {
            // No idle flush while the first instance works through the backlog: the open windows must stay open.
            ZebraConfig config = base.withBootstrap(broker.bootstrapServers())
                    .withApplication("bench-restore", dataDir.resolve("bench-restore"))
                    .withStream(base.stream().withIdleFlushMs(Duration.ofHours(1).toMillis()));
            Properties client = config.kafka().clientProperties();
            long startMs = System.currentTimeMillis() - 60_000;
            LoopedFleet fleet = new LoopedFleet(sensors, SoundCatalog.standard().renderable(model.manifest().classes()),
                    startMs);
            Events events = new Events();
            Set<String> firstIds = new HashSet<>();
            BenchTopics.create(config);
            try (FramePublisher publisher = new FramePublisher(client, config.topics().audioFrames())) {
                fleet.publishDue(publisher, startMs + BACKLOG_MS);
                publisher.flush();
                int before = fleet.windowsPublished();
                try (ClassifierService first = ClassifierService.start(config, model)) {
                    Arrivals.await(client, config.topics().events(), before, Duration.ofMinutes(10),
                            r -> firstIds.add(events.windowId(r.topic(), r.value())));
                }
                long changelog = Arrivals.changelogBytes(client, config.kafka().applicationId(), broker.nodeId());
                ScratchDir.deleteRecursively(config.dataDir().resolve("streams"));
                LOG.info("restore: {} sensors' state on the changelogs ({} bytes), local state deleted", sensors,
                        changelog);
                fleet.publishDue(publisher, startMs + BACKLOG_MS + 1_000);
                publisher.flush();
                events.firstIds = firstIds;
                return restart(config, fleet.windowsPublished(), before, sensors, changelog, events);
            }
        }
    }

    private Result restart(ZebraConfig config, int total, int before, int sensors, long changelog, Events events)
            throws Exception {
        Properties client = config.kafka().clientProperties();
        long start = System.nanoTime();
        try (ClassifierService second = ClassifierService.start(config, model)) {
            second.awaitRunning(Duration.ofMinutes(10));
            double toRunning = (System.nanoTime() - start) / 1e9;
            Arrivals all = Arrivals.await(client, config.topics().events(), total, Duration.ofMinutes(10),
                    r -> events.add(r.topic(), r.value()));
            RestoreProgress.Summary restored = second.restored();
            return new Result(sensors, changelog, restored.records(), restored.seconds(), toRunning,
                    (events.firstNewNanos - start) / 1e9, all.count - before, events.continued, events.duplicates);
        }
    }

    /** All events, read after the restart; those whose window the first instance did not classify are new. */
    private static final class Events {
        private final AvroSerde<Classification> serde = AvroSerdes.of(Classification.class);
        private final Set<String> ids = new HashSet<>();
        private Set<String> firstIds = Set.of();
        private int continued;
        private int duplicates;
        private long firstNewNanos;

        String windowId(String topic, byte[] value) {
            return serde.decode(topic, value).getWindowId();
        }

        void add(String topic, byte[] value) {
            Classification c = serde.decode(topic, value);
            if (!ids.add(c.getWindowId())) {
                duplicates++;
            }
            if (!firstIds.contains(c.getWindowId())) {
                firstNewNanos = firstNewNanos == 0 ? System.nanoTime() : firstNewNanos;
                continued += c.getSegment() == 0 ? 1 : 0;
            }
        }
    }

    public void printTable(Result r) {
        out.printf(Locale.ROOT, "%n| measurement (%d sensors, state of a crash mid-window) | value |%n|---|---|%n",
                r.sensors());
        out.printf(Locale.ROOT, "| state on the changelogs | %.1f MB |%n", r.changelogBytes() / 1e6);
        out.printf(Locale.ROOT, "| records restored / restore time | %d / %.2f s |%n", r.recordsRestored(),
                r.restoreSeconds());
        out.printf(Locale.ROOT, "| start to RUNNING | %.2f s |%n", r.secondsToRunning());
        out.printf(Locale.ROOT, "| start to first event | %.2f s |%n", r.secondsToFirstEvent());
        out.printf(Locale.ROOT, "| windows after the restart, completed from restored audio | %d of %d |%n",
                r.windowsContinued(), r.windowsAfterRestart());
        out.printf(Locale.ROOT, "| duplicate window ids | %d |%n", r.duplicates());
        out.flush();
    }
}
