package dev.zebrastream.synth;

import dev.zebrastream.synth.dsp.Biquad;
import dev.zebrastream.synth.dsp.Env;
import dev.zebrastream.synth.dsp.Modal;
import dev.zebrastream.synth.dsp.Noise;
import dev.zebrastream.synth.dsp.OnePole;
import dev.zebrastream.synth.dsp.Osc;
import dev.zebrastream.synth.dsp.Rand;
import dev.zebrastream.synth.dsp.Signals;
import dev.zebrastream.synth.dsp.Svf;
import java.util.List;

/** Weather, water and fire: textures built from many small random events or slowly moving noise. */
final class NatureSounds {

    private NatureSounds() {
    }

    static List<SoundClass> all() {
        return List.of(
                new SynthSound("rain", CaptionVocab.of("rain",
                        List.of("rainfall", "raindrops", "a rain shower", "downpour", "drizzle"),
                        List.of("heavy", "light", "steady", "pattering", "soothing"),
                        "{adj} {noun}", "{noun} falling on a roof", "{noun} outside a window", "{noun} pattering on the ground",
                        "{adj} {noun} during a storm", "{noun} on the pavement"),
                        NatureSounds::rain),
                new SynthSound("wind", CaptionVocab.of("wind",
                        List.of("wind blowing", "gusts of wind", "a breeze", "howling wind", "windstorm"),
                        List.of("gusty", "howling", "strong", "whistling", "low"),
                        "{adj} {noun}", "{noun} outdoors", "{noun} through the trees", "{adj} {noun} on a hill",
                        "{noun} rushing past", "{noun} against a house"),
                        NatureSounds::wind),
                new SynthSound("thunder", CaptionVocab.of("thunder",
                        List.of("thunderclap", "thunder rumbling", "a thunderstorm", "rolling thunder"),
                        List.of("rumbling", "distant", "loud", "deep", "booming"),
                        "{adj} {noun}", "{noun} in the distance", "{noun} during a storm", "a crack of {noun}",
                        "{adj} {noun} rolling across the sky", "{noun} overhead"),
                        NatureSounds::thunder),
                new SynthSound("dripping water", CaptionVocab.of("dripping water",
                        List.of("a dripping tap", "water drops", "a leaking faucet", "drops falling into water"),
                        List.of("slow", "steady", "echoing", "rhythmic", "plinking"),
                        "{adj} {noun}", "{noun} in a sink", "{noun} in a cave", "{n} drops of {noun}",
                        "{noun} dripping {times}", "the {adj} plink of {noun}"),
                        NatureSounds::dripping),
                new SynthSound("running water", CaptionVocab.of("running water",
                        List.of("a babbling brook", "a flowing stream", "a running tap", "water flowing", "a creek"),
                        List.of("gurgling", "babbling", "rushing", "steady", "bubbly"),
                        "{adj} {noun}", "{noun} in a stream", "{noun} from a faucet", "{noun} over rocks",
                        "{adj} {noun} in the forest", "the {adj} flow of {noun}"),
                        NatureSounds::runningWater),
                new SynthSound("fire crackling", CaptionVocab.of("fire crackling",
                        List.of("a crackling fire", "a campfire", "a fireplace burning", "burning wood", "a bonfire"),
                        List.of("crackling", "popping", "warm", "roaring", "snapping"),
                        "{adj} {noun}", "{noun} in a fireplace", "{noun} at night", "{noun} with popping logs",
                        "{adj} {noun} outdoors", "the {adj} sound of {noun}"),
                        NatureSounds::fire));
    }

    /** Thousands of tiny drop impacts over a hissing bed; density sets light versus heavy. */
    private static Sound rain(Rand rand, int sr, int n) {
        double rate = rand.logUniform(150, 3000);
        float[] impulses = new float[n];
        for (int i = 0; i < n; i++) {
            if (rand.chance(rate / sr)) {
                impulses[i] = (float) (rand.uniform(-1, 1) * Math.pow(rand.uniform(0, 1), 2));
            }
        }
        float[] drops = Biquad.bandpass(sr, rand.uniform(2500, 5000), 1.2).apply(impulses);
        float[] bed = OnePole.highpass(Noise.pink(rand, n), rand.uniform(400, 1200), sr);
        float[] out = Signals.add(Signals.normalizeRms(drops), Signals.scale(bed, rand.uniform(0.2, 0.8)));
        return Sound.of(out, 0, rate > 1000 ? "heavy" : rate < 400 ? "light" : "steady", "pattering");
    }

