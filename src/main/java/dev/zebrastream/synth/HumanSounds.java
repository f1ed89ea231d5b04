package dev.zebrastream.synth;

import dev.zebrastream.synth.dsp.Biquad;
import dev.zebrastream.synth.dsp.Env;
import dev.zebrastream.synth.dsp.Modal;
import dev.zebrastream.synth.dsp.Noise;
import dev.zebrastream.synth.dsp.Osc;
import dev.zebrastream.synth.dsp.Rand;
import dev.zebrastream.synth.dsp.Signals;
import dev.zebrastream.synth.dsp.Voice;
import java.util.List;

/** Sounds people make (besides speech, which {@link SpeechSound} renders with espeak-ng). */
final class HumanSounds {

    private HumanSounds() {
    }

    static List<SoundClass> all() {
        return List.of(
                new SynthSound("applause", CaptionVocab.of("applause",
                        List.of("clapping", "people clapping", "a round of applause", "hands clapping", "an audience clapping"),
                        List.of("enthusiastic", "polite", "loud", "scattered", "sustained"),
                        "{adj} {noun}", "{noun} in a theatre", "{noun} after a speech", "{adj} {noun} from a crowd",
                        "{noun} at a concert", "{noun} from a small group"),
                        HumanSounds::applause),
                new SynthSound("baby crying", CaptionVocab.of("baby crying",
                        List.of("a crying baby", "an infant wailing", "a newborn crying", "a baby wailing", "a toddler sobbing"),
                        List.of("loud", "distressed", "high-pitched", "wailing", "inconsolable"),
                        "{adj} {noun}", "{noun} in a nursery", "{noun} at night", "{noun} {times}", "{adj} {noun} in the next room",
                        "{noun} for its mother"),
                        HumanSounds::babyCrying));
    }

    /** Many independent claps (band-passed noise bursts); the clap rate is the size and zeal of the crowd. */
    private static Sound applause(Rand rand, int sr, int n) {
        double rate = rand.logUniform(10, 250);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            if (rand.chance(rate / sr)) {
                Signals.addInto(out, Modal.click(rand, sr, rand.uniform(0.008, 0.02), rand.uniform(900, 2600), rand.uniform(1, 3)),
                        i, rand.uniform(0.3, 1));
            }
        }
        float[] swell = Env.wander(rand, n, sr, 0.8, 0.8, 0.2);
        return Sound.of(Signals.multiply(out, swell), 0, rate > 80 ? "enthusiastic" : "scattered", rate > 80 ? "loud" : "polite");
    }

    /** Wailing cries: high, harsh, vibrato-laden "waah" segments separated by gasping in-breaths. */
    private static Sound babyCrying(Rand rand, int sr, int n) {
        double f0 = rand.uniform(330, 560);
        double cry = rand.uniform(0.5, 1.3);
        double tract = rand.uniform(1.45, 1.75);
        float[] out = new float[n];
        int count = Sequencer.repeat(out, Sequencer.at(rand.uniform(0, 0.1), sr), k -> Sequencer.at(cry + rand.uniform(0.15, 0.4), sr), k -> {
            int length = Signals.samples(cry * rand.uniform(0.85, 1.15), sr);
            float[] pitch = Signals.multiply(AnimalSounds.threePoint(length, f0 * 0.9, f0 * 1.15, f0 * 0.85),
                    Env.lfo(length, sr, rand.uniform(5, 9), 1, 0.03, 0));
            int vowel = rand.chance(0.5) ? 0 : 5;
            float[][] formants = new float[3][];
            for (int f = 0; f < 3; f++) {
                formants[f] = Osc.constant(Voice.formant(vowel, f, tract), length);
            }
            float[] voiced = Signals.saturate(Signals.normalizePeak(Voice.render(rand, sr, pitch, formants, 0.12), 1), 2);
            float[] gasp = Signals.scale(Biquad.bandpass(sr, 1500, 1).apply(Noise.white(rand, Signals.samples(0.12, sr))), 0.08);
            float[] both = new float[length + gasp.length];
            Signals.addInto(both, Signals.multiply(voiced, Env.gate(length, sr, 0.05, 0.1)), 0, 1);
            Signals.addInto(both, Signals.multiply(gasp, Env.gate(gasp.length, sr, 0.03, 0.05)), length, 1);
            return both;
        });
        return Sound.of(out, count, "high-pitched", cry > 1 ? "wailing" : "distressed");
    }
}
