package dev.zebrastream.synth;

import dev.zebrastream.synth.dsp.Modal;
import dev.zebrastream.synth.dsp.Noise;
import dev.zebrastream.synth.dsp.OnePole;
import dev.zebrastream.synth.dsp.Rand;
import dev.zebrastream.synth.dsp.Signals;
import java.util.List;

/** Short hits in characteristic rhythms: what is struck sets the timbre, who strikes sets the timing. */
final class ImpactSounds {

    private static final double[] METAL = {1.0, 1.59, 2.31, 3.13};
    private static final double[] WOOD = {1.0, 2.41, 3.86};

    private ImpactSounds() {
    }

    static List<SoundClass> all() {
        return List.of(
                new SynthSound("hammering", CaptionVocab.of("hammering",
                        List.of("hammer striking nails", "someone hammering", "hammer blows", "pounding with a hammer"),
                        List.of("rhythmic", "loud", "steady", "metallic", "repeated"),
                        "{adj} {noun}", "{noun} {times}", "{noun} on a construction site", "{adj} {noun} in a workshop",
                        "a carpenter at work, {noun}", "{noun} on a nail"),
                        ImpactSounds::hammering),
                new SynthSound("knocking", CaptionVocab.of("knocking",
                        List.of("knock on a door", "someone knocking", "knocks at the door", "rapping on wood"),
                        List.of("loud", "firm", "gentle", "wooden", "urgent"),
                        "{adj} {noun}", "{noun} {times}", "someone knocking on a wooden door {times}",
                        "{n} {adj} knocks", "{noun} at the front door", "{adj} {noun} on a wooden door"),
                        ImpactSounds::knocking),
                new SynthSound("clock ticking", CaptionVocab.of("clock ticking",
                        List.of("ticking clock", "clock tick-tock", "wall clock", "pocket watch ticking"),
                        List.of("steady", "quiet", "regular", "mechanical", "crisp"),
                        "{a} {adj} {noun}", "{a} {noun} in a quiet room", "{adj} {noun}", "the {adj} tick of {a} {noun}",
                        "{a} {noun} counting seconds", "{noun} {n} times"),
                        ImpactSounds::clockTicking),
                new SynthSound("footsteps", CaptionVocab.of("footsteps",
                        List.of("someone walking", "steps", "person walking", "shoes on the floor", "walking footsteps"),
                        List.of("heavy", "light", "hurried", "echoing", "steady"),
                        "{adj} {noun}", "{noun} on a hard floor", "{noun} on gravel", "{n} {adj} steps",
                        "{noun} approaching", "{adj} {noun} in a corridor"),
                        ImpactSounds::footsteps),
                new SynthSound("keyboard typing", CaptionVocab.of("keyboard typing",
                        List.of("typing on a keyboard", "someone typing", "computer keyboard clicks", "clacking keys"),
                        List.of("fast", "clicky", "busy", "steady", "quiet"),
                        "{adj} {noun}", "{noun} in an office", "{noun} on a laptop", "{adj} {noun} at a desk",
                        "{noun} by someone in a hurry", "{noun} with a mechanical keyboard"),
                        ImpactSounds::typing));
    }

    /** A hammer on a nail: a wooden thud under a short metallic ring, a couple of blows per second. */
    private static Sound hammering(Rand rand, int sr, int n) {
        double rate = rand.uniform(1.5, 4.5);
        double ring = rand.uniform(1500, 3500);
        double thud = rand.uniform(120, 300);
        float[] out = new float[n];
        int count = Sequencer.repeat(out, Sequencer.at(rand.uniform(0, 0.1), sr), k -> Sequencer.at(rand.jitter(1 / rate, 0.1), sr),
                k -> Signals.scale(Signals.add(
                        BellSounds.strike(rand, sr, Signals.samples(0.3, sr), ring, METAL, rand.uniform(0.03, 0.12)),
                        BellSounds.strike(rand, sr, Signals.samples(0.15, sr), thud, WOOD, 0.03)), rand.uniform(0.7, 1)));
        return Sound.of(out, count, Sound.pace(rate, 2.2, 3.5), "metallic");
    }

    /** Groups of wooden knocks with a pause between groups; count is knocks per group. */
    private static Sound knocking(Rand rand, int sr, int n) {
        int group = rand.between(2, 5);
        double interval = rand.uniform(0.11, 0.22);
        double pause = rand.uniform(0.35, 0.9);
        double body = rand.uniform(110, 320);
        double level = rand.uniform(0.5, 1);
        float[] out = new float[n];
        Sequencer.repeat(out, Sequencer.at(rand.uniform(0, 0.1), sr),
                k -> Sequencer.at(k % group == group - 1 ? interval + pause : rand.jitter(interval, 0.1), sr),
                k -> Signals.scale(Signals.add(BellSounds.strike(rand, sr, Signals.samples(0.2, sr), body, WOOD, rand.uniform(0.02, 0.05)),
                        Signals.scale(Modal.click(rand, sr, 0.01, rand.uniform(700, 1600), 1.5), 0.4)), level * rand.uniform(0.8, 1)));
        return Sound.of(out, group, level > 0.8 ? "loud" : "gentle", Sound.pace(1 / interval, 6, 8));
    }

