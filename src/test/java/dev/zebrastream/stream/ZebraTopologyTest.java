package dev.zebrastream.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zebrastream.avro.AudioFrame;
import dev.zebrastream.avro.Classification;
import dev.zebrastream.avro.DriftState;
import dev.zebrastream.avro.EntropyDriftAlert;
import dev.zebrastream.avro.PooledWindow;
import dev.zebrastream.avro.PromptVectors;
import dev.zebrastream.broker.RecordLimits;
import dev.zebrastream.config.Setting;
import dev.zebrastream.config.ZebraConfig;
import dev.zebrastream.metrics.StreamMetrics;
import dev.zebrastream.model.ClapModel;
import dev.zebrastream.prompt.PromptSet;
import dev.zebrastream.sensor.SensorProfile;
import dev.zebrastream.sensor.SimulatedSensor;
import dev.zebrastream.serde.AvroSerdes;
import dev.zebrastream.window.AssembledWindow;
import dev.zebrastream.window.Frame;
import dev.zebrastream.window.Presence;
import dev.zebrastream.window.SampleEncoding;
import dev.zebrastream.synth.DomainSpec;
import dev.zebrastream.synth.SensorStream;
import dev.zebrastream.testing.BadFrames;
import dev.zebrastream.testing.ExpectedWindows;
import dev.zebrastream.testing.Mutations;
import dev.zebrastream.testing.TestConfigs;
import dev.zebrastream.testing.TestModels;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The topology on TopologyTestDriver with the real shipped model: windowing, routing, drift, prompts, DLQ. */
class ZebraTopologyTest {

    private static final List<String> CLASSES = List.of("siren", "dog barking", "rain", "church bell", "drill");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private ZebraConfig config;
    private PromptRegistry registry;
    private PrometheusRegistry metricsRegistry;
    /** The driver has one partition; a larger count makes most keys look misrouted. */
    private int framePartitions = 1;
    private Presence.Liveness liveness = Presence.Liveness.ALWAYS;
    private TestInputTopic<byte[], byte[]> frames;
    private TestInputTopic<String, byte[]> prompts;
    private TestOutputTopic<String, Classification> events;
    private TestOutputTopic<String, PooledWindow> pool;
    private TestOutputTopic<String, EntropyDriftAlert> alerts;
    private TestOutputTopic<byte[], byte[]> dlq;

