package dev.zebrastream.synth;

import dev.zebrastream.synth.dsp.Rand;

/** A purely synthetic class: always available, rendered by a function. */
record SynthSound(String name, CaptionVocab captions, Renderer renderer) implements SoundClass {

    /** The synthesis recipe of a class. */
    @FunctionalInterface
    interface Renderer {
        Sound render(Rand rand, int sampleRate, int length);
    }

    @Override
    public Sound render(Rand rand, int sampleRate, int length) {
        return renderer.render(rand, sampleRate, length);
    }
}
