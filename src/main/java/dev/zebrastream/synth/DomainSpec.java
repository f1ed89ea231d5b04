package dev.zebrastream.synth;

import dev.zebrastream.synth.dsp.Rand;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What the user asked for: {@code clean}, {@code train}, {@code deployment} (a random family and
 * severity per clip), {@code <family>} (random severity) or {@code <family>-<n>}. Resolving with a
 * seeded {@link Rand} yields the concrete {@link Domain} of one clip.
 */
public record DomainSpec(Kind kind, DeploymentFamily family, int severity) {

    /** Which choice the spec leaves to chance. */
    public enum Kind { CLEAN, TRAIN, DEPLOYMENT, FAMILY }

    public static final DomainSpec CLEAN = new DomainSpec(Kind.CLEAN, null, 0);
    public static final DomainSpec TRAIN = new DomainSpec(Kind.TRAIN, null, 0);
    public static final DomainSpec DEPLOYMENT = new DomainSpec(Kind.DEPLOYMENT, null, 0);

    public DomainSpec {
        if ((kind == Kind.FAMILY) != (family != null)) {
            throw new IllegalArgumentException("a family is required exactly for kind FAMILY");
        }
        if (severity < 0 || severity > DeploymentFamily.MAX_SEVERITY) {
            throw new IllegalArgumentException("severity must be 1.." + DeploymentFamily.MAX_SEVERITY + ", got " + severity);
        }
    }

    /** A family at a fixed severity (1..3), or at a random one per clip when {@code severity} is 0. */
    public static DomainSpec of(DeploymentFamily family, int severity) {
        return new DomainSpec(Kind.FAMILY, family, severity);
    }

    public static DomainSpec parse(String text) {
        String spec = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        switch (spec) {
            case "clean":
                return CLEAN;
            case "train":
                return TRAIN;
            case "deployment":
                return DEPLOYMENT;
            default:
                break;
        }
        int dash = spec.lastIndexOf('-');
        String familyName = dash < 0 ? spec : spec.substring(0, dash);
        DeploymentFamily family = DeploymentFamily.find(familyName).orElseThrow(() -> invalid(text));
        if (dash < 0) {
            return of(family, 0);
        }
        String level = spec.substring(dash + 1);
        if (!level.matches("[1-" + DeploymentFamily.MAX_SEVERITY + "]")) {
            throw invalid(text);
        }
        return of(family, Integer.parseInt(level));
    }

    private static IllegalArgumentException invalid(String text) {
        String families = Arrays.stream(DeploymentFamily.values()).map(DeploymentFamily::label).collect(Collectors.joining(", "));
        return new IllegalArgumentException("unknown domain '" + text + "'; expected clean, train, deployment, "
                + "a family (" + families + ") or a family with severity 1-" + DeploymentFamily.MAX_SEVERITY + " such as factory-2");
    }

    /** The concrete domain of one clip; every random choice comes from {@code rand}. */
    public Domain resolve(Rand rand) {
        return switch (kind) {
            case CLEAN -> Domain.CLEAN;
            case TRAIN -> rand.chance(TrainAugmentation.CLEAN_SHARE) ? Domain.CLEAN : new TrainAugmentation();
            case DEPLOYMENT -> new DeploymentDomain(DeploymentFamily.values()[rand.between(0, DeploymentFamily.values().length - 1)],
                    rand.between(1, DeploymentFamily.MAX_SEVERITY));
            case FAMILY -> new DeploymentDomain(family, severity > 0 ? severity : rand.between(1, DeploymentFamily.MAX_SEVERITY));
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case CLEAN -> "clean";
            case TRAIN -> "train";
            case DEPLOYMENT -> "deployment";
            case FAMILY -> severity > 0 ? family.label() + "-" + severity : family.label();
        };
    }
}
