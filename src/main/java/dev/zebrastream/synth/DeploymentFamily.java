package dev.zebrastream.synth;

import dev.zebrastream.synth.dsp.Biquad;
import dev.zebrastream.synth.dsp.Env;
import dev.zebrastream.synth.dsp.Modal;
import dev.zebrastream.synth.dsp.Noise;
import dev.zebrastream.synth.dsp.OnePole;
import dev.zebrastream.synth.dsp.Osc;
import dev.zebrastream.synth.dsp.Rand;
import dev.zebrastream.synth.dsp.Signals;
import dev.zebrastream.synth.dsp.Voice;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Conditions held out from training, each at severities 1 (mild) to 3 (heavy). Noise families
 * mix a synthetic background at an SNR that falls with severity; hall and mic degrade the signal itself.
 */
public enum DeploymentFamily {
    FACTORY, TRAFFIC, BABBLE, HALL, MIC;

    public static final int MAX_SEVERITY = 3;
    /** Centre SNR (dB) of noise families per severity, +-2 dB jitter. */
    private static final double[] SNR_DB = {15, 5, -2};
    private static final double[][] HALL_RT60 = {{1.0, 1.6}, {1.6, 2.3}, {2.3, 3.0}};
    private static final double[][] HALL_DRR_DB = {{0, 4}, {-4, 0}, {-9, -4}};
    private static final double[][] MIC_BAND_HZ = {{150, 6500}, {300, 4000}, {450, 2800}};
    private static final double[] MIC_RESONANCE_DB = {5, 9, 12};
    private static final double[] MIC_DRIVE = {1.2, 2.5, 5};
    private static final double[] MIC_HISS_SNR_DB = {35, 25, 15};
    private static final int[][] BABBLE_VOICES = {{4, 6}, {6, 10}, {10, 16}};

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The family whose {@link #label()} is {@code label}, if any. */
    public static java.util.Optional<DeploymentFamily> find(String label) {
        return Arrays.stream(values()).filter(f -> f.label().equals(label)).findFirst();
    }

    /** Applies this family at {@code severity} (1..3) to a dry signal. */
    Domain.Recorded apply(float[] dry, int sr, Rand rand, int severity) {
        int s = severity - 1;
        double snr = SNR_DB[s] + rand.uniform(-2, 2);
        return switch (this) {
            case FACTORY -> new Domain.Recorded(Signals.mixAtSnr(dry, factoryBed(rand, sr, dry.length), snr, sr),
                    List.of("in a noisy factory", "over machinery noise", "on a factory floor"));
            case TRAFFIC -> new Domain.Recorded(Signals.mixAtSnr(dry, trafficBed(rand, sr, dry.length), snr, sr),
                    List.of("near a busy road", "with traffic in the background", "next to a street"));
            case BABBLE -> new Domain.Recorded(Signals.mixAtSnr(dry, babbleBed(rand, sr, dry.length, s), snr, sr),
                    List.of("in a crowded room", "with people chatting nearby", "over background chatter"));
            case HALL -> new Domain.Recorded(Effects.reverb(dry, sr, rand, rand.uniform(HALL_RT60[s][0], HALL_RT60[s][1]),
                    rand.uniform(HALL_DRR_DB[s][0], HALL_DRR_DB[s][1])),
                    List.of("in a large hall", "echoing in a big space", "in a reverberant church"));
            case MIC -> new Domain.Recorded(cheapMic(dry, sr, rand, s),
                    List.of("recorded on a cheap microphone", "through a tinny microphone", "with a poor-quality mic"));
        };
    }

    /** Mains hum with harmonics, a machine tone, broadband rumble and periodic clanks. */
    private static float[] factoryBed(Rand rand, int sr, int n) {
        double mains = rand.chance(0.5) ? 50 : 60;
        double[] amps = new double[20];
        for (int k = 0; k < amps.length; k++) {
            amps[k] = rand.uniform(0.2, 1) / Math.pow(1 + k, 0.7);
        }
        float[] hum = Signals.normalizeRms(Osc.harmonics(Osc.constant(mains, n), amps, sr));
        float[] machine = Signals.normalizeRms(Osc.harmonics(Env.wander(rand, n, sr, 0.3, rand.uniform(90, 400), 0.01),
                new double[] {1, 0.5, 0.3, 0.2}, sr));
        float[] rumble = OnePole.lowpass(Noise.brown(rand, n), rand.uniform(150, 400), sr);
        float[] clanks = new float[n];
        double period = rand.uniform(0.3, 1.2);
        double metal = rand.uniform(400, 1500);
        Sequencer.repeat(clanks, Sequencer.at(rand.uniform(0, period), sr), k -> Sequencer.at(period, sr),
                k -> Modal.strike(Signals.samples(0.4, sr), sr, new double[] {metal, metal * 1.47, metal * 2.63},
                        new double[] {1, 0.6, 0.3}, new double[] {0.12, 0.08, 0.05}));
        float[] bed = Signals.add(Signals.scale(hum, rand.uniform(0.3, 1)), Signals.scale(machine, rand.uniform(0.2, 0.8)));
        bed = Signals.add(bed, Signals.scale(Signals.normalizeRms(rumble), rand.uniform(0.5, 1)));
        return Signals.add(bed, Signals.scale(Signals.normalizeRms(clanks), rand.uniform(0.2, 0.6)));
    }

    /** Low rumble plus vehicles swelling past (tyre and engine noise under a bell-shaped envelope). */
    private static float[] trafficBed(Rand rand, int sr, int n) {
        float[] bed = Signals.normalizeRms(OnePole.lowpass(Noise.brown(rand, n), rand.uniform(100, 250), sr));
        int vehicles = rand.between(1, 3);
        for (int v = 0; v < vehicles; v++) {
            double centre = rand.uniform(-0.2, 1.2) * n / sr;
            double width = rand.uniform(0.4, 1.5);
            float[] swell = new float[n];
            for (int i = 0; i < n; i++) {
                double t = (i / (double) sr - centre) / width;
                swell[i] = (float) Math.exp(-t * t);
            }
            float[] pass = Biquad.bandpass(sr, rand.uniform(300, 1200), 0.8).apply(Noise.pink(rand, n));
            Signals.addInto(bed, Signals.multiply(Signals.normalizeRms(pass), swell), 0, rand.uniform(1, 3));
        }
        return bed;
    }

    /** Several overlapping pseudo-speech voices; more voices with severity. */
    private static float[] babbleBed(Rand rand, int sr, int n, int s) {
        int voices = rand.between(BABBLE_VOICES[s][0], BABBLE_VOICES[s][1]);
        float[] bed = new float[n];
        for (int v = 0; v < voices; v++) {
            Signals.addInto(bed, Signals.normalizeRms(Voice.babble(rand, n, sr)), 0, rand.uniform(0.4, 1));
        }
        return bed;
    }

    /** Band-limiting, resonant peaks, soft saturation and hiss, all harsher with severity. */
    private static float[] cheapMic(float[] dry, int sr, Rand rand, int s) {
        float[] x = Effects.bandLimit(dry, sr, MIC_BAND_HZ[s][0] * rand.uniform(0.9, 1.1), MIC_BAND_HZ[s][1] * rand.uniform(0.9, 1.1));
        for (int r = 0; r <= s; r++) {
            x = Biquad.peaking(sr, rand.logUniform(800, 3500), rand.uniform(2, 5), MIC_RESONANCE_DB[s] * rand.uniform(0.8, 1.1)).apply(x);
        }
        x = Signals.saturate(Signals.normalizePeak(x, 1), MIC_DRIVE[s]);
        return Signals.mixAtSnr(x, Noise.white(rand, x.length), MIC_HISS_SNR_DB[s], sr);
    }
}
