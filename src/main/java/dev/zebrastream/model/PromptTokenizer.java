package dev.zebrastream.model;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The model's Hugging Face tokenizer, loaded from the local {@code tokenizer.json} (DJL's bundled
 * native library; nothing is downloaded). Special tokens are added by {@link PromptBuilder}, not here.
 */
public final class PromptTokenizer implements AutoCloseable {

    static {
        // DJL would otherwise phone home and may look for a CUDA flavour of its native library.
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        if (System.getProperty("RUST_FLAVOR") == null) {
            System.setProperty("RUST_FLAVOR", "cpu");
        }
    }

    private final HuggingFaceTokenizer tokenizer;

    private PromptTokenizer(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    public static PromptTokenizer load(Path tokenizerJson, int maxLength) throws ModelException {
        try {
            // Prompt length is checked by PromptBuilder; the tokenizer itself must not truncate.
            Map<String, String> options = Map.of("maxLength", Integer.toString(maxLength), "truncation", "false");
            return new PromptTokenizer(HuggingFaceTokenizer.newInstance(tokenizerJson, options));
        } catch (IOException | RuntimeException e) {
            throw new ModelException(tokenizerJson + ": cannot load tokenizer: " + e.getMessage(), e);
        }
    }

    /** Token ids of {@code text} without special tokens. */
    public int[] encode(String text) {
        long[] ids = tokenizer.encode(text, false, false).getIds();
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = Math.toIntExact(ids[i]);
        }
        return out;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
