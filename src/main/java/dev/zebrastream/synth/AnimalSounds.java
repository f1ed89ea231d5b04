package dev.zebrastream.synth;

import dev.zebrastream.synth.dsp.Env;
import dev.zebrastream.synth.dsp.Osc;
import dev.zebrastream.synth.dsp.Rand;
import dev.zebrastream.synth.dsp.Signals;
import dev.zebrastream.synth.dsp.Voice;
import java.util.List;

/** Animal calls: fast frequency sweeps (birds), pulsed carriers (insects, frogs) and formant voices (dogs, cats). */
final class AnimalSounds {

    private AnimalSounds() {
    }

    static List<SoundClass> all() {
        return List.of(
                new SynthSound("bird chirping", CaptionVocab.of("bird chirping",
                        List.of("birdsong", "a songbird", "birds singing", "a small bird tweeting", "chirping birds"),
                        List.of("cheerful", "high-pitched", "melodic", "rapid", "sweet"),
                        "{adj} {noun}", "{noun} in the morning", "{noun} in a garden", "{noun} in the trees",
                        "{adj} {noun} outdoors", "{n} quick chirps of {noun}"),
                        AnimalSounds::bird),
                new SynthSound("crickets", CaptionVocab.of("crickets",
                        List.of("crickets chirping", "a cricket", "insects chirping", "chirping insects", "cicadas"),
                        List.of("rhythmic", "high-pitched", "steady", "pulsing", "nocturnal"),
                        "{adj} {noun}", "{noun} at night", "{noun} in a field", "{noun} on a summer evening",
                        "{adj} {noun} in the grass", "the {adj} trill of {noun}"),
                        AnimalSounds::crickets),
                new SynthSound("frog croaking", CaptionVocab.of("frog croaking",
                        List.of("frogs croaking", "a frog", "a toad calling", "croaking frogs", "a bullfrog"),
                        List.of("raspy", "deep", "rhythmic", "throaty", "repeated"),
                        "{adj} {noun}", "{noun} by a pond", "{noun} at night", "{noun} {times}", "{adj} {noun} in a swamp",
                        "the {adj} croak of {noun}"),
                        AnimalSounds::frog),
                new SynthSound("dog barking", CaptionVocab.of("dog barking",
                        List.of("a barking dog", "dog barks", "a dog woofing", "a puppy yapping", "a dog"),
                        List.of("loud", "aggressive", "excited", "deep", "yappy"),
                        "{adj} {noun}", "{noun} {times}", "{noun} in a backyard", "{noun} at a stranger",
                        "{adj} {noun} nearby", "{n} barks of {noun}"),
                        AnimalSounds::dog),
                new SynthSound("cat meowing", CaptionVocab.of("cat meowing",
                        List.of("a cat", "a meowing cat", "a kitten mewing", "cat meows", "a cat crying"),
                        List.of("plaintive", "high-pitched", "soft", "whiny", "hungry"),
                        "{adj} {noun}", "{noun} {times}", "{noun} at the door", "{noun} for food", "{adj} {noun} indoors",
                        "the {adj} meow of {noun}"),
                        AnimalSounds::cat));
    }

    /** Phrases of quick frequency sweeps, sometimes two birds at once. */
    private static Sound bird(Rand rand, int sr, int n) {
        int birds = rand.chance(0.3) ? 2 : 1;
        float[] out = new float[n];
        int count = 0;
        for (int b = 0; b < birds; b++) {
            count += birdSong(rand, sr, out, b == 0 ? 1 : rand.uniform(0.3, 0.7));
        }
        return Sound.of(out, count, birds > 1 ? "lively" : "cheerful", "high-pitched");
    }

    private static int birdSong(Rand rand, int sr, float[] out, double gain) {
        double top = rand.uniform(2500, 6500);
        double bottom = top * rand.uniform(0.45, 0.8);
        boolean down = rand.chance(0.65);
        double chirp = rand.uniform(0.04, 0.12);
        double interval = chirp + rand.uniform(0.02, 0.1);
        int phrase = rand.between(3, 8);
        double pause = rand.uniform(0.2, 0.7);
        return Sequencer.repeat(out, Sequencer.at(rand.uniform(0, 0.2), sr),
                k -> Sequencer.at(k % phrase == phrase - 1 ? interval + pause : interval, sr), k -> {
                    int length = Signals.samples(chirp * rand.uniform(0.8, 1.2), sr);
                    float[] sweep = down ? Env.glide(length, top, bottom) : Env.glide(length, bottom, top);
                    float[] tone = Osc.harmonics(sweep, new double[] {1, 0.15}, sr);
                    return Signals.scale(Signals.multiply(tone, Env.gate(length, sr, 0.005, chirp / 3)), gain);
                });
    }

    /** A high carrier gated into pulses, grouped into chirps (field cricket) or a continuous trill. */
    private static Sound crickets(Rand rand, int sr, int n) {
        int insects = rand.between(1, 3);
        float[] out = new float[n];
        for (int c = 0; c < insects; c++) {
            Signals.addInto(out, cricket(rand, sr, n), 0, c == 0 ? 1 : rand.uniform(0.2, 0.6));
        }
        return Sound.of(out, 0, insects > 1 ? "many" : "rhythmic", "high-pitched");
    }

