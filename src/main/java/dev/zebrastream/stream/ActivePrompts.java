package dev.zebrastream.stream;

import dev.zebrastream.classify.Classifier;
import dev.zebrastream.prompt.PromptSet;

/** The prompt set in force and its classifier, whose text embeddings were computed once at swap time. */
public record ActivePrompts(PromptSet promptSet, Classifier classifier) {

    public long version() {
        return promptSet.version();
    }
}
