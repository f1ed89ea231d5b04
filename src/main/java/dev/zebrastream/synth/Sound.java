package dev.zebrastream.synth;

import java.util.Arrays;
import java.util.List;

/**
 * A rendered dry event plus what the renderer knows about it, so captions can say what was
 * actually rendered: {@code descriptors} are adjectives ("fast", "high-pitched") and {@code count}
 * the number of repetitions in the clip (0 when counting makes no sense, e.g. rain).
 */
public record Sound(float[] samples, List<String> descriptors, int count) {

    /** Blank descriptors are dropped, so callers can pass "" where nothing stands out. */
    public static Sound of(float[] samples, int count, String... descriptors) {
        return new Sound(samples, Arrays.stream(descriptors).filter(d -> !d.isBlank()).toList(), count);
    }

    /** "low-pitched" / "high-pitched" / "" relative to the class's own range. */
    static String pitch(double value, double lowBelow, double highAbove) {
        return value < lowBelow ? "low-pitched" : value > highAbove ? "high-pitched" : "";
    }

    /** "slow" / "fast" / "" for a repetition rate. */
    static String pace(double rate, double slowBelow, double fastAbove) {
        return rate < slowBelow ? "slow" : rate > fastAbove ? "fast" : "";
    }
}
