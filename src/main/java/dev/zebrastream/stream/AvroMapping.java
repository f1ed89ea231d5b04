package dev.zebrastream.stream;

import dev.zebrastream.avro.AudioFrame;
import dev.zebrastream.avro.Classification;
import dev.zebrastream.avro.DriftState;
import dev.zebrastream.avro.EntropyDriftAlert;
import dev.zebrastream.avro.LabelScore;
import dev.zebrastream.avro.PooledWindow;
import dev.zebrastream.avro.PromptVectors;
import dev.zebrastream.classify.Prediction;
import dev.zebrastream.classify.ScoreMath;
import dev.zebrastream.prompt.PromptSet;
import dev.zebrastream.window.AssembledWindow;
import dev.zebrastream.monitor.DriftEvent;
import dev.zebrastream.window.Frame;
import dev.zebrastream.window.SampleEncoding;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Converts between the Avro wire records and the plain core types. */
public final class AvroMapping {

    /** The wire's encoding symbols to the core's, looked up once: a name lookup per frame showed in profiles. */
    private static final Map<dev.zebrastream.avro.SampleEncoding, SampleEncoding> ENCODINGS =
            new EnumMap<>(dev.zebrastream.avro.SampleEncoding.class);

    static {
        for (dev.zebrastream.avro.SampleEncoding e : dev.zebrastream.avro.SampleEncoding.values()) {
            ENCODINGS.put(e, SampleEncoding.valueOf(e.name()));
        }
    }

    private AvroMapping() {
    }

    public static Frame toFrame(AudioFrame f) {
        byte[] samples = new byte[f.getSamples().remaining()];
        f.getSamples().duplicate().get(samples);
        return new Frame(f.getSensorId(), f.getSequence(), f.getCaptureTimeMs().toEpochMilli(), f.getSampleRate(),
                f.getChannels(), ENCODINGS.get(f.getEncoding()), samples);
    }

    public static AudioFrame toAvro(Frame f) {
        return AudioFrame.newBuilder()
                .setSensorId(f.sensorId())
                .setSequence(f.sequence())
                .setCaptureTimeMs(Instant.ofEpochMilli(f.captureTimeMs()))
                .setSampleRate(f.sampleRate())
                .setChannels(f.channels())
                .setEncoding(dev.zebrastream.avro.SampleEncoding.valueOf(f.encoding().name()))
                .setSamples(ByteBuffer.wrap(f.samples()))
                .build();
    }

    public static Classification toClassification(ClassifiedWindow c, String modelId, long nowMs) {
        AssembledWindow w = c.window();
        return Classification.newBuilder()
                .setSensorId(w.sensorId())
                .setWindowId(w.id())
                .setSegment(w.segment())
                .setWindowStartSample(w.startSample())
                .setWindowEndSample(w.endSample())
                .setWindowStartMs(Instant.ofEpochMilli(w.startCaptureMs()))
                .setWindowEndMs(Instant.ofEpochMilli(w.endCaptureMs()))
                .setSampleRate(w.sampleRate())
                .setTop(scores(c.prediction()))
                .setEntropy(c.prediction().entropy())
                .setPromptVersion(c.prompts().version())
                .setModelId(modelId)
                .setLatencyMs(Math.max(0, nowMs - w.latestFrameCaptureMs()))
                .setProcessedAtMs(Instant.ofEpochMilli(nowMs))
                .build();
    }

    public static PooledWindow toPooled(ClassifiedWindow c, boolean includeAudio, long nowMs) {
        return PooledWindow.newBuilder()
                .setWindowId(c.window().id())
                .setSensorId(c.window().sensorId())
                .setEmbedding(floatList(ScoreMath.normalize(c.embedding())))
                .setAudio(includeAudio ? floatBytes(c.window().audio().samples()) : null)
                .setSampleRate(c.window().audio().sampleRate())
                .setScores(scores(c.prediction()))
                .setEntropy(c.prediction().entropy())
                .setPromptVersion(c.prompts().version())
                .setCreatedAtMs(Instant.ofEpochMilli(nowMs))
                .build();
    }

    public static EntropyDriftAlert toAlert(String sensorId, DriftEvent e, long nowMs) {
        return EntropyDriftAlert.newBuilder()
                .setSensorId(sensorId)
                .setState(e.kind() == DriftEvent.Kind.RAISED ? DriftState.RAISED : DriftState.RESOLVED)
                .setStatistic(e.statistic())
                .setThreshold(e.threshold())
                .setBaseline(e.baseline())
                .setWindowStartMs(Instant.ofEpochMilli(e.episodeStartMs()))
                .setWindowEndMs(Instant.ofEpochMilli(e.episodeLastMs()))
                .setWindowsSeen(e.windowsSeen())
                .setRaisedAtMs(Instant.ofEpochMilli(nowMs))
                .build();
    }

    public static PromptSet toPromptSet(PromptVectors v) {
        return new PromptSet(v.getPromptSetId(), v.getVersion(), v.getParentVersion(), v.getBaseClasses(),
                v.getNovelClasses(), v.getContextLength(), v.getHiddenSize(), floats(v.getContext()), v.getFusionWeight(),
                v.getLogitScale(), v.getModelFingerprint(), new HashMap<>(v.getObjective()),
                new HashMap<>(v.getMetrics()), v.getCreatedAtMs().toEpochMilli(), v.getNote());
    }

    public static PromptVectors toAvro(PromptSet p) {
        return PromptVectors.newBuilder()
                .setPromptSetId(p.promptSetId())
                .setVersion(p.version())
                .setParentVersion(p.parentVersion())
                .setBaseClasses(p.baseClasses())
                .setNovelClasses(p.novelClasses())
                .setContextLength(p.contextLength())
                .setHiddenSize(p.hiddenSize())
                .setContext(floatList(p.context()))
                .setFusionWeight(p.fusionWeight())
                .setLogitScale(p.logitScale())
                .setModelFingerprint(p.modelFingerprint())
                .setObjective(Map.copyOf(p.objective()))
                .setMetrics(Map.copyOf(p.metrics()))
                .setCreatedAtMs(Instant.ofEpochMilli(p.createdAtMs()))
                .setNote(p.note())
                .build();
    }

    /** Float32 little-endian, the layout the schemas document for audio bytes. */
    public static ByteBuffer floatBytes(float[] samples) {
        ByteBuffer b = ByteBuffer.allocate(samples.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(samples);
        return b;
    }

    public static float[] floats(List<Float> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    private static List<Float> floatList(float[] values) {
        List<Float> out = new ArrayList<>(values.length);
        for (float v : values) {
            out.add(v);
        }
        return out;
    }

    private static List<LabelScore> scores(Prediction p) {
        return p.top().stream().map(s -> new LabelScore(s.label(), s.score())).toList();
    }
}
