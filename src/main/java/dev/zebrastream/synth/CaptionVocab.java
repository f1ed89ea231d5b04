package dev.zebrastream.synth;

import java.util.List;

/**
 * The words a class is described with. Templates are noun phrases with slots: {@code {noun}} (the
 * class name or a synonym), {@code {adj}} (a descriptor of the rendered clip or a class adjective,
 * sometimes empty), {@code {n}} / {@code {times}} (the repetition count, templates using them are
 * skipped when the count is unknown) and {@code {a}} (the article that suits the next word).
 */
public record CaptionVocab(String name, List<String> synonyms, List<String> adjectives, List<String> templates) {

    public CaptionVocab {
        synonyms = List.copyOf(synonyms);
        adjectives = List.copyOf(adjectives);
        templates = List.copyOf(templates);
        if (synonyms.isEmpty() || adjectives.isEmpty() || templates.isEmpty()) {
            throw new IllegalArgumentException(name + ": caption vocabulary needs synonyms, adjectives and templates");
        }
    }

    static CaptionVocab of(String name, List<String> synonyms, List<String> adjectives, String... templates) {
        return new CaptionVocab(name, synonyms, adjectives, List.of(templates));
    }
}
