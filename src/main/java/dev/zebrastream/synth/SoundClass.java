package dev.zebrastream.synth;

import dev.zebrastream.synth.dsp.Rand;

/** One class of the catalogue: a name (the zero-shot label), a renderer and a caption vocabulary. */
public interface SoundClass {

    String name();

    CaptionVocab captions();

    /** Whether this machine can render the class (speech needs espeak-ng). */
    default boolean available() {
        return true;
    }

    /** Renders exactly {@code length} samples of the dry event; the characteristic pattern fills the clip. */
    Sound render(Rand rand, int sampleRate, int length);
}
