package dev.zebrastream.synth;

import dev.zebrastream.synth.dsp.Env;
import dev.zebrastream.synth.dsp.Modal;
import dev.zebrastream.synth.dsp.Osc;
import dev.zebrastream.synth.dsp.Rand;
import dev.zebrastream.synth.dsp.Signals;
import java.util.List;

/** Struck resonant objects, told apart by mode ratios (their timbre), pitch, decay and rhythm. */
final class BellSounds {

    /** Minor-third bell partials relative to the prime: hum, prime, tierce, quint, nominal and above. */
    private static final double[] CHURCH_BELL = {0.5, 1.0, 1.2, 1.5, 2.0, 2.5, 2.67, 3.0, 4.0, 5.3};
    /** Free bar (chime tube) modes. */
    private static final double[] BAR = {1.0, 2.756, 5.404};
    private static final double[] WINE_GLASS = {1.0, 2.32, 4.25, 6.63};

    private BellSounds() {
    }

    static List<SoundClass> all() {
        return List.of(
                new SynthSound("church bell", CaptionVocab.of("church bell",
                        List.of("bell tolling", "large bell", "cathedral bell", "bronze bell"),
                        List.of("deep", "ringing", "resonant", "solemn", "tolling"),
                        "{a} {adj} {noun}", "{a} {noun} tolling {times}", "{a} {noun} ringing out",
                        "{adj} chimes of {a} {noun}", "{a} {noun} striking the hour", "the {adj} toll of {a} {noun}"),
                        BellSounds::churchBell),
                new SynthSound("doorbell", CaptionVocab.of("doorbell",
                        List.of("door chime", "ding-dong bell", "house doorbell", "chime at the door"),
                        List.of("two-tone", "chiming", "cheerful", "gentle", "electronic"),
                        "{a} {adj} {noun}", "{a} {noun} ringing", "someone ringing {a} {noun} {times}",
                        "{a} {adj} {noun} going ding-dong", "the chime of {a} {noun}", "{a} visitor pressing {a} {noun}"),
                        BellSounds::doorbell),
                new SynthSound("glass clinking", CaptionVocab.of("glass clinking",
                        List.of("glasses clinking", "clinking glasses", "a toast with glasses", "wine glasses touching"),
                        List.of("bright", "tinkling", "delicate", "crisp", "ringing"),
                        "{adj} {noun}", "{noun} {times}", "{noun} at a dinner party", "{adj} {noun} during a toast",
                        "the {adj} ring of {noun}", "{noun} in a kitchen"),
                        BellSounds::glassClinking));
    }

    private static Sound churchBell(Rand rand, int sr, int n) {
        double prime = rand.logUniform(200, 700);
        double decay = rand.uniform(1.5, 4.0);
        double period = rand.uniform(0.8, 1.8);
        float[] out = new float[n];
        int count = Sequencer.repeat(out, Sequencer.at(rand.uniform(0, 0.1), sr),
                k -> Sequencer.at(rand.jitter(period, 0.05), sr),
                k -> strike(rand, sr, Math.min(n, Signals.samples(decay * 2, sr)), prime, CHURCH_BELL, decay));
        return Sound.of(out, count, prime < 300 ? "deep" : prime > 500 ? "bright" : "ringing",
                Sound.pace(1 / period, 0.8, 1.1));
    }

    /** Ding-dong (or three or four falling notes) on chime bars, pressed again after a pause. */
    private static Sound doorbell(Rand rand, int sr, int n) {
        double top = rand.uniform(550, 950);
        int notes = rand.chance(0.7) ? 2 : rand.between(3, 4);
        double noteGap = rand.uniform(0.3, 0.55);
        double pressGap = rand.uniform(0.5, 1.0);
        double[] pitches = new double[notes];
        for (int i = 0; i < notes; i++) {
            pitches[i] = top / Math.pow(rand.uniform(1.12, 1.33), i);
        }
        boolean electronic = rand.chance(0.35);
        double decay = rand.uniform(0.5, 1.2);
        float[] out = new float[n];
        int presses = (int) Math.ceil(Sequencer.repeat(out, Sequencer.at(rand.uniform(0, 0.08), sr),
                k -> Sequencer.at(k % notes == notes - 1 ? noteGap + pressGap : noteGap, sr),
                k -> electronic ? chimeTone(sr, n, pitches[k % notes], decay) : strike(rand, sr, Math.min(n, Signals.samples(decay * 3, sr)), pitches[k % notes], BAR, decay))
                / (double) notes);
        return Sound.of(out, presses, notes == 2 ? "two-tone" : "chiming", electronic ? "electronic" : "");
    }

    private static float[] chimeTone(int sr, int n, double f, double decay) {
        int length = Math.min(n, Signals.samples(decay * 3, sr));
        float[] tone = Osc.harmonics(Osc.constant(f, length), new double[] {1, 0.3, 0.1}, sr);
        return Signals.multiply(tone, Env.attackDecay(length, sr, 0.003, decay));
    }

    /** One or a few quick touching glasses, then a pause. */
    private static Sound glassClinking(Rand rand, int sr, int n) {
        boolean wine = rand.chance(0.6);
        double decay = wine ? rand.uniform(0.25, 0.8) : rand.uniform(0.05, 0.15);
        float[] out = new float[n];
        int count = Sequencer.repeat(out, Sequencer.at(rand.uniform(0, 0.1), sr),
                k -> Sequencer.at(rand.chance(0.5) ? rand.uniform(0.06, 0.15) : rand.uniform(0.25, 0.6), sr),
                k -> Signals.scale(strike(rand, sr, Math.min(n, Signals.samples(decay * 3, sr)),
                        rand.uniform(1800, 3800), WINE_GLASS, decay), rand.uniform(0.4, 1)));
        return Sound.of(out, count, wine ? "ringing" : "short", "high-pitched");
    }

    /** A strike on modes {@code ratios} x {@code base}, higher modes decaying faster and amplitudes varied. */
    static float[] strike(Rand rand, int sr, int length, double base, double[] ratios, double decay) {
        double[] freqs = new double[ratios.length];
        double[] amps = new double[ratios.length];
        double[] taus = new double[ratios.length];
        for (int m = 0; m < ratios.length; m++) {
            freqs[m] = base * ratios[m] * rand.uniform(0.995, 1.005);
            amps[m] = rand.uniform(0.3, 1.0) / Math.sqrt(1 + m);
            taus[m] = decay / Math.pow(ratios[m], 0.7);
        }
        return Modal.strike(length, sr, freqs, amps, taus);
    }
}