    /** Noise through a resonance whose centre and level wander with the gusts; narrow resonance = howl. */
    private static Sound wind(Rand rand, int sr, int n) {
        boolean howling = rand.chance(0.35);
        double centre = howling ? rand.uniform(350, 1100) : rand.uniform(150, 600);
        float[] freq = Env.wander(rand, n, sr, rand.uniform(0.5, 2), centre, 0.4);
        float[] band = Svf.bandpass(Noise.pink(rand, n), freq, howling ? rand.uniform(6, 14) : rand.uniform(0.6, 2), sr);
        float[] gusts = Env.wander(rand, n, sr, rand.uniform(0.6, 2), 0.6, 0.6);
        return Sound.of(Signals.multiply(Signals.normalizeRms(band), gusts), 0, howling ? "howling" : "gusty",
                Sound.pitch(centre, 300, 700));
    }

    /** An optional sharp crack, then a long low rumble that rolls (random amplitude modulation). */
    private static Sound thunder(Rand rand, int sr, int n) {
        boolean close = rand.chance(0.5);
        int onset = Sequencer.at(rand.uniform(0, 0.3), sr);
        int length = n - onset;
        float[] rumble = OnePole.lowpass(Noise.brown(rand, length), close ? rand.uniform(150, 400) : rand.uniform(70, 150), sr);
        float[] rolls = Env.wander(rand, length, sr, rand.uniform(3, 8), 0.6, 0.6);
        float[] body = Signals.multiply(Signals.multiply(rumble, rolls), Env.attackDecay(length, sr, rand.uniform(0.05, 0.4), rand.uniform(1, 3)));
        if (close) {
            float[] crack = Signals.multiply(OnePole.highpass(Noise.white(rand, length), 800, sr), Env.attackDecay(length, sr, 0.002, rand.uniform(0.04, 0.15)));
            body = Signals.add(body, Signals.scale(crack, rand.uniform(0.8, 2)));
        }
        float[] out = new float[n];
        Signals.addInto(out, body, onset, 1);
        return Sound.of(out, 0, close ? "loud" : "distant", "rumbling");
    }

    /** Plinks: a short sine whose pitch shoots upward, as an air cavity closes behind the drop. */
    private static Sound dripping(Rand rand, int sr, int n) {
        double rate = rand.uniform(1.5, 6);
        double pitch = rand.uniform(500, 1800);
        float[] out = new float[n];
        int count = Sequencer.repeat(out, Sequencer.at(rand.uniform(0, 0.1), sr), k -> Sequencer.at(rand.jitter(1 / rate, 0.15), sr),
                k -> Signals.scale(bubble(rand, sr, pitch * rand.uniform(0.9, 1.1), rand.uniform(1.3, 2.0), rand.uniform(0.02, 0.06)), rand.uniform(0.6, 1)));
        return Sound.of(out, count, Sound.pace(rate, 2.5, 4.5), "plinking");
    }

    /** Hundreds of small bubbles per second over a rushing bed. */
    private static Sound runningWater(Rand rand, int sr, int n) {
        double rate = rand.uniform(80, 600);
        float[] bubbles = new float[n];
        for (int i = 0; i < n; i++) {
            if (rand.chance(rate / sr)) {
                Signals.addInto(bubbles, bubble(rand, sr, rand.logUniform(300, 2500), rand.uniform(1.1, 1.6), rand.uniform(0.004, 0.02)),
                        i, rand.uniform(0.1, 1));
            }
        }
        float[] bed = Biquad.bandpass(sr, rand.uniform(500, 2000), 0.7).apply(Noise.white(rand, n));
        float[] out = Signals.add(Signals.normalizeRms(bubbles), Signals.scale(Signals.normalizeRms(bed), rand.uniform(0.2, 1.0)));
        return Sound.of(out, 0, rate > 300 ? "rushing" : "babbling", "gurgling");
    }

    private static float[] bubble(Rand rand, int sr, double pitch, double rise, double decay) {
        int length = Signals.samples(decay * 4, sr);
        float[] freq = Env.glide(length, pitch, pitch * rise);
        return Signals.multiply(Osc.sine(freq, sr), Env.attackDecay(length, sr, 0.001, decay));
    }

    /** Random pops and snaps (few large, many small) over a soft roar and hiss. */
    private static Sound fire(Rand rand, int sr, int n) {
        double rate = rand.uniform(8, 45);
        float[] pops = new float[n];
        for (int i = 0; i < n; i++) {
            if (rand.chance(rate / sr)) {
                double size = Math.pow(rand.uniform(0.05, 1), 2);
                Signals.addInto(pops, Modal.click(rand, sr, rand.uniform(0.001, 0.008), rand.uniform(1000, 5000), 0.8), i, size);
            }
        }
        float[] roar = Signals.scale(OnePole.lowpass(Noise.brown(rand, n), 250, sr), rand.uniform(0.05, 0.3));
        float[] hiss = Signals.scale(OnePole.highpass(Noise.white(rand, n), 3000, sr), rand.uniform(0.01, 0.05));
        float[] out = Signals.add(Signals.add(Signals.normalizePeak(pops, 1), roar), hiss);
        return Sound.of(out, 0, rate > 25 ? "crackling" : "popping", rand.chance(0.5) ? "warm" : "");
    }
}
