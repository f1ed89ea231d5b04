package dev.zebrastream.window;

/**
 * What assembled windows carry: audio converted to {@code sampleRate} (the model's) as frames arrive,
 * rounded to {@code samples}. Window boundaries and ids stay in the sensor's own sample indices.
 */
public record WindowOutput(int sampleRate, StoredSamples samples) {

    public WindowOutput {
        if (sampleRate < 1) {
            throw new IllegalArgumentException("output sample rate must be positive, got " + sampleRate);
        }
    }
}