    private void start(Map<Setting, String> overrides) throws Exception {
        Map<Setting, String> s = new EnumMap<>(Setting.class);
        s.put(Setting.IDLE_FLUSH_MS, "1000");
        s.put(Setting.MAX_BATCH_WAIT_MS, "100");
        s.put(Setting.BATCH_SIZE, "4");
        s.put(Setting.CLASSES, String.join(",", CLASSES));
        s.putAll(overrides);
        config = TestConfigs.with(s);
        ClapModel model = TestModels.tinyClap();
        registry = new PromptRegistry(model, config.stream().promptSetId(), config.stream().classesOr(List.of()));
        metricsRegistry = new PrometheusRegistry();
        var parts = ZebraTopology.parts(config, model, registry, new StreamMetrics(metricsRegistry))
                .onCluster(framePartitions, liveness);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(ZebraTopology.build(config.topics(), parts), props);
        frames = driver.createInputTopic(config.topics().audioFrames(), new ByteArraySerializer(), new ByteArraySerializer());
        prompts = driver.createInputTopic(config.topics().prompts(), new StringSerializer(), new ByteArraySerializer());
        events = driver.createOutputTopic(config.topics().events(), new StringDeserializer(), avro(Classification.class));
        pool = driver.createOutputTopic(config.topics().pool(), new StringDeserializer(), avro(PooledWindow.class));
        alerts = driver.createOutputTopic(config.topics().alerts(), new StringDeserializer(), avro(EntropyDriftAlert.class));
        dlq = driver.createOutputTopic(config.topics().deadLetters(), new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer());
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> Deserializer<T> avro(Class<T> type) {
        return AvroSerdes.of(type).deserializer();
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    private void send(Frame f) {
        byte[] value = AvroSerdes.of(AudioFrame.class).serializer().serialize(null, AvroMapping.toAvro(f));
        frames.pipeInput(f.sensorId().getBytes(StandardCharsets.UTF_8), value);
    }

    /**
     * Lets idle sensors flush and pending batches run. The clock ticks by the second, as a real one
     * does: a jump of several seconds would look like a stalled stream thread, which restarts the
     * presence that silence is counted from.
     */
    private void settle() {
        for (int second = 0; second < 4; second++) {
            driver.advanceWallClockTime(Duration.ofSeconds(1));
        }
    }

    private static SimulatedSensor sensor(String id, SensorProfile profile, long seed) {
        return new SimulatedSensor(id, profile, new SensorStream(seed, profile.sampleRate(), DomainSpec.CLEAN, CLASSES,
                List.of()), 1_000_000);
    }

    private static List<Frame> frames(SimulatedSensor s, double seconds) {
        List<Frame> out = new ArrayList<>();
        while (s.stream().position() < seconds * s.profile().sampleRate()) {
            out.add(s.nextFrame());
        }
        return out;
    }

    /** What the plain core produces for the same frames, for comparison with the topology's output. */
    private List<String> expectedWindowIds(List<Frame> sent, ZebraConfig c) throws Exception {
        var parts = ZebraTopology.parts(c, TestModels.tinyClap(), registry, new StreamMetrics(new PrometheusRegistry()));
        List<AssembledWindow> out = ExpectedWindows.of(List.of(sent), parts.windows(), parts.output());
        return out.stream().map(AssembledWindow::id).toList();
    }

    @Test
    void oddFrameSizesAndMixedRatesGiveEveryWindowOnce() throws Exception {
        start(Map.of());
        List<Frame> a = frames(sensor("a", new SensorProfile(16_000, 1, SampleEncoding.PCM_S16LE, 333), 1), 3.2);
        List<Frame> b = frames(sensor("b", new SensorProfile(44_100, 2, SampleEncoding.PCM_S24LE, 1_001), 2), 3.2);
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            if (i < a.size()) {
                send(a.get(i));
            }
            if (i < b.size()) {
                send(b.get(i));
            }
        }
        settle();
        List<Classification> out = events.readValuesToList();
        List<String> ids = out.stream().map(Classification::getWindowId).toList();
        List<String> expected = new ArrayList<>(expectedWindowIds(a, config));
        expected.addAll(expectedWindowIds(b, config));
        assertEquals(expected.stream().sorted().toList(), ids.stream().sorted().toList());
        assertTrue(ids.contains("a:0:16000") && ids.contains("b:0:44100"), ids.toString());
        for (Classification c : out) {
            assertEquals(3, c.getTop().size());
            assertTrue(CLASSES.contains(c.getTop().get(0).getLabel()));
            assertTrue(c.getEntropy() >= 0 && c.getEntropy() <= 1);
            assertEquals(0, c.getPromptVersion());
            assertEquals(TestModels.tinyClap().manifest().fingerprint(), c.getModelId());
        }
        assertTrue(dlq.isEmpty());
    }

    @Test
    void duplicateAndReorderedFramesChangeNothing() throws Exception {
        start(Map.of());
        List<Frame> clean = frames(sensor("s", SensorProfile.variety(0), 3), 2.5);
        List<Frame> messy = new ArrayList<>(clean);
        messy.add(5, clean.get(3));                 // duplicate
        java.util.Collections.swap(messy, 10, 11);  // reordered
        messy.forEach(this::send);
        settle();
        List<String> ids = events.readValuesToList().stream().map(Classification::getWindowId).sorted().toList();
        assertEquals(expectedWindowIds(clean, config).stream().sorted().toList(), ids);
    }

    @Test
    void silentSensorsPartialWindowIsFlushedByWallClock() throws Exception {
        start(Map.of());
        frames(sensor("quiet", SensorProfile.variety(0), 4), 1.5).forEach(this::send);
        driver.advanceWallClockTime(Duration.ofMillis(200));
        List<String> early = events.readValuesToList().stream().map(Classification::getWindowId).toList();
        assertFalse(early.contains("quiet:0:16000"), "the half window must wait for the sensor: " + early);
        settle();
        List<String> late = events.readValuesToList().stream().map(Classification::getWindowId).toList();
        assertTrue(late.contains("quiet:0:16000"), "flushed after the idle time: " + late);
    }

    @Test
    void aSensorIsNotFlushedWhileTheServiceCannotHearItsPartition() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean live = new java.util.concurrent.atomic.AtomicBoolean(true);
        liveness = (topic, partition) -> live.get();
        start(Map.of());
        frames(sensor("away", SensorProfile.variety(0), 4), 1.5).forEach(this::send);
        live.set(false); // e.g. the broker is down: no fetch completes
        for (int second = 0; second < 20; second++) {
            driver.advanceWallClockTime(Duration.ofSeconds(1));
        }
        assertFalse(windowIds().contains("away:0:16000"), "20 s without broker contact is not 20 s of silence");
        live.set(true);
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertFalse(windowIds().contains("away:0:16000"), "silence counts from when contact returned");
        settle();
        assertTrue(windowIds().contains("away:0:16000"), "silent for the idle time after contact returned");
    }

