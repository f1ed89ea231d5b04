package dev.zebrastream.synth;

import dev.zebrastream.synth.dsp.Signals;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;

/** Lays repeated events out along a clip so that the pattern fills whatever duration was asked for. */
final class Sequencer {

    private Sequencer() {
    }

    /**
     * Adds {@code event.apply(k)} at {@code start}, then after each event waits {@code gapAfter(k)}
     * samples (onset to onset) and places the next, until the clip ends. Returns the number placed.
     */
    static int repeat(float[] out, int start, IntUnaryOperator gapAfter, IntFunction<float[]> event) {
        int onset = start;
        int count = 0;
        while (onset < out.length) {
            Signals.addInto(out, event.apply(count), onset, 1);
            onset += Math.max(1, gapAfter.applyAsInt(count));
            count++;
        }
        return count;
    }

    /** Samples for a duration in seconds. */
    static int at(double seconds, int sampleRate) {
        return (int) Math.round(seconds * sampleRate);
    }
}
