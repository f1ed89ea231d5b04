package dev.zebrastream.synth;

import dev.zebrastream.synth.dsp.Biquad;
import dev.zebrastream.synth.dsp.Env;
import dev.zebrastream.synth.dsp.Modal;
import dev.zebrastream.synth.dsp.Noise;
import dev.zebrastream.synth.dsp.OnePole;
import dev.zebrastream.synth.dsp.Osc;
import dev.zebrastream.synth.dsp.Rand;
import dev.zebrastream.synth.dsp.Signals;
import java.util.List;

/** Electronic and mechanical signalling sounds: steady tones switched on and off in telling rhythms. */
final class AlarmSounds {

    private AlarmSounds() {
    }

    static List<SoundClass> all() {
        return List.of(
                new SynthSound("smoke alarm", CaptionVocab.of("smoke alarm",
                        List.of("fire alarm", "smoke detector", "smoke alarm", "fire alarm"),
                        List.of("shrill", "piercing", "loud", "insistent", "high-pitched"),
                        "{a} {adj} {noun} beeping", "{a} {noun} going off", "{adj} beeps from {a} {noun}",
                        "{a} {noun} beeping {times}", "high-pitched repeated beeps of {a} {noun}",
                        "{a} {adj} {noun} sounding", "the alarm tone of {a} {noun}"),
                        AlarmSounds::smokeAlarm),
                new SynthSound("siren", CaptionVocab.of("siren",
                        List.of("police siren", "ambulance siren", "fire engine siren", "emergency siren"),
                        List.of("wailing", "loud", "rising and falling", "urgent", "blaring"),
                        "{a} {adj} {noun}", "{a} {noun} wailing", "{a} {adj} {noun} passing by",
                        "{a} {noun} sounding", "an emergency vehicle with its {noun} on",
                        "the {adj} wail of {a} {noun}"),
                        AlarmSounds::siren),
                new SynthSound("telephone ring", CaptionVocab.of("telephone ring",
                        List.of("phone ringing", "ringing phone", "landline ringing", "telephone ringing"),
                        List.of("trilling", "electronic", "old-fashioned", "repeated", "loud"),
                        "{a} {adj} {noun}", "{a} {noun} in an office", "{a} {adj} {noun} that nobody answers",
                        "the {noun} sounding {times}", "{adj} ringing of a telephone", "{a} {noun} ringing"),
                        AlarmSounds::telephone),
                new SynthSound("car horn", CaptionVocab.of("car horn",
                        List.of("vehicle horn", "honking car", "horn of a car", "car honking"),
                        List.of("blaring", "loud", "angry", "long", "short"),
                        "{a} {adj} {noun}", "{a} {noun} honking {times}", "{a} driver sounding {a} {noun}",
                        "{a} {adj} {noun} in traffic", "the {adj} blast of {a} {noun}", "{a} {noun} beeping"),
                        AlarmSounds::carHorn),
                new SynthSound("buzzer", CaptionVocab.of("buzzer",
                        List.of("electric buzzer", "door buzzer", "game show buzzer", "buzzing alarm"),
                        List.of("harsh", "raspy", "loud", "electric", "grating"),
                        "{a} {adj} {noun}", "{a} {noun} buzzing", "{a} {noun} sounding {times}",
                        "{adj} buzzing of {a} {noun}", "{a} {adj} {noun} going off", "someone pressing {a} {noun}"),
                        AlarmSounds::buzzer),
                new SynthSound("whistle", CaptionVocab.of("whistle",
                        List.of("referee whistle", "whistle blowing", "someone whistling", "sports whistle"),
                        List.of("shrill", "sharp", "piercing", "trilling", "loud"),
                        "{a} {adj} {noun}", "{a} {noun} blown {times}", "{adj} blasts of {a} {noun}",
                        "{a} {noun} blowing", "{a} {adj} {noun} on a sports field", "the sound of {a} {noun} tweeting"),
                        AlarmSounds::whistle),
                new SynthSound("alarm clock", CaptionVocab.of("alarm clock",
                        List.of("digital alarm clock", "wake-up alarm", "bedside alarm", "beeping alarm clock"),
                        List.of("electronic", "beeping", "annoying", "insistent", "rapid"),
                        "{a} {adj} {noun}", "{a} {noun} beeping in groups of {n}", "{a} {noun} going off in the morning",
                        "{adj} beeping of {a} {noun}", "{a} {adj} {noun} ringing", "{a} {noun} that keeps beeping"),
                        AlarmSounds::alarmClock));
    }

