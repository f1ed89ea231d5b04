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

/** Engines, motors and power tools: periodic sources (firing, rotation) with noise, told apart by rate and band. */
final class MachineSounds {

    private MachineSounds() {
    }

    static List<SoundClass> all() {
        return List.of(
                new SynthSound("engine idling", CaptionVocab.of("engine idling",
                        List.of("idling car engine", "truck engine running", "motor idling", "diesel engine idling"),
                        List.of("rumbling", "low", "steady", "chugging", "throbbing"),
                        "{a} {adj} {noun}", "{a} {noun} nearby", "{a} car with its {noun}", "the {adj} rumble of {a} {noun}",
                        "{a} parked vehicle with {a} {noun}", "{a} {adj} {noun} outside"),
                        MachineSounds::engine),
                new SynthSound("electric motor", CaptionVocab.of("electric motor",
                        List.of("motor humming", "electric motor running", "spinning motor", "motor whirring"),
                        List.of("humming", "whirring", "steady", "tonal", "whining"),
                        "{a} {adj} {noun}", "{a} {noun} running", "{a} {noun} spinning up", "the {adj} hum of {a} {noun}",
                        "{a} small {noun} whirring", "{a} {adj} {noun} in a workshop"),
                        MachineSounds::electricMotor),
                new SynthSound("fan", CaptionVocab.of("fan",
                        List.of("electric fan", "ceiling fan", "desk fan", "ventilation fan", "cooling fan"),
                        List.of("whooshing", "soft", "steady", "airy", "humming"),
                        "{a} {adj} {noun}", "{a} {noun} blowing air", "{a} {noun} running", "the {adj} whoosh of {a} {noun}",
                        "{a} {noun} spinning in a room", "{a} {adj} {noun} on a hot day"),
                        MachineSounds::fan),
                new SynthSound("drill", CaptionVocab.of("drill",
                        List.of("power drill", "electric drill", "cordless drill", "hammer drill"),
                        List.of("whining", "high-pitched", "loud", "revving", "grinding"),
                        "{a} {adj} {noun}", "{a} {noun} drilling {times}", "{a} {noun} boring into wall",
                        "someone using {a} {noun}", "the {adj} whine of {a} {noun}", "{a} {noun} starting and stopping"),
                        MachineSounds::drill),
                new SynthSound("vacuum cleaner", CaptionVocab.of("vacuum cleaner",
                        List.of("vacuum", "hoover", "vacuum cleaner running", "upright vacuum"),
                        List.of("loud", "whining", "droning", "noisy", "roaring"),
                        "{a} {adj} {noun}", "{a} {noun} running", "someone cleaning with {a} {noun}",
                        "the {adj} drone of {a} {noun}", "{a} {noun} sucking air", "{a} {adj} {noun} in a hallway"),
                        MachineSounds::vacuum),
                new SynthSound("chainsaw", CaptionVocab.of("chainsaw",
                        List.of("chain saw", "gas chainsaw", "saw revving", "chainsaw cutting wood"),
                        List.of("revving", "loud", "buzzing", "aggressive", "roaring"),
                        "{a} {adj} {noun}", "{a} {noun} revving", "{a} {noun} cutting a log", "someone operating {a} {noun}",
                        "the {adj} buzz of {a} {noun}", "{a} {noun} in the woods"),
                        MachineSounds::chainsaw),
                new SynthSound("helicopter", CaptionVocab.of("helicopter",
                        List.of("chopper", "helicopter rotor", "helicopter flying", "rotorcraft"),
                        List.of("thumping", "whirring", "loud", "chopping", "distant"),
                        "{a} {adj} {noun}", "{a} {noun} flying overhead", "{a} {noun} hovering", "the {adj} rotor of {a} {noun}",
                        "blades of {a} {noun} thumping", "{a} {noun} passing by"),
                        MachineSounds::helicopter),
                new SynthSound("jackhammer", CaptionVocab.of("jackhammer",
                        List.of("pneumatic drill", "road drill", "jack hammer", "breaker hammer"),
                        List.of("rattling", "loud", "pounding", "rapid", "harsh"),
                        "{a} {adj} {noun}", "{a} {noun} breaking concrete", "{a} {noun} on a construction site",
                        "{a} {noun} hammering in bursts", "the {adj} clatter of {a} {noun}", "workers using {a} {noun}"),
                        MachineSounds::jackhammer));
    }

