package dev.zebrastream.synth;

import dev.zebrastream.synth.dsp.Biquad;
import dev.zebrastream.synth.dsp.Noise;
import dev.zebrastream.synth.dsp.Rand;
import dev.zebrastream.synth.dsp.Room;
import dev.zebrastream.synth.dsp.Signals;

/** Recording-chain building blocks shared by the training augmentation and the deployment families. */
final class Effects {

    private Effects() {
    }

    /** Random tilt and colour: a low shelf, a high shelf and a peaking band, each within +-{@code maxDb}. */
    static float[] randomEq(float[] x, int sr, Rand rand, double maxDb) {
        float[] out = Biquad.lowShelf(sr, rand.uniform(80, 400), rand.uniform(-maxDb, maxDb)).apply(x);
        out = Biquad.highShelf(sr, rand.uniform(2000, 6000), rand.uniform(-maxDb, maxDb)).apply(out);
        return Biquad.peaking(sr, rand.logUniform(250, 4000), rand.uniform(0.7, 2), rand.uniform(-maxDb, maxDb)).apply(out);
    }

    static float[] reverb(float[] x, int sr, Rand rand, double rt60, double drrDb) {
        return Room.reverberate(x, Room.impulse(rand, sr, rt60, drrDb));
    }

    /** Adds a white, pink or brown noise bed at the given SNR. */
    static float[] colouredNoise(float[] x, int sr, Rand rand, double snrDb) {
        Noise.NoiseColour colour = Noise.NoiseColour.values()[rand.between(0, 2)];
        return Signals.mixAtSnr(x, Noise.of(colour, rand, x.length), snrDb, sr);
    }

    /** Drives the peak to {@code overdrive} x full scale and clips it there. */
    static float[] clip(float[] x, double overdrive) {
        return Signals.hardClip(Signals.normalizePeak(x, overdrive), 1);
    }

    /** Fourth-order band limit: two high-pass and two low-pass sections. */
    static float[] bandLimit(float[] x, int sr, double lowHz, double highHz) {
        Biquad hp = Biquad.highpass(sr, lowHz, Math.sqrt(0.5));
        Biquad lp = Biquad.lowpass(sr, highHz, Math.sqrt(0.5));
        return lp.apply(lp.apply(hp.apply(hp.apply(x))));
    }
}
