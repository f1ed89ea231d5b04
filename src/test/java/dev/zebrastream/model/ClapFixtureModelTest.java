package dev.zebrastream.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zebrastream.audio.AudioClip;
import dev.zebrastream.audio.HfClapFixture;
import dev.zebrastream.classify.ScoreMath;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A structurally real LAION-CLAP (HTSAT + RoBERTa, random toy-size weights) exported by
 * tools/export_clap exactly as real weights are, loaded through the normal model loader and checked
 * against PyTorch's embeddings of the same inputs (tools/export_clap/README.md says how it was made).
 */
class ClapFixtureModelTest {

    private static final Path DIR = Path.of("src", "test", "resources", "models", "clap-htsat-tiny");
    private static final Path GOLDEN = DIR.resolve("golden");
    /** Stated tolerance: the exporter's own self-check bar. */
    private static final double MIN_COSINE = 0.9999;

    private static ClapModel model;
    private static JsonNode golden;

    @BeforeAll
    static void load() throws Exception {
        model = ClapModel.load(DIR, ExecutionDevice.CPU, 1);
        golden = new ObjectMapper().readTree(GOLDEN.resolve("golden.json").toFile());
    }

    @AfterAll
    static void close() throws Exception {
        model.close();
    }

    private static float[] floats(String file) throws Exception {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(GOLDEN.resolve(file))).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[b.remaining() / Float.BYTES];
        b.asFloatBuffer().get(out);
        return out;
    }

    private static List<String> strings(String field) {
        List<String> out = new ArrayList<>();
        golden.get(field).forEach(n -> out.add(n.asText()));
        return out;
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    private static void assertCosines(String what, float[] expectedFlat, float[][] actual) {
        int dim = expectedFlat.length / actual.length;
        for (int i = 0; i < actual.length; i++) {
            assertEquals(dim, actual[i].length, what + " row " + i + " dimension");
            float[] expected = Arrays.copyOfRange(expectedFlat, i * dim, (i + 1) * dim);
            double cos = ScoreMath.dot(ScoreMath.normalize(expected), ScoreMath.normalize(actual[i]));
            assertTrue(cos >= MIN_COSINE, what + " row " + i + ": cosine " + cos + " < " + MIN_COSINE);
        }
    }

    @Test
    void manifestDescribesTheExportedCheckpoint() {
        ModelManifest m = model.manifest();
        assertEquals(golden.get("model_fingerprint").asText(), m.fingerprint());
        assertEquals(48_000, m.audio().sampleRate());
        assertEquals(1001, m.audio().frames(), "10 s at hop 480, centred");
        assertEquals(32, m.text().hiddenSize(), "toy RoBERTa width");
        assertEquals(37, m.classes().size(), "the exporter's default vocabulary: the sound generator's classes");
        assertEquals(golden.get("template").asText(), m.text().zeroShotTemplate());
    }

    @Test
    void tokensAreTheCheckpointTokenizers() {
        List<String> classes = strings("classes");
        for (int i = 0; i < classes.size(); i++) {
            assertArrayEquals(ints(golden.get("zeroshot_ids").get(i)), model.prompts().zeroShotTokens(classes.get(i)),
                    "zero-shot ids of " + classes.get(i));
            assertArrayEquals(ints(golden.get("learned_ids").get(i)), model.prompts().learnedTokens(classes.get(i)),
                    "learned-prompt ids of " + classes.get(i));
        }
    }

    @Test
    void zeroShotPromptsAreAssembledAndEmbeddedAsInPyTorch() throws Exception {
        PromptBatch batch = model.prompts().zeroShot(strings("classes"));
        assertArrayEquals(floats("zeroshot_inputs_embeds.f32"), batch.embeds(), "inputs_embeds, bit for bit");
        long[] mask = Arrays.stream(ints(golden.get("zeroshot_mask").get(0))).asLongStream().toArray();
        assertArrayEquals(mask, Arrays.copyOf(batch.mask(), batch.length()), "mask of the first prompt");
        assertCosines("zero-shot text", floats("zeroshot_text_embeds.f32"), model.embedText(batch));
    }

    @Test
    void learnedPromptsAroundContextVectorsMatchPyTorch() throws Exception {
        PromptBatch batch = model.prompts().learned(strings("classes"), floats("learned_context.f32"));
        assertEquals(golden.get("learned_mask").get(0).size(), batch.length(), "padded prompt length");
        assertCosines("learned text", floats("learned_text_embeds.f32"), model.embedText(batch));
    }

    @Test
    void audioEmbeddingsOfHuggingFaceFeaturesMatchPyTorch() throws Exception {
        List<String> signals = strings("signals");
        int featureLength = model.manifest().audio().frames() * model.manifest().audio().nMels();
        float[] features = new float[signals.size() * featureLength];
        for (int i = 0; i < signals.size(); i++) {
            System.arraycopy(HfClapFixture.features(signals.get(i)), 0, features, i * featureLength, featureLength);
        }
        assertCosines("audio (HF features)", floats("audio_embeds.f32"), model.embedFeatures(features, signals.size()));
    }

    @Test
    void anEmptyClassListIsAUserErrorNotAnOnnxFailure() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.prompts().zeroShot(List.of()));
        assertTrue(e.getMessage().contains("classify.classes"), e.getMessage());
    }

    @Test
    void waveformsThroughTheJvmFrontEndGiveTheSameEmbeddings() throws Exception {
        List<AudioClip> clips = strings("signals").stream().map(HfClapFixture::signal).toList();
        assertCosines("audio (JVM log-mel)", floats("audio_embeds.f32"), model.embedAudio(clips, 2));
    }
}
