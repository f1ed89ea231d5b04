package dev.zebrastream.audio;

/**
 * Mono audio: samples as floats (nominally in [-1, 1]) at a sample rate in Hz.
 * The array is owned by the clip; callers must not mutate it after construction.
 */
public record AudioClip(float[] samples, int sampleRate) {

    public AudioClip {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
    }

    public double durationSeconds() {
        return samples.length / (double) sampleRate;
    }
}
