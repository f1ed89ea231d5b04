package dev.zebrastream.audio;

/** Sample-rate conversion of a whole clip; {@link StreamingResampler} does the work. */
public final class Resampler {

    private Resampler() {
    }

    public static AudioClip resample(AudioClip clip, int targetRate) {
        if (clip.sampleRate() == targetRate) {
            return clip;
        }
        float[] in = clip.samples();
        return new AudioClip(new StreamingResampler(clip.sampleRate(), targetRate).finish(in, 0, in.length), targetRate);
    }
}