    private List<String> windowIds() {
        return events.readValuesToList().stream().map(Classification::getWindowId).toList();
    }

    @Test
    void uncertainWindowsGoToThePoolWithinTheRateLimit() throws Exception {
        start(Map.of(Setting.POOL_ENTROPY, "0.0", Setting.POOL_BURST, "2", Setting.POOL_RATE, "1"));
        frames(sensor("p", SensorProfile.variety(0), 5), 6).forEach(this::send);
        settle();
        List<Classification> out = events.readValuesToList();
        List<PooledWindow> pooled = pool.readValuesToList();
        assertTrue(out.size() >= 6, "events: " + out.size());
        assertEquals(2, pooled.size(), "burst of 2, and 6 s of audio refill far less than one more token at 1/min");
        PooledWindow first = pooled.get(0);
        assertEquals(TestModels.tinyClap().manifest().embeddingDim(), first.getEmbedding().size());
        assertEquals(16_000 * 4, first.getAudio().remaining(), "one second of float32 audio at the model rate");
        for (PooledWindow w : pooled) {
            double norm = Math.sqrt(w.getEmbedding().stream().mapToDouble(x -> x * x).sum());
            assertEquals(1.0, norm, 1e-5, "PooledWindow.embedding is L2-normalised, as the schema says");
        }
    }

    @Test
    void confidentWindowsStayOutOfThePool() throws Exception {
        start(Map.of(Setting.POOL_ENTROPY, "1.0"));
        frames(sensor("p", SensorProfile.variety(0), 5), 4).forEach(this::send);
        settle();
        assertFalse(events.isEmpty());
        assertTrue(events.readValuesToList().stream().allMatch(c -> c.getEntropy() < 1.0));
        assertTrue(pool.isEmpty());
    }

