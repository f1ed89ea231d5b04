package dev.zebrastream.stream;

import java.util.function.Function;
import ai.onnxruntime.OrtException;
import dev.zebrastream.avro.PromptVectors;
import dev.zebrastream.config.StreamSettings;
import dev.zebrastream.prompt.PromptKeys;
import dev.zebrastream.metrics.StreamMetrics;
import dev.zebrastream.window.AssembledWindow;
import dev.zebrastream.monitor.DriftDetector;
import dev.zebrastream.monitor.DriftEvent;
import dev.zebrastream.monitor.PoolRateLimiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Windows in, Classification events out, in micro-batches. A window waits in a changelogged
 * "pending" store until its batch runs (full batch, or the wall-clock wait expires), so a window
 * whose input offset was committed is never lost in memory: under exactly-once the store write,
 * the events and the offsets commit together. Its embedding is started when it arrives, on the
 * instance's inference thread (shared by all tasks), and awaited when its batch runs; windows
 * restored from the store after a restart are embedded then. Uncertain windows go to the pool (rate-limited per
 * sensor); each sensor's entropy feeds its drift detector.
 */
final class ClassifyProcessor implements Processor<String, AssembledWindow, Object, Object> {

    /** Store and sink names, fixed by the topology. */
    record Names(String pending, String drift, String poolRate, String prompts, String events, String pool,
                 String alerts) {
    }

    private final WindowClassifier classifier;
    private final PromptRegistry prompts;
    private final StreamSettings settings;
    private final int maxBatch;
    private final String modelId;
    private final StreamMetrics metrics;
    private final Names names;
    private final Function<byte[], PromptVectors> promptDeserializer;
    private ProcessorContext<Object, Object> context;
    private KeyValueStore<Long, byte[]> pending;
    private KeyValueStore<String, byte[]> drift;
    private KeyValueStore<String, byte[]> poolRate;
    private long nextKey;
    private int pendingCount;
    /**
     * Windows of this instance's run with their embeddings in progress, by pending key: memory only,
     * so that a batch neither decodes them back from the store nor embeds them again. Windows
     * restored from the store after a restart have no entry and take the slow path.
     */
    private final Map<Long, InFlight> inFlight = new HashMap<>();

    private record InFlight(AssembledWindow window, CompletableFuture<float[]> embedding) {
    }

    ClassifyProcessor(WindowClassifier classifier, PromptRegistry prompts, StreamSettings settings, int maxBatch,
                      String modelId, StreamMetrics metrics, Names names, Function<byte[], PromptVectors> promptDeserializer) {
        this.classifier = classifier;
        this.prompts = prompts;
        this.settings = settings;
        this.maxBatch = maxBatch;
        this.modelId = modelId;
        this.metrics = metrics;
        this.names = names;
        this.promptDeserializer = promptDeserializer;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        pending = context.getStateStore(names.pending());
        drift = context.getStateStore(names.drift());
        poolRate = context.getStateStore(names.poolRate());
        // Keys are arrival order; resume after the last restored one so order survives a restart.
        try (KeyValueIterator<Long, byte[]> it = pending.all()) {
            while (it.hasNext()) {
                nextKey = Math.max(nextKey, it.next().key + 1);
                pendingCount++;
            }
        }
        seedPrompts(context);
        context.schedule(Duration.ofMillis(settings.maxBatchWaitMs()), PunctuationType.WALL_CLOCK_TIME,
                now -> runBatch());
    }

    /**
     * A restored global store is loaded without passing through {@link PromptUpdateProcessor}, so
     * after a (re)start the registry picks up the latest version from the store itself.
     */
    private void seedPrompts(ProcessorContext<Object, Object> context) {
        KeyValueStore<String, byte[]> store = context.getStateStore(names.prompts());
        byte[] latest = store.get(PromptKeys.current(prompts.promptSetId()));
        if (latest != null) {
            PromptUpdateProcessor.PromptInstaller.install(prompts, promptDeserializer, latest);
        }
    }

