package dev.zebrastream.synth;

import dev.zebrastream.synth.dsp.Rand;
import java.util.List;

/** A concrete recording condition: turns a dry event into what a microphone somewhere would capture. */
public interface Domain {

    /** Resolved name, e.g. "clean", "train" or "factory-2". */
    String name();

    /** Applies the condition; the level is left to the caller (it normalises afterwards). */
    Recorded apply(float[] dry, int sampleRate, Rand rand);

    /** The processed samples and caption phrases describing the conditions ("in a large hall"). */
    record Recorded(float[] samples, List<String> conditions) {
    }

    /** The identity condition. */
    Domain CLEAN = new Domain() {
        @Override
        public String name() {
            return "clean";
        }

        @Override
        public Recorded apply(float[] dry, int sampleRate, Rand rand) {
            return new Recorded(dry.clone(), List.of());
        }
    };
}
