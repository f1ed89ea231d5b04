package dev.zebrastream.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Which classes adaptation sees labeled shots of (base) and which it never sees (novel).
 *
 * @param base  base class names, in split order
 * @param novel novel class names, in split order
 */
public record BaseNovelSplit(List<String> base, List<String> novel) {

    /** The paper's protocol: names sorted, shuffled with this seed, first half base. */
    public static final long PAPER_SEED = 42;

    /**
     * Sound sources with a clear pitch or harmonic structure (alarms, bells, animal calls, motors with
     * a hum). A split with these as base and the noise-like rest (machines, weather, water, impacts) as
     * novel asks the learned context to generalise across acoustic kinds, not just across names.
     */
    static final Set<String> TONAL = Set.of("smoke alarm", "siren", "telephone ring", "car horn", "buzzer",
            "whistle", "alarm clock", "church bell", "doorbell", "glass clinking", "bird chirping", "crickets",
            "frog croaking", "dog barking", "cat meowing", "baby crying", "engine idling", "electric motor");

    public BaseNovelSplit {
        base = List.copyOf(base);
        novel = List.copyOf(novel);
        if (base.isEmpty() || novel.isEmpty()) {
            throw new IllegalArgumentException("a split needs at least one base and one novel class");
        }
    }

    /** The split named {@code random42} or {@code clustered}. */
    public static BaseNovelSplit named(String kind, List<String> classes) {
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case "random42" -> random42(classes);
            case "clustered" -> clustered(classes);
            default -> throw new IllegalArgumentException("unknown split '" + kind + "'; expected random42 or clustered");
        };
    }

    public static List<String> kinds() {
        return List.of("random42", "clustered");
    }

    /**
     * Sorted by {@link String#compareTo}, then {@code Collections.shuffle(names, new java.util.Random(42))},
     * then the first {@code ceil(C / 2)} are base (CoOp's rounding) and the rest novel.
     */
    public static BaseNovelSplit random42(List<String> classes) {
        List<String> names = new ArrayList<>(classes);
        Collections.sort(names);
        Collections.shuffle(names, new Random(PAPER_SEED));
        int baseCount = (names.size() + 1) / 2;
        return new BaseNovelSplit(names.subList(0, baseCount), names.subList(baseCount, names.size()));
    }

    /** Tonal classes base, the rest novel; each half in sorted order. */
    public static BaseNovelSplit clustered(List<String> classes) {
        List<String> names = new ArrayList<>(classes);
        Collections.sort(names);
        return new BaseNovelSplit(names.stream().filter(TONAL::contains).toList(),
                names.stream().filter(n -> !TONAL.contains(n)).toList());
    }

    /** Every class: base first, then novel; the order the benchmark indexes classes by. */
    public List<String> all() {
        List<String> out = new ArrayList<>(base);
        out.addAll(novel);
        return out;
    }
}
