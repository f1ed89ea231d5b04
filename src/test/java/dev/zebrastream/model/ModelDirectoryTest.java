package dev.zebrastream.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Manifest validation on a hand-made model directory (file contents are stand-ins; only hashes matter here). */
class ModelDirectoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int VOCAB = 10;
    private static final int HIDDEN = 4;

    @TempDir
    Path dir;

    private ObjectNode manifest;

    @BeforeEach
    void writeValidModel() throws Exception {
        Files.write(dir.resolve("audio_encoder.onnx"), new byte[] {1, 2, 3});
        Files.write(dir.resolve("text_encoder.onnx"), new byte[] {4, 5});
        Files.writeString(dir.resolve("tokenizer.json"), "{}");
        Files.write(dir.resolve("token_embeddings.f32"), new byte[4 * VOCAB * HIDDEN]);
        manifest = (ObjectNode) JSON.readTree("""
            {"name": "test", "version": "1",
             "audio": {"sample_rate": 16000, "window_seconds": 1.0, "n_fft": 512, "win_length": 512,
                       "hop_length": 160, "window": "hann_periodic", "center": true, "pad_mode": "reflect",
                       "power": 2.0, "n_mels": 64, "f_min": 50, "f_max": 8000, "mel_scale": "slaney",
                       "mel_norm": "slaney", "log": "db", "log_floor": 1e-10, "padding": "repeatpad"},
             "text": {"tokenizer": "tokenizer.json", "token_embeddings": "token_embeddings.f32",
                      "vocab_size": 10, "hidden_size": 4, "max_length": 16, "bos_token_id": 0,
                      "eos_token_id": 2, "pad_token_id": 1, "position_ids": false,
                      "zero_shot_template": "This is a recording of {}."},
             "embedding_dim": 8, "logit_scale": 100.0, "classes": ["siren", "rain"]}
            """);
        rehash();
    }

    private void rehash() throws Exception {
        Map<String, String> files = new TreeMap<>();
        for (String f : new String[] {"audio_encoder.onnx", "text_encoder.onnx", "tokenizer.json", "token_embeddings.f32"}) {
            files.put(f, ModelDirectory.sha256Hex(dir.resolve(f)));
        }
        ObjectNode filesNode = manifest.putObject("files");
        files.forEach(filesNode::put);
        manifest.put("fingerprint", ModelDirectory.fingerprint(files));
        save();
    }

    private void save() throws Exception {
        Files.writeString(dir.resolve("manifest.json"), JSON.writeValueAsString(manifest));
    }

    private String failure() {
        return assertThrows(ModelException.class, () -> ModelDirectory.open(dir)).getMessage();
    }

    @Test
    void validDirectoryOpens() throws Exception {
        ModelDirectory m = ModelDirectory.open(dir);
        assertEquals("test", m.manifest().name());
        assertEquals(101, m.manifest().audio().frames());
        assertEquals("This is a recording of siren.", m.manifest().text().zeroShotPrompt("siren"));
        assertEquals(OnnxNames.defaults(), m.manifest().onnx());
    }

    @Test
    void missingDirectoryAndManifestAreNamed() throws Exception {
        assertTrue(assertThrows(ModelException.class, () -> ModelDirectory.open(dir.resolve("nope")))
                .getMessage().contains("model directory not found"));
        Files.delete(dir.resolve("manifest.json"));
        assertTrue(failure().contains("no manifest.json"));
    }

    @Test
    void invalidJsonIsReported() throws Exception {
        Files.writeString(dir.resolve("manifest.json"), "{\"name\": ");
        assertTrue(failure().contains("invalid JSON"));
    }

    @Test
    void missingFileIsNamed() throws Exception {
        Files.delete(dir.resolve("text_encoder.onnx"));
        assertTrue(failure().contains("missing text_encoder.onnx"));
    }

    @Test
    void changedFileFailsItsHash() throws Exception {
        Files.write(dir.resolve("audio_encoder.onnx"), new byte[] {9});
        assertTrue(failure().contains("audio_encoder.onnx does not match its SHA-256"));
    }

    @Test
    void tokenTableOfWrongShapeIsRejected() throws Exception {
        Files.write(dir.resolve("token_embeddings.f32"), new byte[12]);
        rehash();
        assertTrue(failure().contains("expected " + 4 * VOCAB * HIDDEN));
    }

    @Test
    void fingerprintMustMatchFileList() throws Exception {
        manifest.put("fingerprint", "00");
        save();
        assertTrue(failure().contains("fingerprint"));
    }

    @Test
    void badFieldsAreNamed() throws Exception {
        ((ObjectNode) manifest.get("audio")).put("f_max", 9000);
        save();
        assertTrue(failure().contains("f_max"), failure());
        writeValidModel();
        ((ObjectNode) manifest.get("text")).put("zero_shot_template", "no placeholder");
        save();
        assertTrue(failure().contains("zero_shot_template"));
        writeValidModel();
        manifest.remove("files");
        save();
        assertTrue(failure().contains("does not list"));
    }
}