    /** Low firing pulses (one per cylinder stroke) through a muffler, rate slightly unsteady. */
    private static Sound engine(Rand rand, int sr, int n) {
        double rate = rand.uniform(12, 38);
        int[] firings = Osc.onsets(Env.wander(rand, n, sr, 3, rate, 0.06), sr);
        float[] pulses = new float[n];
        double thump = rand.uniform(50, 120);
        for (int onset : firings) {
            float[] pop = Modal.strike(Signals.samples(0.06, sr), sr, new double[] {thump, thump * 2.1},
                    new double[] {1, 0.4}, new double[] {0.012, 0.006});
            Signals.addInto(pulses, pop, onset, rand.uniform(0.6, 1));
        }
        float[] exhaust = Signals.scale(OnePole.lowpass(Noise.brown(rand, n), rand.uniform(300, 700), sr), 0.3);
        float[] body = OnePole.lowpass(Signals.add(Signals.normalizeRms(pulses), exhaust), rand.uniform(500, 1100), sr);
        return Sound.of(body, 0, Sound.pace(rate, 18, 30), "rumbling");
    }

    /** Rotation harmonics plus a high whine; sometimes spinning up or down. */
    private static Sound electricMotor(Rand rand, int sr, int n) {
        double f = rand.logUniform(60, 350);
        int shape = rand.between(0, 2);
        float[] freq = shape == 0 ? Env.wander(rand, n, sr, 1, f, 0.01)
                : shape == 1 ? Env.glide(n, f * 0.4, f) : Env.glide(n, f, f * 0.5);
        double[] amps = new double[12];
        for (int k = 0; k < amps.length; k++) {
            amps[k] = rand.uniform(0.2, 1) / (1 + k);
        }
        float[] hum = Osc.harmonics(freq, amps, sr);
        float[] whine = Osc.sine(Signals.scale(freq, rand.between(6, 14)), sr);
        float[] hiss = Biquad.bandpass(sr, rand.uniform(2000, 5000), 1).apply(Noise.white(rand, n));
        float[] out = Signals.add(Signals.add(Signals.normalizeRms(hum), Signals.scale(whine, rand.uniform(0.1, 0.4))),
                Signals.scale(hiss, 0.05));
        return Sound.of(out, 0, shape == 1 ? "spinning up" : shape == 2 ? "winding down" : "humming", Sound.pitch(f, 100, 220));
    }

    /** Broadband whoosh with blade-pass flutter. */
    private static Sound fan(Rand rand, int sr, int n) {
        float[] air = OnePole.lowpass(Noise.pink(rand, n), rand.uniform(600, 2500), sr);
        air = Biquad.peaking(sr, rand.uniform(200, 800), 1, rand.uniform(2, 8)).apply(air);
        double bladeRate = rand.uniform(8, 40);
        float[] flutter = Env.lfo(n, sr, bladeRate, 1, rand.uniform(0.05, 0.25), 0);
        float[] hum = Signals.scale(Osc.sine(bladeRate * rand.between(3, 6), n, sr), rand.uniform(0, 0.3));
        return Sound.of(Signals.add(Signals.multiply(Signals.normalizeRms(air), flutter), hum), 0,
                Sound.pace(bladeRate, 15, 30), "whooshing");
    }

    /** Trigger pulls: the whine rises, holds, then falls; gear grit rides on top. */
    private static Sound drill(Rand rand, int sr, int n) {
        double f = rand.uniform(250, 900);
        double run = rand.uniform(0.4, 1.3);
        boolean hammer = rand.chance(0.3);
        float[] out = new float[n];
        int count = Sequencer.repeat(out, Sequencer.at(rand.uniform(0, 0.1), sr),
                k -> Sequencer.at(run + rand.uniform(0.1, 0.4), sr), k -> drillRun(rand, sr, Signals.samples(run, sr), f, hammer));
        return Sound.of(out, count, Sound.pitch(f, 400, 700), hammer ? "hammering" : "whining");
    }

    private static float[] drillRun(Rand rand, int sr, int n, double f, boolean hammer) {
        int rise = Math.min(n, Signals.samples(rand.uniform(0.08, 0.2), sr));
        float[] freq = Osc.constant(f, n);
        System.arraycopy(Env.glide(rise, f * 0.3, f), 0, freq, 0, rise);
        float[] whine = Osc.harmonics(freq, new double[] {1, 0.6, 0.4, 0.3, 0.2, 0.1}, sr);
        float[] grit = Signals.scale(Biquad.bandpass(sr, rand.uniform(2000, 4500), 2).apply(Noise.white(rand, n)), 0.4);
        float[] sound = Signals.add(Signals.normalizeRms(whine), grit);
        if (hammer) {
            sound = Signals.multiply(sound, Env.lfo(n, sr, rand.uniform(30, 50), 1, 0.6, 0));
        }
        return Signals.multiply(sound, Env.gate(n, sr, 0.01, 0.08));
    }