    @Test
    void driftAlertsAreRaisedAndResolvedPerSensor() throws Exception {
        // A hair-trigger detector: any rise over the learned baseline raises, any fall resolves.
        start(Map.of(Setting.DRIFT_WARMUP, "3", Setting.DRIFT_RAISE, "0.0001", Setting.DRIFT_RESOLVE, "0.00005",
                Setting.DRIFT_MIN_WINDOWS, "1", Setting.DRIFT_ALPHA, "0.9"));
        frames(sensor("d", SensorProfile.variety(0), 6), 30).forEach(this::send);
        settle();
        List<EntropyDriftAlert> out = alerts.readValuesToList();
        assertFalse(out.isEmpty(), "entropy varies between sound events, so a hair trigger must fire");
        List<Classification> windows = events.readValuesToList();
        var starts = windows.stream().map(Classification::getWindowStartMs).toList();
        var ends = windows.stream().map(Classification::getWindowEndMs).toList();
        DriftState expected = DriftState.RAISED;
        java.time.Instant episodeStart = null;
        for (EntropyDriftAlert a : out) {
            assertEquals("d", a.getSensorId());
            assertEquals(expected, a.getState(), "alerts alternate, starting with RAISED");
            // As schemas/EntropyDriftAlert.avsc documents them:
            assertTrue(a.getState() == DriftState.RAISED ? a.getStatistic() > a.getThreshold()
                    : a.getStatistic() < a.getThreshold(), "the statistic crossed the threshold: " + a);
            double ewma = a.getStatistic() + a.getBaseline();
            assertTrue(ewma >= 0 && ewma <= 1, "statistic + baseline is an average of normalised entropies: " + a);
            assertTrue(starts.contains(a.getWindowStartMs()), "window_start_ms is a window's start: " + a);
            assertTrue(ends.contains(a.getWindowEndMs()), "window_end_ms is a window's end: " + a);
            assertTrue(a.getWindowsSeen() <= windows.size(), a.toString());
            if (a.getState() == DriftState.RAISED) {
                episodeStart = a.getWindowStartMs();
            } else {
                assertEquals(episodeStart, a.getWindowStartMs(), "RESOLVED carries its episode's start");
            }
            expected = expected == DriftState.RAISED ? DriftState.RESOLVED : DriftState.RAISED;
        }
    }

    @Test
    void newPromptVersionIsSwappedInForLaterEvents() throws Exception {
        start(Map.of());
        SimulatedSensor s = sensor("v", SensorProfile.variety(0), 7);
        frames(s, 2).forEach(this::send);
        settle();
        assertTrue(events.readValuesToList().stream().allMatch(c -> c.getPromptVersion() == 0));
        prompts.pipeInput(config.stream().promptSetId(), promptRecord(1));
        frames(s, 5).forEach(this::send);
        settle();
        List<Classification> later = events.readValuesToList();
        assertFalse(later.isEmpty());
        assertTrue(later.stream().allMatch(c -> c.getPromptVersion() == 1), "every later event carries v1");
        assertEquals(1, registry.current().version());
        assertTrue(registry.current().classifier().hasLearnedPrompts());
    }

    @Test
    void olderOrForeignPromptRecordsAreIgnored() throws Exception {
        start(Map.of());
        prompts.pipeInput(config.stream().promptSetId(), promptRecord(2));
        prompts.pipeInput(config.stream().promptSetId(), promptRecord(1));
        prompts.pipeInput(config.stream().promptSetId(), "not avro".getBytes(StandardCharsets.UTF_8));
        prompts.pipeInput("another-set", promptRecord(9));
        assertEquals(2, registry.current().version());
    }

    private byte[] promptRecord(long version) throws Exception {
        ClapModel model = TestModels.tinyClap();
        int hidden = model.prompts().hiddenSize();
        float[] context = new float[4 * hidden];
        SplittableRandom r = new SplittableRandom(version);
        for (int i = 0; i < context.length; i++) {
            context[i] = (float) (r.nextGaussian() * 0.02);
        }
        PromptSet set = new PromptSet(config.stream().promptSetId(), version, version - 1, CLASSES.subList(0, 3),
                CLASSES.subList(3, 5), 4, hidden, context, 0.5, model.manifest().logitScale(),
                model.manifest().fingerprint(), Map.of("beta", 0.05), Map.of(), 0, "test");
        return AvroSerdes.of(PromptVectors.class).serializer().serialize(null, AvroMapping.toAvro(set));
    }

