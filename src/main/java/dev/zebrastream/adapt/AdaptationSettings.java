package dev.zebrastream.adapt;

/**
 * How the service adapts: when (new labels, interval), on what (held-out share, minimum labels),
 * with which objective and optimiser, and the guard's limits.
 */
public record AdaptationSettings(
        int minNewLabels,
        long intervalMs,
        int minLabelsPerClass,
        double validationFraction,
        int contextLength,
        ObjectiveWeights weights,
        ZoConfig optimiser,
        GuardPolicy guard,
        int poolCapacity) {

    public AdaptationSettings {
        if (minNewLabels < 1 || minLabelsPerClass < 1 || contextLength < 1 || poolCapacity < 0) {
            throw new IllegalArgumentException("adapt.min.new.labels, adapt.min.labels.per.class and "
                    + "adapt.context.length must be positive");
        }
        if (validationFraction <= 0 || validationFraction >= 1) {
            throw new IllegalArgumentException("adapt.validation.fraction must be in (0, 1)");
        }
    }
}
