package dev.zebrastream.model;

/**
 * Text-encoder input for {@code size} prompts: token embeddings {@code [size, length, hidden]} and
 * attention mask {@code [size, length]}, flat and row-major, right-padded.
 */
public record PromptBatch(float[] embeds, long[] mask, int size, int length, int hidden) {

    public PromptBatch {
        if (embeds.length != size * length * hidden || mask.length != size * length) {
            throw new IllegalArgumentException("prompt batch arrays do not match " + size + "x" + length + "x" + hidden);
        }
    }
}
