package dev.zebrastream.adapt;

import java.util.List;

/**
 * The frozen text encoder as the learner sees it: context vectors in, class prompt embeddings out.
 * The optimiser only ever calls {@link #encode} with many context sets at once, so an
 * implementation can run them as one batch.
 */
public interface PromptEncoder {

    /**
     * For each context set ({@code contextLength() x hiddenSize()} floats, row-major) the text
     * embeddings of the class prompts built around it, {@code [classNames().size()][D]}, unnormalised.
     */
    List<float[][]> encode(List<float[]> contexts);

    /** Number M of learned context vectors in one prompt. */
    int contextLength();

    /** Width H of a token embedding, so one context set has {@code M * H} floats. */
    int hiddenSize();

    /** The classes, in the order of the rows of each encoded set. */
    List<String> classNames();
}