    /** Bright broadband roar with a high motor whine. */
    private static Sound vacuum(Rand rand, int sr, int n) {
        float[] air = OnePole.highpass(Noise.white(rand, n), rand.uniform(300, 800), sr);
        air = Biquad.peaking(sr, rand.uniform(1200, 3000), 1, rand.uniform(4, 10)).apply(air);
        double whineHz = rand.uniform(700, 2400);
        float[] whine = Osc.harmonics(Env.wander(rand, n, sr, 0.5, whineHz, 0.01), new double[] {1, 0.3}, sr);
        float[] out = Signals.add(Signals.normalizeRms(air), Signals.scale(whine, rand.uniform(0.2, 0.6)));
        boolean startsUp = rand.chance(0.2);
        return Sound.of(startsUp ? Signals.multiply(out, Env.gate(n, sr, 0.4, 0.05)) : out, 0,
                Sound.pitch(whineHz, 1000, 1900), "roaring");
    }

    /** Two-stroke buzz whose revs swing with the throttle, rough and saturated. */
    private static Sound chainsaw(Rand rand, int sr, int n) {
        double idle = rand.uniform(45, 80);
        double top = idle * rand.uniform(1.8, 2.8);
        float[] throttle = Env.wander(rand, n, sr, rand.uniform(0.7, 2), 0.5, 1);
        float[] freq = new float[n];
        for (int i = 0; i < n; i++) {
            double t = Math.max(0, Math.min(1, throttle[i]));
            freq[i] = (float) (idle + (top - idle) * t);
        }
        float[] buzz = Osc.pulse(freq, 0.3, sr);
        float[] rough = Signals.multiply(buzz, Signals.add(Osc.constant(1, n), Signals.scale(Noise.white(rand, n), 0.3)));
        float[] shaped = Svf.lowpass(rough, Signals.scale(freq, 20), 0.9, sr);
        return Sound.of(Signals.saturate(Signals.normalizePeak(shaped, 1), rand.uniform(1.5, 3)), 0, "revving", "loud");
    }

    /** Blade slaps (filtered noise thumps) at the blade-pass rate over a rumble and a faint turbine whine. */
    private static Sound helicopter(Rand rand, int sr, int n) {
        double rate = rand.uniform(9, 22);
        double slapBand = rand.uniform(250, 900);
        float[] slaps = new float[n];
        for (int onset : Osc.onsets(Env.wander(rand, n, sr, 1, rate, 0.03), sr)) {
            Signals.addInto(slaps, Modal.click(rand, sr, rand.uniform(0.03, 0.06), slapBand, 1.2), onset, 1);
        }
        float[] rumble = Signals.scale(OnePole.lowpass(Noise.brown(rand, n), 200, sr), 0.5);
        float[] turbine = Signals.scale(Osc.sine(rand.uniform(2500, 5000), n, sr), rand.uniform(0.01, 0.05));
        float[] out = Signals.add(Signals.add(Signals.normalizeRms(slaps), rumble), turbine);
        boolean distant = rand.chance(0.3);
        return Sound.of(distant ? OnePole.lowpass(out, 1200, sr) : out, 0, distant ? "distant" : "thumping", Sound.pace(rate, 12, 18));
    }

    /** Bursts of fast metallic impacts with a compressor hiss underneath. */
    private static Sound jackhammer(Rand rand, int sr, int n) {
        double rate = rand.uniform(14, 26);
        double metal = rand.uniform(1200, 3000);
        double burst = rand.uniform(0.5, 1.4);
        float[] out = new float[n];
        int count = Sequencer.repeat(out, Sequencer.at(rand.uniform(0, 0.08), sr),
                k -> Sequencer.at(burst + rand.uniform(0.15, 0.5), sr), k -> {
                    float[] run = new float[Signals.samples(burst, sr)];
                    Sequencer.repeat(run, 0, j -> Sequencer.at(rand.jitter(1 / rate, 0.05), sr),
                            j -> Signals.add(Modal.click(rand, sr, 0.02, metal, 2), Modal.click(rand, sr, 0.04, 150, 1)));
                    return run;
                });
        float[] hiss = Signals.scale(OnePole.highpass(Noise.white(rand, n), 2000, sr), 0.05);
        return Sound.of(Signals.add(out, hiss), count, "rattling", Sound.pace(rate, 17, 22));
    }
}