    /** Piezo tone with a touch of third harmonic, switched in the temporal-three pattern or in steady beeps. */
    private static Sound smokeAlarm(Rand rand, int sr, int n) {
        double f = rand.uniform(2900, 3600);
        boolean temporalThree = rand.chance(0.6);
        double on = temporalThree ? rand.uniform(0.4, 0.55) : rand.uniform(0.12, 0.3);
        double off = temporalThree ? rand.uniform(0.35, 0.55) : rand.uniform(0.08, 0.25);
        double pause = rand.uniform(0.8, 1.5);
        float[] beep = Signals.multiply(Osc.harmonics(Osc.constant(f, Signals.samples(on, sr)),
                new double[] {1, 0.1, 0.25}, sr), Env.gate(Signals.samples(on, sr), sr, 0.004, 0.004));
        float[] out = new float[n];
        int count = Sequencer.repeat(out, Sequencer.at(rand.uniform(0, 0.1), sr),
                k -> Sequencer.at(on + (temporalThree && k % 3 == 2 ? pause : off), sr), k -> beep);
        return Sound.of(out, count, temporalThree ? "repeated" : "rapid", "high-pitched");
    }

    /** Wail (slow sweep), yelp (fast sweep) or hi-lo (two alternating tones). */
    private static Sound siren(Rand rand, int sr, int n) {
        double lo = rand.uniform(500, 850);
        double hi = lo * rand.uniform(1.6, 2.4);
        int style = rand.between(0, 2);
        float[] freq = new float[n];
        double period = style == 0 ? rand.uniform(1.5, 4.5) : style == 1 ? rand.uniform(0.15, 0.4) : rand.uniform(0.7, 1.2);
        double phase = rand.uniform(0, 1);
        for (int i = 0; i < n; i++) {
            double cycle = (i / (double) sr / period + phase) % 1.0;
            double shape = style == 2 ? (cycle < 0.5 ? 0 : 1) : 0.5 - 0.5 * Math.cos(2 * Math.PI * cycle);
            freq[i] = (float) (style == 2 ? lo * (1 + shape * 0.35) : lo + (hi - lo) * shape);
        }
        float[] tone = OnePole.lowpass(Osc.saw(freq, sr), rand.uniform(1800, 4000), sr);
        String kind = style == 0 ? "wailing" : style == 1 ? "yelping" : "two-tone";
        return Sound.of(Signals.multiply(tone, Env.gate(n, sr, 0.05, 0.05)), 0, kind, style == 0 ? "slow" : "fast");
    }

    /** Electronic trill between two tones, or a mechanical bell struck twenty times a second, in ring bursts. */
    private static Sound telephone(Rand rand, int sr, int n) {
        double f1 = rand.uniform(700, 1400);
        double f2 = f1 * rand.uniform(1.15, 1.4);
        double trill = rand.uniform(14, 26);
        boolean mechanical = rand.chance(0.4);
        double burst = rand.uniform(0.35, 1.0);
        double gap = rand.uniform(0.2, 0.7);
        int burstLength = Signals.samples(burst, sr);
        float[] ring = mechanical ? bellTrill(rand, sr, burstLength, rand.uniform(1400, 2600), trill) : twoToneTrill(sr, burstLength, f1, f2, trill);
        float[] shaped = Signals.multiply(ring, Env.gate(burstLength, sr, 0.01, 0.02));
        float[] out = new float[n];
        int count = Sequencer.repeat(out, Sequencer.at(rand.uniform(0, 0.15), sr),
                k -> Sequencer.at(burst + (k % 2 == 0 ? gap : gap * 2.5), sr), k -> shaped);
        return Sound.of(out, count, mechanical ? "old-fashioned" : "electronic", Sound.pitch(f1, 850, 1250));
    }

    private static float[] twoToneTrill(int sr, int n, double f1, double f2, double rate) {
        float[] freq = new float[n];
        for (int i = 0; i < n; i++) {
            freq[i] = (float) (((int) (2 * rate * i / sr)) % 2 == 0 ? f1 : f2);
        }
        return OnePole.lowpass(Osc.pulse(freq, 0.5, sr), 3000, sr);
    }

    private static float[] bellTrill(Rand rand, int sr, int n, double f, double rate) {
        float[] strike = Modal.strike(Signals.samples(0.25, sr), sr, new double[] {f, f * 2.32, f * 4.1},
                new double[] {1, 0.5, 0.25}, new double[] {0.12, 0.06, 0.03});
        float[] out = new float[n];
        Sequencer.repeat(out, 0, k -> Sequencer.at(rand.jitter(1 / rate, 0.05), sr), k -> strike);
        return out;
    }

    /** Two reedy tones a third apart, with a nasal resonance and driven into mild saturation. */
    private static Sound carHorn(Rand rand, int sr, int n) {
        double f1 = rand.uniform(300, 480);
        double f2 = f1 * (rand.chance(0.5) ? 1.26 : 1.19);
        float[] tone = Signals.add(Osc.saw(Osc.constant(f1, n), sr), Osc.saw(Osc.constant(f2, n), sr));
        tone = Biquad.peaking(sr, rand.uniform(1800, 3200), 2, 9).apply(tone);
        tone = Signals.saturate(Signals.normalizePeak(tone, 1), rand.uniform(1.5, 3));
        boolean longHonks = rand.chance(0.5);
        float[] gate = new float[n];
        int count = Sequencer.repeat(gate, Sequencer.at(rand.uniform(0, 0.1), sr),
                k -> Sequencer.at((longHonks ? 0.9 : 0.3) + rand.uniform(0.1, 0.35), sr),
                k -> Env.gate(Signals.samples(longHonks ? rand.uniform(0.5, 1.0) : rand.uniform(0.12, 0.28), sr), sr, 0.01, 0.03));
        return Sound.of(Signals.multiply(tone, gate), count, longHonks ? "long" : "short", Sound.pitch(f1, 340, 440));
    }

