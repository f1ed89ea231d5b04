package dev.zebrastream.synth;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Deterministic corpus layout: clip k of class c gets a seed derived from (corpus seed, c, k) alone,
 * so a clip does not change when other classes or counts are added, and clips can render in any order.
 */
public final class CorpusPlan {

    private CorpusPlan() {
    }

    /** Class-major plan: all clips of the first class, then the next; {@code perClass} clips each. */
    public static List<ClipRequest> plan(List<String> classes, int perClass, DomainSpec domain, long seed) {
        if (perClass <= 0) {
            throw new IllegalArgumentException("clips per class must be positive, got " + perClass);
        }
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("no classes to plan");
        }
        List<ClipRequest> plan = new ArrayList<>(classes.size() * perClass);
        for (String name : classes) {
            for (int index = 0; index < perClass; index++) {
                plan.add(new ClipRequest(name, index, domain, clipSeed(seed, name, index)));
            }
        }
        return plan;
    }

    /** A non-negative seed mixed from the corpus seed, the class name and the index (SplitMix64 finaliser). */
    public static long clipSeed(long seed, String className, int index) {
        long h = seed;
        for (byte b : className.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ b);
        }
        return mix(h ^ mix(index + 0x9E3779B97F4A7C15L)) & Long.MAX_VALUE;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
