package dev.zebrastream.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zebrastream.audio.AudioClip;
import dev.zebrastream.audio.LogMelExtractor;
import dev.zebrastream.classify.ScoreMath;
import dev.zebrastream.testing.FeatureTolerance;
import dev.zebrastream.testing.TestModels;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JVM path against the training code's own outputs (tools/tinyclap/fixtures.py): tokenizer
 * ids, log-mel features, audio and text embeddings from PyTorch for the same inputs.
 */
class TinyClapGoldenTest {

    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "tiny-clap");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Stated tolerance of embeddings (cosine similarity); features: {@link FeatureTolerance}. */
    private static final double MIN_COSINE = 0.9999;

    private static JsonNode json(String name) throws Exception {
        return JSON.readTree(GOLDEN.resolve(name).toFile());
    }

    private static float[] floats(JsonNode ref) throws Exception {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(GOLDEN.resolve(ref.get("file").asText())))
                .order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[b.remaining() / 4];
        b.asFloatBuffer().get(out);
        return out;
    }

    private static int rows(JsonNode ref) {
        return ref.get("shape").get(0).asInt();
    }

    private static void assertCosines(float[] expectedFlat, float[][] actual) {
        int dim = expectedFlat.length / actual.length;
        for (int i = 0; i < actual.length; i++) {
            float[] expected = java.util.Arrays.copyOfRange(expectedFlat, i * dim, (i + 1) * dim);
            double cos = ScoreMath.dot(ScoreMath.normalize(expected), ScoreMath.normalize(actual[i]));
            assertTrue(cos >= MIN_COSINE, "row " + i + " cosine " + cos);
        }
    }

    @Test
    void fixturesBelongToTheShippedModel() throws Exception {
        String fingerprint = TestModels.tinyClap().manifest().fingerprint();
        assertEquals(fingerprint, json("audio_embeddings.json").get("model_fingerprint").asText());
        assertEquals(fingerprint, json("text_embeddings.json").get("model_fingerprint").asText());
    }

    @Test
    void tokenizerMatchesTheTrainingTokenizer() throws Exception {
        PromptTokenizer tokenizer = PromptTokenizer.load(TestModels.TINY_CLAP.resolve("tokenizer.json"),
                TestModels.tinyClap().manifest().text().maxLength());
        int checked = 0;
        for (JsonNode row : json("text_embeddings.json").get("tokenization")) {
            int[] expected = JSON.convertValue(row.get("ids"), int[].class);
            assertArrayEquals(expected, tokenizer.encode(row.get("text").asText()), "ids of '" + row.get("text").asText() + "'");
            checked++;
        }
        assertTrue(checked > 40, "all class names, templates and odd strings: " + checked);
        tokenizer.close();
    }

    @Test
    void featuresMatchTheTrainingFrontEnd() throws Exception {
        LogMelExtractor extractor = new LogMelExtractor(TestModels.tinyClap().manifest().audio());
        for (JsonNode signal : json("features.json").get("signals")) {
            float[] samples = floats(signal.get("samples"));
            float[] expected = floats(signal.get("features"));
            float[] actual = new float[extractor.featureLength()];
            extractor.extractInto(new AudioClip(samples, 16_000), actual, 0);
            assertEquals(expected.length, actual.length, signal.get("name").asText() + " shape");
            FeatureTolerance.assertClose("tiny-clap " + signal.get("name").asText(), expected, actual,
                    FeatureTolerance.TINY_CLAP_DB);
        }
    }

    @Test
    void audioEmbeddingsMatchPyTorch() throws Exception {
        JsonNode ref = json("audio_embeddings.json");
        float[] features = floats(ref.get("input_features"));
        float[][] actual = TestModels.tinyClap().embedFeatures(features, rows(ref.get("input_features")));
        assertCosines(floats(ref.get("audio_embeds")), actual);
    }

    @Test
    void promptAssemblyAndTextEmbeddingsMatchPyTorch() throws Exception {
        ClapModel model = TestModels.tinyClap();
        JsonNode ref = json("text_embeddings.json");
        JsonNode prompts = ref.get("prompts");
        List<String> zeroShotClasses = new ArrayList<>();
        String learnedText = prompts.get(2).get("text").asText();
        String template = model.manifest().text().zeroShotTemplate();
        for (int i = 0; i < 2; i++) {
            String text = prompts.get(i).get("text").asText();
            String prefix = template.substring(0, template.indexOf("{}"));
            String suffix = template.substring(template.indexOf("{}") + 2);
            zeroShotClasses.add(text.substring(prefix.length(), text.length() - suffix.length()));
        }
        float[] context = floats(ref.get("context_vectors"));
        PromptBatch zeroShot = model.prompts().zeroShot(zeroShotClasses);
        PromptBatch learned = model.prompts().learned(List.of(learnedText.substring(0, learnedText.length() - 1)), context);
        float[] expectedEmbeds = floats(ref.get("inputs_embeds"));
        int length = ref.get("attention_mask").get(0).size();
        int hidden = model.prompts().hiddenSize();
        assertPromptRows(expectedEmbeds, ref.get("attention_mask"), 0, zeroShot, 0, length, hidden);
        assertPromptRows(expectedEmbeds, ref.get("attention_mask"), 1, zeroShot, 1, length, hidden);
        assertPromptRows(expectedEmbeds, ref.get("attention_mask"), 2, learned, 0, length, hidden);

        List<float[][]> ours = List.of(model.embedText(zeroShot), model.embedText(learned));
        float[][] actual = {ours.get(0)[0], ours.get(0)[1], ours.get(1)[0]};
        assertCosines(floats(ref.get("text_embeds")), actual);
    }

    /** The unmasked token rows of one of our prompts equal the reference's. */
    private static void assertPromptRows(float[] expected, JsonNode masks, int expectedRow, PromptBatch batch, int row,
                                         int expectedLength, int hidden) {
        int tokens = 0;
        for (JsonNode m : masks.get(expectedRow)) {
            tokens += m.asInt();
        }
        for (int t = 0; t < tokens; t++) {
            assertEquals(1L, batch.mask()[row * batch.length() + t]);
            for (int h = 0; h < hidden; h++) {
                assertEquals(expected[(expectedRow * expectedLength + t) * hidden + h],
                        batch.embeds()[(row * batch.length() + t) * hidden + h], 0f, "prompt " + expectedRow + " token " + t);
            }
        }
        for (int t = tokens; t < batch.length(); t++) {
            assertEquals(0L, batch.mask()[row * batch.length() + t], "padding is masked");
        }
    }
}
