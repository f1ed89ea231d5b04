import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs the exported ONNX encoders in ONNX Runtime on the golden inputs written by
 * tools/tinyclap/fixtures.py and reports the largest difference to the PyTorch outputs:
 *
 *   java -cp "$(cat cp.txt)" tools/tinyclap/OnnxParity.java models/tiny-clap src/test/resources/golden/tiny-clap
 */
public class OnnxParity {
    public static void main(String[] args) throws Exception {
        Path model = Path.of(args[0]);
        Path golden = Path.of(args[1]);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        double audioError = audio(env, model, golden);
        double textError = text(env, model, golden);
        System.out.printf("max |onnx - torch|: audio %.3g, text %.3g%n", audioError, textError);
        System.exit(audioError < 1e-3 && textError < 1e-3 ? 0 : 1);
    }

    static double audio(OrtEnvironment env, Path model, Path golden) throws Exception {
        JsonObject spec = json(golden.resolve("audio_embeddings.json"));
        try (OrtSession session = env.createSession(model.resolve("audio_encoder.onnx").toString());
             OnnxTensor input = floatTensor(env, golden, spec.getAsJsonObject("input_features"))) {
            return maxError(session, Map.of("input_features", input), golden, spec.getAsJsonObject("audio_embeds"));
        }
    }

    static double text(OrtEnvironment env, Path model, Path golden) throws Exception {
        JsonObject spec = json(golden.resolve("text_embeddings.json"));
        JsonArray rows = spec.getAsJsonArray("attention_mask");
        int length = rows.get(0).getAsJsonArray().size();
        LongBuffer mask = LongBuffer.allocate(rows.size() * length);
        rows.forEach(row -> row.getAsJsonArray().forEach(v -> mask.put(v.getAsLong())));
        mask.flip();
        try (OrtSession session = env.createSession(model.resolve("text_encoder.onnx").toString());
             OnnxTensor embeds = floatTensor(env, golden, spec.getAsJsonObject("inputs_embeds"));
             OnnxTensor maskTensor = OnnxTensor.createTensor(env, mask, new long[] {rows.size(), length})) {
            return maxError(session, Map.of("inputs_embeds", embeds, "attention_mask", maskTensor), golden,
                    spec.getAsJsonObject("text_embeds"));
        }
    }

    static double maxError(OrtSession session, Map<String, OnnxTensor> inputs, Path golden, JsonObject expectedSpec) throws Exception {
        float[] expected = floats(golden, expectedSpec);
        try (OrtSession.Result result = session.run(inputs)) {
            FloatBuffer actual = ((OnnxTensor) result.get(0)).getFloatBuffer();
            double worst = 0;
            for (int i = 0; i < expected.length; i++) {
                worst = Math.max(worst, Math.abs(actual.get(i) - expected[i]));
            }
            return worst;
        }
    }

    static OnnxTensor floatTensor(OrtEnvironment env, Path golden, JsonObject spec) throws Exception {
        long[] shape = spec.getAsJsonArray("shape").asList().stream().mapToLong(e -> e.getAsLong()).toArray();
        return OnnxTensor.createTensor(env, FloatBuffer.wrap(floats(golden, spec)), shape);
    }

    static float[] floats(Path golden, JsonObject spec) throws Exception {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(golden.resolve(spec.get("file").getAsString())))
                .order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[bytes.remaining() / 4];
        bytes.asFloatBuffer().get(out);
        return out;
    }

    static JsonObject json(Path path) throws Exception {
        return JsonParser.parseString(Files.readString(path)).getAsJsonObject();
    }
}
