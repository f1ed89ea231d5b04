package dev.zebrastream.audio;

/** Sample-rate conversion with TarsosDSP's band-limited (windowed sinc) resampler. */
public final class Resampler {

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
        be.tarsos.dsp.resample.Resampler resampler = new be.tarsos.dsp.resample.Resampler(true, factor, factor);
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
