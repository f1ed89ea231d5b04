package dev.zebrastream.stream;

import dev.zebrastream.avro.AudioFrame;
import dev.zebrastream.metrics.StreamMetrics;
import dev.zebrastream.window.AssembledWindow;
import dev.zebrastream.window.AssemblerStats;
import dev.zebrastream.window.FrameDecoder;
import dev.zebrastream.window.InvalidFrameException;
import dev.zebrastream.window.MonoFrame;
import dev.zebrastream.window.Presence;
import dev.zebrastream.window.WindowAssembler;
import dev.zebrastream.window.WindowConfig;
import dev.zebrastream.window.WindowOutput;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frames in, assembled windows out. Decodes the Avro frame, validates it, and feeds the sensor's
 * {@link WindowAssembler}, whose state lives in changelogged stores ({@link AssemblyState}). A
 * wall-clock punctuator flushes the partial window of a sensor that went silent. Anything that
 * cannot be decoded goes to the dead-letter topic with its reason.
 */
final class FrameIngestProcessor implements Processor<byte[], byte[], Object, Object> {

    static final String STAGE = "frame-ingest";
    static final String UNDECODABLE = "UNDECODABLE";
    static final String KEY_MISMATCH = "KEY_MISMATCH";
    static final String PROCESSING_FAILED = "PROCESSING_FAILED";
    private static final Logger LOG = LoggerFactory.getLogger(FrameIngestProcessor.class);
    private static final Duration FLUSH_CHECK = Duration.ofSeconds(1);
    private static final Duration MAX_TICK_GAP = FLUSH_CHECK.multipliedBy(3);

    private final Deserializer<AudioFrame> frames;
    private final FrameDecoder decoder = new FrameDecoder();
    private final WindowConfig windowConfig;
    private final WindowOutput output;
    private final StreamMetrics metrics;
    private final ZebraTopology.AssemblyStores stores;
    private final String dlqSink;
    private final String windowsChild;
    private final String framesTopic;
    private final PartitionCheck partitionCheck;
    private ProcessorContext<Object, Object> context;
    private AssemblyState assemblers;
    private DeadLetters deadLetters;
    private final Presence.Liveness liveness;
    private Presence presence;

    FrameIngestProcessor(Deserializer<AudioFrame> frames, String framesTopic, WindowConfig windowConfig,
                         WindowOutput output, StreamMetrics metrics, ZebraTopology.AssemblyStores stores,
                         String windowsChild, String dlqSink, PartitionCheck partitionCheck,
                         Presence.Liveness liveness) {
        this.partitionCheck = partitionCheck;
        this.liveness = liveness;
        this.frames = frames;
        this.framesTopic = framesTopic;
        this.windowConfig = windowConfig;
        this.output = output;
        this.metrics = metrics;
        this.stores = stores;
        this.windowsChild = windowsChild;
        this.dlqSink = dlqSink;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        this.assemblers = new AssemblyState(context.getStateStore(stores.headers()), context.getStateStore(stores.audio()),
                windowConfig, output);
        this.deadLetters = new DeadLetters(context, dlqSink, metrics);
        presence = new Presence(context.currentSystemTimeMs(), MAX_TICK_GAP.toMillis());
        context.schedule(FLUSH_CHECK, PunctuationType.WALL_CLOCK_TIME, this::flushIdleSensors);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        MonoFrame frame;
        try {
            frame = decode(record);
        } catch (RejectedRecord e) {
            deadLetters.send(record, STAGE, e.code, e.getMessage());
            return;
        } catch (InvalidFrameException e) {
            deadLetters.send(record, STAGE, e.reason().name(), "invalid frame (" + e.reason() + "): " + e.getMessage());
            return;
        }
        metrics.frameAccepted();
        context.recordMetadata().ifPresent(m -> partitionCheck.observe(frame.sensorId(), record.key(), m.partition()));
        assemble(frame, record);
    }

    private void assemble(MonoFrame frame, Record<byte[], byte[]> record) {
        WindowAssembler assembler = assemblers.load(frame.sensorId());
        AssemblerStats before = assembler.stats();
        List<AssembledWindow> windows;
        try {
            windows = assembler.offer(frame, context.currentSystemTimeMs());
        } catch (RuntimeException e) {
            // A frame that passed validation yet breaks assembly must not stop the other sensors:
            // the sensor's state is reloaded from the store, as it was before this frame. Only the
            // assembly is guarded: what the store and the sinks throw (a fenced producer, a migrated
            // task) must reach Kafka Streams, or exactly-once breaks.
            assemblers.forget(frame.sensorId());
            LOG.warn("frame of sensor {} failed in window assembly, sent to the dead-letter topic", frame.sensorId(), e);
            deadLetters.send(record, STAGE, PROCESSING_FAILED, "window assembly failed: " + e);
            return;
        }
        metrics.assembly(before, assembler.stats());
        assemblers.save(assembler);
        forward(windows);
    }

    private MonoFrame decode(Record<byte[], byte[]> record) throws InvalidFrameException, RejectedRecord {
        if (record.value() == null) {
            throw new RejectedRecord(UNDECODABLE, "record has no value (tombstone)");
        }
        AudioFrame frame;
        try {
            frame = frames.deserialize(sourceTopic(), record.value());
        } catch (SerializationException e) {
            throw new RejectedRecord(UNDECODABLE, "undecodable AudioFrame: " + e.getMessage());
        }
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        if (!frame.getSensorId().equals(key)) {
            // Partitioning by key is what keeps one sensor's frames on one assembler.
            throw new RejectedRecord(KEY_MISMATCH, "key mismatch: record key "
                    + (key == null ? "null" : "'" + key + "'") + " differs from sensor_id '" + frame.getSensorId() + "'");
        }
        return decoder.decode(AvroMapping.toFrame(frame), context.currentSystemTimeMs());
    }

    private String sourceTopic() {
        return context.recordMetadata().map(RecordMetadata::topic).orElse(framesTopic);
    }

    /**
     * Flushes sensors silent for the idle time, counting silence only since this task's partition
     * became continuously live (see {@link Presence}): right after a (re)start, during a broker outage
     * and while a backlog is read, a sensor's frames may still be on their way.
     */
    private void flushIdleSensors(long now) {
        long presentSince = presence.tick(now, liveness.isLive(framesTopic, context.taskId().partition()));
        for (String sensor : assemblers.sensors()) {
            WindowAssembler assembler = assemblers.load(sensor);
            List<AssembledWindow> windows = assembler.flush(now, presentSince);
            if (!windows.isEmpty()) {
                assemblers.save(assembler);
                forward(windows);
            }
        }
    }

    private void forward(List<AssembledWindow> windows) {
        for (AssembledWindow w : windows) {
            context.forward(new Record<>(w.sensorId(), w, w.latestFrameCaptureMs()), windowsChild);
        }
    }

    /** A record that is not a frame of the sensor it claims to be; {@link #code} goes to the dead letter. */
    private static final class RejectedRecord extends Exception {
        private final String code;

        RejectedRecord(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }
}