    private static float[] cricket(Rand rand, int sr, int n) {
        double carrier = rand.uniform(3500, 5500);
        double pulseRate = rand.uniform(25, 60);
        boolean trill = rand.chance(0.3);
        int pulses = rand.between(3, 6);
        double chirpGap = rand.uniform(0.15, 0.45);
        float[] tone = Osc.sine(carrier, n, sr);
        float[] gate = new float[n];
        int pulseLength = Signals.samples(0.5 / pulseRate, sr);
        Sequencer.repeat(gate, Sequencer.at(rand.uniform(0, 0.1), sr),
                k -> Sequencer.at(1 / pulseRate + (!trill && k % pulses == pulses - 1 ? chirpGap : 0), sr),
                k -> Env.gate(pulseLength, sr, 0.002, 0.004));
        return Signals.multiply(tone, gate);
    }

    /** Croaks: a few rough glottal pulses through a low resonance. */
    private static Sound frog(Rand rand, int sr, int n) {
        double f0 = rand.uniform(120, 450);
        double croak = rand.uniform(0.12, 0.35);
        double rattle = rand.uniform(25, 70);
        double tract = rand.uniform(0.7, 1.4);
        float[] out = new float[n];
        int count = Sequencer.repeat(out, Sequencer.at(rand.uniform(0, 0.1), sr), k -> Sequencer.at(croak + rand.uniform(0.15, 0.6), sr), k -> {
            int length = Signals.samples(croak, sr);
            float[][] formants = {Osc.constant(500 * tract, length), Osc.constant(1300 * tract, length), Osc.constant(2400 * tract, length)};
            float[] voiced = Voice.render(rand, sr, Env.glide(length, f0, f0 * 0.9), formants, 0.2);
            float[] pulses = Env.lfo(length, sr, rattle, 0.5, 1, 0);
            return Signals.multiply(Signals.multiply(voiced, pulses), Env.gate(length, sr, 0.01, 0.03));
        });
        return Sound.of(out, count, f0 < 200 ? "deep" : "raspy", "rhythmic");
    }

    /** Barks: short rough formant bursts with a falling pitch, in groups; small dogs higher and shorter. */
    private static Sound dog(Rand rand, int sr, int n) {
        boolean small = rand.chance(0.4);
        double f0 = small ? rand.uniform(450, 900) : rand.uniform(180, 420);
        double tract = small ? rand.uniform(1.3, 1.7) : rand.uniform(0.75, 1.1);
        double bark = small ? rand.uniform(0.06, 0.12) : rand.uniform(0.1, 0.22);
        int group = rand.between(1, 4);
        double interval = bark + rand.uniform(0.1, 0.25);
        double pause = rand.uniform(0.3, 0.8);
        float[] out = new float[n];
        int count = Sequencer.repeat(out, Sequencer.at(rand.uniform(0, 0.1), sr),
                k -> Sequencer.at(k % group == group - 1 ? interval + pause : interval, sr), k -> {
                    int length = Signals.samples(bark * rand.uniform(0.85, 1.15), sr);
                    float[][] formants = {Osc.constant(650 * tract, length), Osc.constant(1500 * tract, length), Osc.constant(2600 * tract, length)};
                    float[] voiced = Voice.render(rand, sr, Env.glide(length, f0 * 1.2, f0 * 0.7), formants, rand.uniform(0.2, 0.45));
                    return Signals.multiply(voiced, Env.attackDecay(length, sr, 0.008, bark / 2.5));
                });
        return Sound.of(out, count, small ? "yappy" : "deep", group > 2 ? "excited" : "");
    }

    /** Meows: pitch rises then falls while the mouth opens from "ee" through "ah" to "oo". */
    private static Sound cat(Rand rand, int sr, int n) {
        double f0 = rand.uniform(400, 800);
        double meow = rand.uniform(0.4, 1.0);
        double tract = rand.uniform(1.3, 1.7);
        float[] out = new float[n];
        int count = Sequencer.repeat(out, Sequencer.at(rand.uniform(0, 0.1), sr), k -> Sequencer.at(meow + rand.uniform(0.2, 0.6), sr), k -> {
            int length = Signals.samples(meow, sr);
            float[] pitch = threePoint(length, f0, f0 * rand.uniform(1.15, 1.4), f0 * rand.uniform(0.7, 0.9));
            float[][] formants = new float[3][];
            for (int f = 0; f < 3; f++) {
                formants[f] = threePoint(length, Voice.formant(1, f, tract), Voice.formant(0, f, tract), Voice.formant(2, f, tract));
            }
            return Signals.multiply(Voice.render(rand, sr, pitch, formants, 0.1), Env.gate(length, sr, 0.05, 0.15));
        });
        return Sound.of(out, count, f0 > 650 ? "high-pitched" : "plaintive", meow > 0.75 ? "long" : "short");
    }

    /** A contour gliding from a to b over the first 40 % and from b to c over the rest. */
    static float[] threePoint(int length, double a, double b, double c) {
        int split = (int) (length * 0.4);
        float[] out = new float[length];
        System.arraycopy(Env.glide(split, a, b), 0, out, 0, split);
        System.arraycopy(Env.glide(length - split, b, c), 0, out, split, length - split);
        return out;
    }
}