    /** Tiny metallic clicks, alternating tick and tock. */
    private static Sound clockTicking(Rand rand, int sr, int n) {
        double rate = rand.uniform(1, 5);
        double pitch = rand.uniform(2000, 5000);
        double tock = rand.uniform(0.75, 0.95);
        float[] out = new float[n];
        int count = Sequencer.repeat(out, Sequencer.at(rand.uniform(0, 0.1), sr), k -> Sequencer.at(1 / rate, sr),
                k -> Signals.add(BellSounds.strike(rand, sr, Signals.samples(0.05, sr), pitch * (k % 2 == 0 ? 1 : tock), METAL, 0.008),
                        Signals.scale(Modal.click(rand, sr, 0.004, pitch, 2), 0.5)));
        return Sound.of(out, count, Sound.pace(rate, 1.8, 3.5), "mechanical");
    }

    /** Heel then toe on hard floor, wood or gravel, at walking or running pace. */
    private static Sound footsteps(Rand rand, int sr, int n) {
        boolean running = rand.chance(0.3);
        double rate = running ? rand.uniform(2.6, 3.4) : rand.uniform(1.6, 2.3);
        int surface = rand.between(0, 2);
        double heavy = rand.uniform(0.4, 1);
        float[] out = new float[n];
        int count = Sequencer.repeat(out, Sequencer.at(rand.uniform(0, 0.15), sr), k -> Sequencer.at(rand.jitter(1 / rate, 0.06), sr),
                k -> Signals.scale(step(rand, sr, surface), heavy * rand.uniform(0.7, 1) * (k % 2 == 0 ? 1 : 0.85)));
        return Sound.of(out, count, running ? "hurried" : "", heavy > 0.75 ? "heavy" : "light",
                surface == 2 ? "crunchy" : "");
    }

    private static float[] step(Rand rand, int sr, int surface) {
        float[] thud = BellSounds.strike(rand, sr, Signals.samples(0.12, sr), rand.uniform(70, 140), WOOD, 0.025);
        float[] contact = switch (surface) {
            case 0 -> Modal.click(rand, sr, 0.015, rand.uniform(1500, 3500), 1.5);
            case 1 -> BellSounds.strike(rand, sr, Signals.samples(0.1, sr), rand.uniform(200, 450), WOOD, 0.04);
            default -> crunch(rand, sr);
        };
        float[] heel = Signals.add(thud, Signals.scale(contact, 0.6));
        float[] both = new float[heel.length + Signals.samples(0.06, sr)];
        Signals.addInto(both, heel, 0, 1);
        Signals.addInto(both, contact, Signals.samples(rand.uniform(0.03, 0.06), sr), 0.5);
        return both;
    }

    /** Gravel: a cluster of tiny grains over about 0.1 s. */
    private static float[] crunch(Rand rand, int sr) {
        float[] out = new float[Signals.samples(0.14, sr)];
        for (int g = 0; g < 40; g++) {
            Signals.addInto(out, Modal.click(rand, sr, 0.003, rand.uniform(1500, 5000), 2), rand.between(0, out.length - 1),
                    rand.uniform(0.2, 1));
        }
        return out;
    }

    /** Key presses and softer releases at an irregular typing rate, with the odd space bar. */
    private static Sound typing(Rand rand, int sr, int n) {
        double rate = rand.uniform(4, 12);
        double click = rand.uniform(1500, 4000);
        float[] out = new float[n];
        Sequencer.repeat(out, Sequencer.at(rand.uniform(0, 0.1), sr),
                k -> Sequencer.at(rand.logUniform(0.4, 2.2) / rate, sr), k -> key(rand, sr, rand.chance(0.12) ? click * 0.4 : click));
        float[] desk = Signals.scale(OnePole.lowpass(Noise.brown(rand, n), 300, sr), 0.002);
        return Sound.of(Signals.add(out, desk), 0, Sound.pace(rate, 6, 9), "clicky");
    }

    private static float[] key(Rand rand, int sr, double band) {
        float[] press = Signals.add(Modal.click(rand, sr, 0.012, band, 1.5),
                BellSounds.strike(rand, sr, Signals.samples(0.03, sr), band * 0.3, WOOD, 0.006));
        float[] both = new float[press.length + Signals.samples(0.09, sr)];
        Signals.addInto(both, press, 0, rand.uniform(0.6, 1));
        Signals.addInto(both, Modal.click(rand, sr, 0.008, band * 1.2, 2), Signals.samples(rand.uniform(0.04, 0.08), sr), 0.3);
        return both;
    }
}
