package dev.zebrastream.audio;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sample-rate conversion of a signal that arrives in blocks, with TarsosDSP's band-limited
 * (windowed sinc) resampler. The filter keeps its state between blocks, so the output is the
 * conversion of the whole signal: no seams at block boundaries, and {@code round(n * factor)}
 * samples in all for {@code n} in. One instance converts one signal.
 */
public final class StreamingResampler {

    private static final Map<Double, be.tarsos.dsp.resample.Resampler> PROTOTYPES = new ConcurrentHashMap<>();
    private static final int SCRATCH = 8192;

    private final double factor;
    private final be.tarsos.dsp.resample.Resampler filter;
    private final float[] scratch = new float[SCRATCH];
    private long samplesIn;
    private long samplesOut;

    public StreamingResampler(int sourceRate, int targetRate) {
        this.factor = targetRate / (double) sourceRate;
        // Designing the windowed-sinc filter dominates the cost of a one-second window, so each
        // conversion factor's filter is built once; the copy shares it with fresh sample buffers.
        this.filter = sourceRate == targetRate ? null : new be.tarsos.dsp.resample.Resampler(
                PROTOTYPES.computeIfAbsent(factor, f -> new be.tarsos.dsp.resample.Resampler(true, f, f)));
    }

    /** Converts {@code in[from, to)}; the output lags by the filter's half-length until {@link #finish}. */
    public float[] process(float[] in, int from, int to) {
        float[] out = convert(in, from, to, false);
        samplesOut += out.length;
        return out;
    }

    /** Converts the last block, {@code in[from, to)} (may be empty), and flushes the filter. */
    public float[] finish(float[] in, int from, int to) {
        float[] tail = convert(in, from, to, true);
        long wanted = Math.max(0, Math.round(samplesIn * factor) - samplesOut);
        // Zero-pads a flush that comes up short and drops what the filter makes beyond the length.
        float[] fitted = Arrays.copyOf(tail, (int) wanted);
        samplesOut += fitted.length;
        return fitted;
    }

    private float[] convert(float[] in, int from, int to, boolean last) {
        samplesIn += to - from;
        if (filter == null) {
            return Arrays.copyOfRange(in, from, to);
        }
        float[] out = new float[(int) Math.ceil((to - from) * factor) + SCRATCH];
        int made = 0;
        int at = from;
        be.tarsos.dsp.resample.Resampler.Result r;
        do {
            r = filter.process(factor, in, at, to - at, last, scratch, 0, SCRATCH);
            at += r.inputSamplesConsumed;
            if (made + r.outputSamplesGenerated > out.length) {
                out = Arrays.copyOf(out, 2 * out.length);
            }
            System.arraycopy(scratch, 0, out, made, r.outputSamplesGenerated);
            made += r.outputSamplesGenerated;
            // A full scratch buffer may leave output pending; the last block flushes until nothing comes.
        } while (at < to || r.outputSamplesGenerated == SCRATCH || last && r.outputSamplesGenerated > 0);
        return Arrays.copyOf(out, made);
    }
}
