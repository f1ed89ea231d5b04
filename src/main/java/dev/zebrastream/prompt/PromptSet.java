package dev.zebrastream.prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One version of a prompt set: the class vocabulary (base = classes with labels, novel = the rest),
 * the learned context vectors ({@code contextLength x hiddenSize}, row-major; empty for a pure
 * zero-shot set), the fusion weight and bookkeeping. Plain data; the Avro PromptVectors record is
 * its wire form.
 */
public record PromptSet(
        String promptSetId,
        long version,
        Long parentVersion,
        List<String> baseClasses,
        List<String> novelClasses,
        int contextLength,
        int hiddenSize,
        float[] context,
        double fusionWeight,
        double logitScale,
        String modelFingerprint,
        Map<String, Double> objective,
        Map<String, Double> metrics,
        long createdAtMs,
        String note) {

    public PromptSet {
        baseClasses = List.copyOf(baseClasses);
        novelClasses = List.copyOf(novelClasses);
        objective = Map.copyOf(objective);
        metrics = Map.copyOf(metrics);
        if (context.length != contextLength * hiddenSize) {
            throw new IllegalArgumentException("context has " + context.length + " floats, expected "
                    + contextLength + " x " + hiddenSize);
        }
        if (baseClasses.isEmpty() && novelClasses.isEmpty()) {
            throw new IllegalArgumentException("a prompt set needs at least one class");
        }
    }

    /** The version before any prompt set is published: zero-shot over a class list. */
    public static PromptSet zeroShot(String promptSetId, List<String> classes, double logitScale, String fingerprint) {
        return new PromptSet(promptSetId, 0, null, List.of(), classes, 0, 0, new float[0], 0, logitScale,
                fingerprint, Map.of(), Map.of(), 0, "zero-shot");
    }

    /**
     * The parent_version of a version derived from this one: this version, or null when this is the
     * built-in zero-shot set (version 0), which is never published, so no record could be its parent.
     */
    public Long asParent() {
        return version == 0 ? null : version;
    }

    /** Every class the classifier scores: base classes first, then novel ones. */
    public List<String> classes() {
        List<String> all = new ArrayList<>(baseClasses);
        all.addAll(novelClasses);
        return all;
    }

    public boolean hasContext() {
        return context.length > 0;
    }
}
