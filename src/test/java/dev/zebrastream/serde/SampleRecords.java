package dev.zebrastream.serde;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.zebrastream.avro.AudioFrame;
import dev.zebrastream.avro.Classification;
import dev.zebrastream.avro.DriftState;
import dev.zebrastream.avro.EntropyDriftAlert;
import dev.zebrastream.avro.LabelScore;
import dev.zebrastream.avro.LabeledWindow;
import dev.zebrastream.avro.PooledWindow;
import dev.zebrastream.avro.PromptVectors;
import dev.zebrastream.avro.SampleEncoding;

/** One filled-in record of every message type, for serde and broker tests. */
public final class SampleRecords {

    static final Instant T0 = Instant.ofEpochMilli(1_760_000_000_000L);

    private SampleRecords() {
    }

    public static AudioFrame audioFrame() {
        return AudioFrame.newBuilder()
                .setSensorId("mic-7").setSequence(42).setCaptureTimeMs(T0).setSampleRate(16_000).setChannels(2)
                .setEncoding(SampleEncoding.PCM_S16LE).setSamples(ByteBuffer.wrap(new byte[] {1, 0, -1, -1, 0, 127, 3, 4}))
                .build();
    }

    public static Classification classification() {
        return Classification.newBuilder()
                .setSensorId("mic-7").setWindowId("mic-7:0:16000").setSegment(0)
                .setWindowStartSample(16_000).setWindowEndSample(176_000)
                .setWindowStartMs(T0).setWindowEndMs(T0.plusSeconds(10)).setSampleRate(16_000)
                .setTop(List.of(score("siren", 0.7), score("alarm", 0.2))).setEntropy(0.31)
                .setPromptVersion(3).setModelId("sha256:abc").setLatencyMs(120).setProcessedAtMs(T0.plusSeconds(11))
                .build();
    }

    public static PooledWindow pooledWindow() {
        return PooledWindow.newBuilder()
                .setWindowId("mic-7:0:16000").setSensorId("mic-7").setEmbedding(List.of(0.6f, -0.8f))
                .setAudio(ByteBuffer.wrap(new byte[] {0, 0, -128, 63})).setSampleRate(48_000)
                .setScores(List.of(score("rain", 0.4), score("wind", 0.35))).setEntropy(0.93)
                .setPromptVersion(0).setCreatedAtMs(T0)
                .build();
    }

    public static LabeledWindow labeledWindow() {
        return LabeledWindow.newBuilder()
                .setWindowId("mic-7:0:16000").setLabel("glass breaking").setEmbedding(List.of(0.6f, -0.8f))
                .setAudio(null).setSampleRate(null).setLabeledBy("ana").setLabeledAtMs(T0)
                .build();
    }

    public static PromptVectors promptVectors() {
        return PromptVectors.newBuilder()
                .setPromptSetId("default").setVersion(4).setParentVersion(3L)
                .setBaseClasses(List.of("alarm", "siren")).setNovelClasses(List.of("glass breaking"))
                .setContextLength(2).setHiddenSize(2).setContext(List.of(0.01f, -0.02f, 0.03f, 0.0f))
                .setFusionWeight(0.5).setLogitScale(100.0).setModelFingerprint("sha256:abc")
                .setObjective(Map.of("beta", 0.05)).setMetrics(Map.of("hm", 0.68)).setCreatedAtMs(T0).setNote(null)
                .build();
    }

    public static EntropyDriftAlert entropyDriftAlert() {
        return EntropyDriftAlert.newBuilder()
                .setSensorId("mic-7").setState(DriftState.RAISED).setStatistic(0.8).setThreshold(0.6).setBaseline(0.3)
                .setWindowStartMs(T0).setWindowEndMs(T0.plusSeconds(60)).setWindowsSeen(120).setRaisedAtMs(T0.plusSeconds(61))
                .build();
    }

    private static LabelScore score(String label, double score) {
        return new LabelScore(label, score);
    }
}
