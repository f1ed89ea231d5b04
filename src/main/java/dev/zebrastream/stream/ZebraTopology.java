package dev.zebrastream.stream;

import dev.zebrastream.avro.AudioFrame;
import dev.zebrastream.avro.Classification;
import dev.zebrastream.avro.EntropyDriftAlert;
import dev.zebrastream.avro.PooledWindow;
import dev.zebrastream.avro.PromptVectors;
import dev.zebrastream.broker.RecordLimits;
import dev.zebrastream.broker.Topics;
import dev.zebrastream.config.StreamSettings;
import dev.zebrastream.config.ZebraConfig;
import dev.zebrastream.model.ClapModel;
import dev.zebrastream.metrics.StreamMetrics;
import dev.zebrastream.serde.AvroSerdes;
import dev.zebrastream.window.Presence;
import dev.zebrastream.window.WindowConfig;
import dev.zebrastream.window.WindowOutput;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The classifier topology:
 * <pre>
 * frames ─▶ frame-ingest ─▶ classify ─▶ events
 *              │               ├──────▶ pool     (uncertain windows, rate-limited)
 *              └─▶ dlq         └──────▶ alerts   (entropy drift raised / resolved)
 * prompts ─▶ prompt-update (global store; hot-swaps the prompt registry)
 * </pre>
 */
public final class ZebraTopology {

    /** Per-sensor assembly headers; renamed from "assemblers" when audio moved into chunks of its own. */
    public static final String ASSEMBLY_HEADERS = "window-assembly";
    public static final String ASSEMBLY_AUDIO = "window-audio";
    public static final String PENDING = "pending-windows";
    public static final String DRIFT = "drift";
    public static final String POOL_RATE = "pool-rate";
    public static final String PROMPTS = "prompts";

    private ZebraTopology() {
    }

    /** The two stores of the window assemblers (see {@link AssemblyState}). */
    record AssemblyStores(String headers, String audio) {
    }

    /**
     * What the processors need besides topic names.
     *
     * @param output          the rate and precision assembled windows carry
     * @param framePartitions partitions of the frames topic, to check that producers partition by sensor id
     * @param liveness        whether a frames partition is live, for the idle flush (see {@link Presence})
     */
    public record Parts(WindowClassifier classifier, PromptRegistry prompts, StreamSettings settings,
                        WindowConfig windows, WindowOutput output, int maxBatch, String modelId, StreamMetrics metrics, int framePartitions,
                        Presence.Liveness liveness) {

        /** These parts on a real cluster: its partition count and what it says about liveness. */
        public Parts onCluster(int partitions, Presence.Liveness clusterLiveness) {
            return new Parts(classifier, prompts, settings, windows, output, maxBatch, modelId, metrics, partitions,
                    clusterLiveness);
        }
    }

    /** The parts for a configuration and a loaded model; window sizes default to the model's. */
    public static Parts parts(ZebraConfig config, ClapModel model, PromptRegistry prompts, StreamMetrics metrics) {
        double modelWindow = model.manifest().audio().windowSeconds();
        StreamSettings s = config.stream();
        WindowConfig windows = new WindowConfig(s.windowSecondsOr(modelWindow), s.hopSecondsOr(modelWindow),
                s.reorderFrames(), s.maxGapSeconds(), WindowConfig.DEFAULT_MAX_BUFFERED_SECONDS, s.idleFlushMs());
        WindowOutput output = new WindowOutput(model.manifest().audio().sampleRate(), s.sampleFormat());
        WindowClassifier classifier = new WindowClassifier(model, prompts, config.batchSize(), s.topK(), metrics::batch);
        return new Parts(classifier, prompts, s, windows, output, config.batchSize(), model.manifest().fingerprint(), metrics, 1,
                Presence.Liveness.ALWAYS);
    }

    public static Topology build(Topics topics, Parts parts) {
        Topology t = new Topology();
        t.addSource("frames", Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer(), topics.audioFrames());
        t.addProcessor("frame-ingest", () -> new FrameIngestProcessor(AvroSerdes.of(AudioFrame.class).deserializer(),
                topics.audioFrames(), parts.windows(), parts.output(), parts.metrics(),
                new AssemblyStores(ASSEMBLY_HEADERS, ASSEMBLY_AUDIO), "classify", "dlq",
                new PartitionCheck(parts.framePartitions(), parts.metrics()), parts.liveness()), "frames");
        ClassifyProcessor.Names names = new ClassifyProcessor.Names(PENDING, DRIFT, POOL_RATE, PROMPTS, "events", "pool",
                "alerts");
        t.addProcessor("classify", () -> new ClassifyProcessor(parts.classifier(), parts.prompts(), parts.settings(),
                parts.maxBatch(), parts.modelId(), parts.metrics(), names,
                promptDecoder(topics)), "frame-ingest");
        t.addSink("events", topics.events(), Serdes.String().serializer(),
                AvroSerdes.of(Classification.class).serializer(), "classify");
        t.addSink("pool", topics.pool(), Serdes.String().serializer(), AvroSerdes.of(PooledWindow.class).serializer(),
                "classify");
        t.addSink("alerts", topics.alerts(), Serdes.String().serializer(),
                AvroSerdes.of(EntropyDriftAlert.class).serializer(), "classify");
        t.addSink("dlq", topics.deadLetters(), Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer(),
                "frame-ingest");
        t.addStateStore(bytesStore(ASSEMBLY_HEADERS, Serdes.String()), "frame-ingest");
        t.addStateStore(bytesStore(ASSEMBLY_AUDIO, Serdes.Bytes()), "frame-ingest");
        t.addStateStore(bytesStore(PENDING, Serdes.Long()), "classify");
        t.addStateStore(bytesStore(DRIFT, Serdes.String()), "classify");
        t.addStateStore(bytesStore(POOL_RATE, Serdes.String()), "classify");
        t.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(PROMPTS), Serdes.String(), Serdes.ByteArray())
                        .withLoggingDisabled(),
                "prompts-source", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), topics.prompts(),
                "prompt-update", () -> new PromptUpdateProcessor(parts.prompts(), promptDecoder(topics), PROMPTS));
        return t;
    }

    /** Prompt records live in the global store as the prompts topic's bytes; errors name that topic. */
    private static Function<byte[], PromptVectors> promptDecoder(Topics topics) {
        return bytes -> AvroSerdes.of(PromptVectors.class).decode(topics.prompts(), bytes);
    }

    /**
     * A changelogged RocksDB store of byte values whose changelog accepts multi-second audio records.
     * Cached: between two commits only a key's last value reaches RocksDB and the changelog, so a
     * header rewritten on every frame is logged once per commit, and a window that enters and
     * leaves the pending store within one commit interval is never logged at all.
     */
    private static <K> StoreBuilder<KeyValueStore<K, byte[]>> bytesStore(String name, org.apache.kafka.common.serialization.Serde<K> keys) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), keys, Serdes.ByteArray())
                .withLoggingEnabled(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(RecordLimits.MAX_RECORD_BYTES)))
                .withCachingEnabled();
    }
}