    @Test
    void badRecordsGoToTheDeadLetterTopicAndTheStreamGoesOn() throws Exception {
        start(Map.of());
        SimulatedSensor s = sensor("ok", SensorProfile.variety(0), 8);
        frames.pipeInput("x".getBytes(StandardCharsets.UTF_8), new byte[] {1, 2, 3});
        Frame good = s.nextFrame();
        Frame badRate = new Frame("ok", 99, good.captureTimeMs(), 1_000, 1, good.encoding(), good.samples());
        send(badRate);
        byte[] nan = SampleEncoding.FLOAT32LE.encode(new float[] {0f, Float.NaN}, 1);
        send(new Frame("ok", 100, good.captureTimeMs(), 16_000, 1, SampleEncoding.FLOAT32LE, nan));
        byte[] wrongKeyValue = AvroSerdes.of(AudioFrame.class).serializer().serialize(null, AvroMapping.toAvro(good));
        frames.pipeInput("someone-else".getBytes(StandardCharsets.UTF_8), wrongKeyValue);
        List<TestRecord<byte[], byte[]>> letters = dlq.readRecordsToList();
        assertEquals(4, letters.size());
        assertTrue(reason(letters.get(0)).contains("bad marker"), reason(letters.get(0)));
        assertTrue(reason(letters.get(1)).contains("SAMPLE_RATE"), reason(letters.get(1)));
        assertTrue(reason(letters.get(2)).contains("NON_FINITE"), reason(letters.get(2)));
        assertTrue(reason(letters.get(3)).contains("differs from sensor_id"), reason(letters.get(3)));
        assertEquals(3, letters.get(0).value().length, "original bytes kept");
        assertEquals(config.topics().audioFrames(), header(letters.get(0), DeadLetters.SOURCE_TOPIC));
        send(good);
        frames(s, 2).forEach(this::send);
        settle();
        assertFalse(events.isEmpty(), "valid frames after bad ones are still classified");
    }

    @Test
    void everyBadRecordShapeGoesToTheDeadLetterTopicWithItsCodeAndGoodSensorsAreUnaffected() throws Exception {
        start(Map.of());
        List<Frame> good = frames(sensor("good", SensorProfile.variety(0), 11), 3.2);
        List<BadFrames.Case> corpus = BadFrames.corpus("bad", System.currentTimeMillis());
        for (int i = 0; i < Math.max(corpus.size(), good.size()); i++) {
            if (i < corpus.size()) {
                frames.pipeInput(corpus.get(i).key(), corpus.get(i).value());
            }
            if (i < good.size()) {
                send(good.get(i));
            }
        }
        settle();
        List<TestRecord<byte[], byte[]>> letters = dlq.readRecordsToList();
        Map<String, Integer> byCode = new java.util.TreeMap<>();
        assertEquals(corpus.size(), letters.size(), "one dead letter per bad record");
        for (int i = 0; i < corpus.size(); i++) {
            BadFrames.Case c = corpus.get(i);
            TestRecord<byte[], byte[]> letter = letters.get(i);
            assertEquals(c.code(), header(letter, DeadLetters.CODE), c.name() + ": " + reason(letter));
            assertFalse(reason(letter).isBlank(), c.name());
            assertEquals(config.topics().audioFrames(), header(letter, DeadLetters.SOURCE_TOPIC), c.name());
            assertTrue(recordBytes(letter) <= RecordLimits.MAX_RECORD_BYTES - 1024, c.name() + " fits the record limit");
            byCode.merge(c.code(), 1, Integer::sum);
        }
        TestRecord<byte[], byte[]> nearLimit = letters.get(corpus.size() - 1);
        assertEquals(DeadLetters.MAX_VALUE_BYTES, nearLimit.value().length, "the payload copy is cut to fit");
        assertTrue(header(nearLimit, DeadLetters.TRUNCATED).startsWith("key=3,value=" + corpus.get(corpus.size() - 1)
                .value().length + ","), header(nearLimit, DeadLetters.TRUNCATED));
        assertTrue(reason(letters.get(0)).contains("topic " + config.topics().audioFrames()), reason(letters.get(0)));
        List<String> ids = events.readValuesToList().stream().map(Classification::getWindowId).sorted().toList();
        assertEquals(expectedWindowIds(good, config).stream().sorted().toList(), ids);
        System.out.printf("bad-record corpus: %d sent, %d dead-lettered %s, good sensor %d/%d windows%n",
                corpus.size(), letters.size(), byCode, ids.size(), expectedWindowIds(good, config).size());
    }