    @Override
    public void process(Record<String, AssembledWindow> record) {
        long key = nextKey++;
        pending.put(key, record.value().toBytes(settings.sampleFormat()));
        inFlight.put(key, new InFlight(record.value(), classifier.embed(record.value())));
        if (++pendingCount >= maxBatch) {
            runBatch();
        }
    }

    private void runBatch() {
        if (pendingCount == 0) {
            return;
        }
        List<KeyValue<Long, byte[]>> batch = new ArrayList<>();
        try (KeyValueIterator<Long, byte[]> it = pending.all()) {
            it.forEachRemaining(batch::add);
        }
        List<AssembledWindow> windows = new ArrayList<>(batch.size());
        List<CompletableFuture<float[]>> started = new ArrayList<>(batch.size());
        for (KeyValue<Long, byte[]> kv : batch) {
            InFlight known = inFlight.remove(kv.key);
            AssembledWindow w = known != null ? known.window() : AssembledWindow.fromBytes(kv.value);
            windows.add(w);
            started.add(known != null ? known.embedding() : classifier.embed(w));
        }
        List<ClassifiedWindow> results = classify(windows, started);
        long now = context.currentSystemTimeMs();
        for (ClassifiedWindow c : results) {
            publish(c, now);
        }
        batch.forEach(kv -> pending.delete(kv.key));
        pendingCount = 0;
        metrics.promptVersion(prompts.current().version());
    }

    private List<ClassifiedWindow> classify(List<AssembledWindow> windows, List<CompletableFuture<float[]>> started) {
        try {
            return classifier.classify(windows, started);
        } catch (OrtException e) {
            // Inference failing is not a property of one record: stop the task so the windows stay pending.
            throw new StreamsException("inference failed on a batch of " + windows.size() + " windows", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamsException("interrupted while waiting for embeddings", e);
        }
    }

    private void publish(ClassifiedWindow c, long now) {
        AssembledWindow w = c.window();
        long timestamp = w.endCaptureMs();
        context.forward(new Record<>(w.sensorId(), AvroMapping.toClassification(c, modelId, now), timestamp),
                names.events());
        metrics.classified(w.sensorId(), Math.max(0, now - w.latestFrameCaptureMs()) / 1000.0, c.prediction().entropy());
        if (c.prediction().entropy() >= settings.poolEntropyThreshold() && poolAllows(w)) {
            context.forward(new Record<>(w.sensorId(), AvroMapping.toPooled(c, settings.poolIncludesAudio(), now),
                    timestamp), names.pool());
            metrics.pooled();
        }
        observeDrift(w, c.prediction().entropy()).ifPresent(e -> {
            context.forward(new Record<>(w.sensorId(), AvroMapping.toAlert(w.sensorId(), e, now), timestamp),
                    names.alerts());
            metrics.alert(e.kind().name());
        });
    }

    private boolean poolAllows(AssembledWindow w) {
        byte[] state = poolRate.get(w.sensorId());
        PoolRateLimiter limiter = state == null ? new PoolRateLimiter(settings.poolRate())
                : PoolRateLimiter.fromBytes(state, settings.poolRate());
        boolean allowed = limiter.tryAcquire(w.endCaptureMs());
        poolRate.put(w.sensorId(), limiter.toBytes());
        return allowed;
    }

    private Optional<DriftEvent> observeDrift(AssembledWindow w, double entropy) {
        byte[] state = drift.get(w.sensorId());
        DriftDetector detector = state == null ? new DriftDetector(settings.drift())
                : DriftDetector.fromBytes(state, settings.drift());
        Optional<DriftEvent> event = detector.observe(Math.min(1.0, Math.max(0.0, entropy)), w.startCaptureMs(), w.endCaptureMs());
        drift.put(w.sensorId(), detector.toBytes());
        return event;
    }

    @Override
    public void close() {
        // Pending windows stay in the changelogged store and run after the next start.
    }
}
