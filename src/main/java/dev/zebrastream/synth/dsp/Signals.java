package dev.zebrastream.synth.dsp;

/** Level, mixing and shaping operations on sample arrays. */
public final class Signals {

    private Signals() {
    }

    public static int samples(double seconds, int sampleRate) {
        return Math.max(1, (int) Math.round(seconds * sampleRate));
    }

    /** Adds {@code gain * src} into {@code dst} starting at {@code offset}; parts outside dst are dropped. */
    public static void addInto(float[] dst, float[] src, int offset, double gain) {
        int from = Math.max(0, -offset);
        int to = Math.min(src.length, dst.length - offset);
        for (int i = from; i < to; i++) {
            dst[offset + i] += (float) (gain * src[i]);
        }
    }

    public static float[] add(float[] a, float[] b) {
        float[] out = a.clone();
        addInto(out, b, 0, 1);
        return out;
    }

    /** Element-wise product; {@code b} may be shorter (treated as zero beyond its end). */
    public static float[] multiply(float[] a, float[] b) {
        float[] out = new float[a.length];
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            out[i] = a[i] * b[i];
        }
        return out;
    }

    public static float[] scale(float[] x, double gain) {
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) (x[i] * gain);
        }
        return out;
    }

    public static double rms(float[] x) {
        double sum = 0;
        for (float v : x) {
            sum += v * (double) v;
        }
        return Math.sqrt(sum / Math.max(1, x.length));
    }

    public static double peak(float[] x) {
        double max = 0;
        for (float v : x) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    /**
     * RMS over the 20 ms frames within 30 dB of the loudest one. Sparse events (a few clicks) have a
     * tiny overall RMS; SNR is defined against what the listener hears while the event sounds.
     */
    public static double activeRms(float[] x, int sampleRate) {
        int frame = Math.max(1, sampleRate / 50);
        int frames = Math.max(1, x.length / frame);
        double[] energy = new double[frames];
        double loudest = 0;
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int i = f * frame; i < Math.min(x.length, (f + 1) * frame); i++) {
                sum += x[i] * (double) x[i];
            }
            energy[f] = sum / frame;
            loudest = Math.max(loudest, energy[f]);
        }
        double sum = 0;
        int count = 0;
        for (double e : energy) {
            if (e >= loudest * 1e-3) {
                sum += e;
                count++;
            }
        }
        return count == 0 ? 0 : Math.sqrt(sum / count);
    }

    public static float[] normalizePeak(float[] x, double targetPeak) {
        double peak = peak(x);
        return peak == 0 ? x.clone() : scale(x, targetPeak / peak);
    }

    public static float[] normalizeRms(float[] x) {
        double rms = rms(x);
        return rms == 0 ? x.clone() : scale(x, 1 / rms);
    }

    /** Smooth saturation: tanh(drive * x) / tanh(drive), which keeps full scale at full scale. */
    public static float[] saturate(float[] x, double drive) {
        float[] out = new float[x.length];
        double norm = Math.tanh(drive);
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) (Math.tanh(drive * x[i]) / norm);
        }
        return out;
    }

    public static float[] hardClip(float[] x, double limit) {
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) Math.max(-limit, Math.min(limit, x[i]));
        }
        return out;
    }

    /** A copy cut or zero-padded to {@code length}. */
    public static float[] fit(float[] x, int length) {
        return java.util.Arrays.copyOf(x, length);
    }

    /** Mixes {@code noise} under {@code signal} so that the active-signal-to-noise ratio is {@code snrDb}. */
    public static float[] mixAtSnr(float[] signal, float[] noise, double snrDb, int sampleRate) {
        double signalRms = activeRms(signal, sampleRate);
        double noiseRms = rms(noise);
        if (signalRms == 0 || noiseRms == 0) {
            return add(signal, noise);
        }
        double gain = signalRms / noiseRms * Math.pow(10, -snrDb / 20);
        float[] out = signal.clone();
        addInto(out, noise, 0, gain);
        return out;
    }
}