    @Test
    void randomlyMutatedFramesAreClassifiedOrDeadLetteredWhileGoodSensorsGoOn() throws Exception {
        start(Map.of());
        SplittableRandom random = new SplittableRandom(2026);
        List<Frame> good = frames(sensor("good", SensorProfile.variety(1), 12), 3.2);
        List<Frame> victims = frames(sensor("fuzz", SensorProfile.variety(2), 13), 12);
        int sent = 0;
        for (int i = 0; i < victims.size(); i++) {
            byte[] value = AvroSerdes.of(AudioFrame.class).serializer().serialize(null, AvroMapping.toAvro(victims.get(i)));
            frames.pipeInput("fuzz".getBytes(StandardCharsets.UTF_8), Mutations.apply(value, random));
            sent++;
            if (i < good.size()) {
                send(good.get(i));
            }
        }
        settle();
        Map<String, Integer> byCode = new java.util.TreeMap<>();
        for (TestRecord<byte[], byte[]> letter : dlq.readRecordsToList()) {
            byCode.merge(header(letter, DeadLetters.CODE), 1, Integer::sum);
        }
        int dead = byCode.values().stream().mapToInt(Integer::intValue).sum();
        double accepted = counter("zebra_frames", "") - good.size();
        assertEquals(sent, dead + (long) accepted, "every mutated frame is accepted or dead-lettered: " + byCode);
        assertTrue(dead > 0 && accepted > 0, "the fuzzer reaches both outcomes: " + byCode);
        assertTrue(byCode.keySet().stream().allMatch(code -> !code.isEmpty()), "every dead letter has a code");
        List<String> ids = events.readValuesToList().stream().filter(c -> c.getSensorId().equals("good"))
                .map(Classification::getWindowId).sorted().toList();
        assertEquals(expectedWindowIds(good, config).stream().sorted().toList(), ids);
        System.out.printf("frame fuzz: %d mutated frames, %d accepted, %d dead-lettered %s; good sensor %d windows%n",
                sent, (long) accepted, dead, byCode, ids.size());
    }

    @Test
    void framesOffTheDefaultPartitionersPartitionAreCountedPerSensor() throws Exception {
        framePartitions = 3;
        start(Map.of());
        List<String> ids = List.of("mic-a", "mic-b", "mic-c", "mic-d", "mic-e", "mic-f");
        int misrouted = 0;
        for (String id : ids) {
            frames(sensor(id, SensorProfile.variety(0), 20), 0.3).forEach(this::send);
            int expected = org.apache.kafka.common.utils.Utils.toPositive(
                    org.apache.kafka.common.utils.Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % 3;
            double counted = counter("zebra_misrouted_frames", id);
            // The driver delivers everything on partition 0.
            assertEquals(expected == 0, counted == 0, id + " on partition 0, murmur2 gives " + expected);
            misrouted += counted > 0 ? 1 : 0;
        }
        assertTrue(misrouted > 0 && misrouted < ids.size(), "the ids cover both cases: " + misrouted);
        System.out.printf("partition check: %d of %d sensors flagged as misrouted%n", misrouted, ids.size());
    }

    /** A counter's value summed over data points whose labels contain {@code label} ("" for all). */
    private double counter(String name, String label) {
        return metricsRegistry.scrape().stream().filter(m -> m.getMetadata().getName().equals(name))
                .flatMap(m -> ((io.prometheus.metrics.model.snapshots.CounterSnapshot) m).getDataPoints().stream())
                .filter(d -> label.isEmpty() || d.getLabels().toString().contains(label))
                .mapToDouble(d -> d.getValue()).sum();
    }

    private static int recordBytes(TestRecord<byte[], byte[]> r) {
        int size = (r.key() == null ? 0 : r.key().length) + (r.value() == null ? 0 : r.value().length);
        for (Header h : r.headers()) {
            size += h.key().length() + h.value().length;
        }
        return size;
    }

    private static String reason(TestRecord<byte[], byte[]> r) {
        return header(r, DeadLetters.REASON);
    }

    private static String header(TestRecord<byte[], byte[]> r, String key) {
        Header h = r.headers().lastHeader(key);
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }
}
