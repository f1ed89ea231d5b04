package dev.zebrastream.audio;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Sample-rate conversion with TarsosDSP's band-limited (windowed sinc) resampler. */
public final class Resampler {

    private static final Map<Double, be.tarsos.dsp.resample.Resampler> PROTOTYPES = new ConcurrentHashMap<>();

    private Resampler() {
    }

    public static AudioClip resample(AudioClip clip, int targetRate) {
        if (clip.sampleRate() == targetRate) {
            return clip;
        }
        double factor = targetRate / (double) clip.sampleRate();
        float[] in = clip.samples();
        int outLength = (int) Math.round(in.length * factor);
        float[] out = new float[outLength];
        // Designing the windowed-sinc filter dominates the cost of a one-second window, so each
        // conversion factor's filter is built once; the copy shares it with fresh sample buffers.
        be.tarsos.dsp.resample.Resampler resampler = new be.tarsos.dsp.resample.Resampler(PROTOTYPES.computeIfAbsent(
                factor, f -> new be.tarsos.dsp.resample.Resampler(true, f, f)));
        // One call with lastBatch=true flushes the filter tail; loop in case the library returns early.
        int consumed = 0;
        int produced = 0;
        while (produced < outLength) {
            be.tarsos.dsp.resample.Resampler.Result r = resampler.process(factor, in, consumed,
                    in.length - consumed, true, out, produced, outLength - produced);
            consumed += r.inputSamplesConsumed;
            produced += r.outputSamplesGenerated;
            if (r.outputSamplesGenerated == 0) {
                break;
            }
        }
        return new AudioClip(out, targetRate);
    }
}
