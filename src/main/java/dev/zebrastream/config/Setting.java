package dev.zebrastream.config;

import java.util.Locale;
import java.util.Map;

/** The documented settings: property key, environment variable, default and meaning. */
public enum Setting {
    MODEL_DIR("model.dir", "models/tiny-clap", "model directory (see docs/model-contract.md)"),
    DEVICE("device", "cpu", "inference device: cpu, cuda or cuda:N (falls back to cpu when CUDA is missing)"),
    INFERENCE_THREADS("inference.threads", "0", "ONNX Runtime intra-op threads; 0 = runtime default"),
    BATCH_SIZE("batch.size", "16", "windows per audio-encoder batch");

    private final String key;
    private final String defaultValue;
    private final String description;

    Setting(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String key() {
        return key;
    }

    /** {@code model.dir} → {@code ZEBRA_MODEL_DIR}. */
    public String envName() {
        return "ZEBRA_" + key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    int parseInt(Map<Setting, String> values) {
        String raw = values.get(this);
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + raw + "'");
        }
    }
}