    /** A raspy low pulse wave in bursts. */
    private static Sound buzzer(Rand rand, int sr, int n) {
        double f = rand.uniform(70, 240);
        float[] tone = Osc.pulse(Env.lfo(n, sr, rand.uniform(4, 9), f, 0.004, 0), rand.uniform(0.2, 0.5), sr);
        tone = Biquad.peaking(sr, rand.uniform(700, 2000), 1.5, 8).apply(tone);
        double burst = rand.uniform(0.3, 1.2);
        double gap = rand.uniform(0.12, 0.45);
        float[] gate = new float[n];
        int count = Sequencer.repeat(gate, Sequencer.at(rand.uniform(0, 0.1), sr), k -> Sequencer.at(burst + gap, sr),
                k -> Env.gate(Signals.samples(burst, sr), sr, 0.003, 0.01));
        return Sound.of(Signals.multiply(tone, gate), count, "harsh", Sound.pitch(f, 110, 190));
    }

    /** A referee's pea whistle (fast frequency rattle plus breath) or a person whistling a wandering tune. */
    private static Sound whistle(Rand rand, int sr, int n) {
        boolean referee = rand.chance(0.6);
        float[] out = new float[n];
        double f = referee ? rand.uniform(2000, 3400) : rand.uniform(900, 2200);
        double blast = referee ? rand.uniform(0.2, 0.9) : rand.uniform(0.6, 1.4);
        int count = Sequencer.repeat(out, Sequencer.at(rand.uniform(0, 0.1), sr),
                k -> Sequencer.at(blast + rand.uniform(0.1, 0.4), sr),
                k -> referee ? peaWhistle(rand, sr, Signals.samples(blast, sr), f) : tune(rand, sr, Signals.samples(blast, sr), f));
        return Sound.of(out, count, referee ? "shrill" : "melodic", blast < 0.4 ? "short" : "long");
    }

    private static float[] peaWhistle(Rand rand, int sr, int n, double f) {
        double rattle = rand.uniform(25, 45);
        float[] freq = Env.lfo(n, sr, rattle, f, rand.uniform(0.02, 0.06), 0);
        float[] tone = Signals.multiply(Osc.sine(freq, sr), Env.lfo(n, sr, rattle, 0.8, 0.25, 1));
        float[] breath = Biquad.bandpass2(Noise.white(rand, n), sr, f, 4);
        return Signals.multiply(Signals.add(tone, Signals.scale(breath, 0.3)), Env.gate(n, sr, 0.01, 0.03));
    }

    private static float[] tune(Rand rand, int sr, int n, double f) {
        float[] freq = Signals.multiply(melody(rand, sr, n, f), Env.lfo(n, sr, 5.5, 1, 0.01, 0));
        float[] tone = Osc.sine(freq, sr);
        return Signals.multiply(tone, Env.gate(n, sr, 0.03, 0.05));
    }

    /** A stepwise melody with portamento: notes every 0.12-0.35 s within an octave above {@code f}. */
    private static float[] melody(Rand rand, int sr, int n, double f) {
        float[] steps = new float[n];
        int note = Sequencer.at(rand.uniform(0.12, 0.35), sr);
        for (int start = 0; start < n; start += note) {
            java.util.Arrays.fill(steps, start, Math.min(n, start + note), (float) (f * Math.pow(2, rand.between(0, 12) / 12.0)));
        }
        return OnePole.lowpass(steps, 25, sr);
    }

    /** Square-wave beeps in quick groups with a pause after each group. */
    private static Sound alarmClock(Rand rand, int sr, int n) {
        double f = rand.uniform(1800, 4000);
        int group = rand.between(2, 5);
        double beep = rand.uniform(0.04, 0.09);
        double pause = rand.uniform(0.25, 0.6);
        float[] tone = OnePole.lowpass(Osc.pulse(Osc.constant(f, Signals.samples(beep, sr)), 0.5, sr), 5000, sr);
        float[] shaped = Signals.multiply(tone, Env.gate(tone.length, sr, 0.002, 0.004));
        float[] out = new float[n];
        Sequencer.repeat(out, Sequencer.at(rand.uniform(0, 0.1), sr),
                k -> Sequencer.at(2 * beep + (k % group == group - 1 ? pause : 0), sr), k -> shaped);
        return Sound.of(out, group, "rapid", Sound.pitch(f, 2300, 3400));
    }
}
