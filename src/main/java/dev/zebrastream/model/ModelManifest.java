package dev.zebrastream.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JacksonException;
import dev.zebrastream.audio.FeatureSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code manifest.json} of a model directory (see docs/model-contract.md). */
public record ModelManifest(
        @JsonProperty("name") String name,
        @JsonProperty("version") String version,
        @JsonProperty("audio") FeatureSettings audio,
        @JsonProperty("text") TextSettings text,
        @JsonProperty("embedding_dim") int embeddingDim,
        @JsonProperty("logit_scale") double logitScale,
        @JsonProperty("classes") List<String> classes,
        @JsonProperty("onnx") OnnxNames onnx,
        @JsonProperty("files") Map<String, String> files,
        @JsonProperty("fingerprint") String fingerprint) {

    public static final String FILE_NAME = "manifest.json";
    public static final String AUDIO_ENCODER = "audio_encoder.onnx";
    public static final String TEXT_ENCODER = "text_encoder.onnx";

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public ModelManifest {
        onnx = onnx == null ? OnnxNames.defaults() : onnx;
        classes = classes == null ? List.of() : List.copyOf(classes);
        files = files == null ? Map.of() : Map.copyOf(files);
    }

    public static ModelManifest read(Path dir) throws ModelException {
        Path file = dir.resolve(FILE_NAME);
        try {
            ModelManifest m = JSON.readValue(Files.readAllBytes(file), ModelManifest.class);
            m.validate();
            return m;
        } catch (NoSuchFileException e) {
            throw new ModelException(dir + ": not a model directory (no " + FILE_NAME + ")");
        } catch (JacksonException e) {
            throw new ModelException(file + ": invalid JSON: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new ModelException(file + ": " + e.getMessage());
        } catch (ModelException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelException(file + ": cannot read: " + e.getMessage());
        }
    }

    private void validate() throws ModelException {
        if (name == null || audio == null || text == null) {
            throw new ModelException("manifest.json: missing " + (name == null ? "name" : audio == null ? "audio" : "text"));
        }
        audio.validate();
        text.validate();
        if (embeddingDim <= 0 || !(logitScale > 0)) {
            throw new ModelException("manifest.json: embedding_dim and logit_scale must be positive");
        }
        for (String required : List.of(AUDIO_ENCODER, TEXT_ENCODER, text.tokenizer(), text.tokenEmbeddings())) {
            if (!files.containsKey(required)) {
                throw new ModelException("manifest.json: 'files' does not list " + required);
            }
        }
        if (fingerprint == null) {
            throw new ModelException("manifest.json: missing fingerprint");
        }
    }
}
