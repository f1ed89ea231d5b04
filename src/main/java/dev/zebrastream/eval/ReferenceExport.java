package dev.zebrastream.eval;

import ai.onnxruntime.OrtException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.zebrastream.adapt.ContextInit;
import dev.zebrastream.adapt.ObjectiveWeights;
import dev.zebrastream.adapt.ZoConfig;
import dev.zebrastream.model.ClapModel;
import dev.zebrastream.model.TextSettings;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one setting / seed / shot count as the first-order reference ({@code tools/reference/}) reads
 * it: the exact embeddings the JVM adapts on, the class prompts' token ids, the initial context, and
 * the JVM's own text embeddings of both prompt kinds so the reference can check its weight mapping.
 * Arrays are raw little-endian float32 / int32 files; their shapes are in {@code meta.json}.
 */
public final class ReferenceExport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReferenceExport() {
    }

    public static void write(Path dir, ClapModel model, SettingData data, long seed, int shots, PoolWeights pool)
            throws IOException, OrtException {
        Files.createDirectories(dir);
        EvalSetting s = data.setting();
        float[] init = ContextInit.random(s.contextLength(), model.prompts().hiddenSize(), seed);
        LabeledEmbeddings labeled = data.shots(seed, shots);
        writeFloats(dir.resolve("test_audio.f32"), data.test().audio());
        writeInts(dir.resolve("test_labels.i32"), data.test().labels());
        writeFloats(dir.resolve("shots_audio.f32"), labeled.audio());
        writeInts(dir.resolve("shots_labels.i32"), labeled.labels());
        writeFloats(dir.resolve("pool_audio.f32"), data.pool());
        writeFloats(dir.resolve("zeroshot_text.f32"), data.zeroShotText());
        writeFloats(dir.resolve("init_context.f32"), new float[][] {init});
        writeFloats(dir.resolve("learned_text_init.f32"),
                model.embedText(model.prompts().learned(data.classes(), init)));
        Map<String, Object> meta = meta(model, data, seed, shots, pool, labeled.size());
        JSON.writeValue(dir.resolve("meta.json").toFile(), meta);
    }

    private static Map<String, Object> meta(ClapModel model, SettingData data, long seed, int shots, PoolWeights pool,
                                            int labeledRows) {
        EvalSetting s = data.setting();
        TextSettings text = model.manifest().text();
        ZoConfig zo = s.zo(seed);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("setting", s.name());
        m.put("settingFields", s.toMap());
        m.put("seed", seed);
        m.put("shots", shots);
        m.put("modelDir", model.directory().toAbsolutePath().toString());
        m.put("modelFingerprint", model.manifest().fingerprint());
        m.put("classes", data.classes());
        m.put("baseCount", data.baseCount());
        m.put("logitScale", data.logitScale());
        m.put("fusionWeight", ObjectiveWeights.PAPER_FUSION_WEIGHT);
        m.put("beta", ObjectiveWeights.PAPER_BETA);
        m.put("poolWeights", pool == null ? null : Map.of("lambdaU", pool.lambdaU(), "lambdaDiv", pool.lambdaDiv()));
        m.put("zo", Map.of("method", zo.method().id(), "steps", zo.steps(), "directions", zo.directions(), "mu", zo.mu(),
                "learningRate", zo.learningRate(), "subspaceDim", zo.subspaceDim(), "cosineDecay", zo.cosineDecay()));
        m.put("contextLength", s.contextLength());
        m.put("hiddenSize", model.prompts().hiddenSize());
        m.put("vocabSize", text.vocabSize());
        m.put("bosTokenId", text.bosTokenId());
        m.put("eosTokenId", text.eosTokenId());
        m.put("padTokenId", text.padTokenId());
        m.put("tokenEmbeddings", model.directory().resolve(text.tokenEmbeddings()).toAbsolutePath().toString());
        m.put("textEncoder", model.directory().resolve("text_encoder.onnx").toAbsolutePath().toString());
        m.put("learnedTokenIds", data.classes().stream().map(model.prompts()::learnedTokens).toList());
        m.put("zeroShotTokenIds", data.classes().stream().map(model.prompts()::zeroShotTokens).toList());
        m.put("shapes", Map.of("test_audio", List.of(data.test().size(), dim(data.test().audio())),
                "shots_audio", List.of(labeledRows, dim(data.test().audio())),
                "pool_audio", List.of(data.pool().length, dim(data.test().audio())),
                "zeroshot_text", List.of(data.classes().size(), data.zeroShotText()[0].length),
                "init_context", List.of(s.contextLength(), model.prompts().hiddenSize()),
                "learned_text_init", List.of(data.classes().size(), data.zeroShotText()[0].length)));
        return m;
    }

    private static int dim(float[][] rows) {
        return rows[0].length;
    }

    private static void writeFloats(Path file, float[][] rows) throws IOException {
        int width = rows.length == 0 ? 0 : rows[0].length;
        ByteBuffer buf = ByteBuffer.allocate(4 * rows.length * width).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] row : rows) {
            for (float v : row) {
                buf.putFloat(v);
            }
        }
        Files.write(file, buf.array());
    }

    private static void writeInts(Path file, int[] values) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            buf.putInt(v);
        }
        Files.write(file, buf.array());
    }
}
