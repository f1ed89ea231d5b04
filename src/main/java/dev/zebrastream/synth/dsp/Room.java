package dev.zebrastream.synth.dsp;

/**
 * Synthetic room impulse responses: a direct path followed by exponentially decaying noise whose
 * high frequencies die faster (air and wall absorption), scaled to a target direct-to-reverberant ratio.
 */
public final class Room {

    private Room() {
    }

    public static float[] impulse(Rand rand, int sampleRate, double rt60, double drrDb) {
        int n = Signals.samples(Math.min(rt60 * 1.2, 4.0), sampleRate);
        int delay = Signals.samples(rand.uniform(0.002, 0.015), sampleRate);
        float[] tail = new float[n];
        double tau = rt60 / 6.91;
        for (int i = delay; i < n; i++) {
            tail[i] = (float) (rand.gaussian() * Math.exp(-(i - delay) / (tau * sampleRate)));
        }
        tail = OnePole.lowpass(tail, rand.uniform(3000, 7000), sampleRate);
        double tailEnergy = 0;
        for (float v : tail) {
            tailEnergy += v * (double) v;
        }
        double gain = Math.sqrt(Math.pow(10, -drrDb / 10) / Math.max(tailEnergy, 1e-12));
        float[] ir = Signals.scale(tail, gain);
        ir[0] = 1;
        return ir;
    }

    public static float[] reverberate(float[] dry, float[] impulse) {
        return Fft.convolve(dry, impulse);
    }
}
