package dev.zebrastream.window;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builders of deterministic test audio and frames. */
final class TestAudio {

    static final String SENSOR = "mic-1";
    static final int RATE = 16_000;
    /** Windows at the test sensors' own rate, at full precision: window audio equals the input. */
    static final WindowOutput EXACT = new WindowOutput(RATE, StoredSamples.FLOAT32);

    private TestAudio() {
    }

    /** A ramp whose values identify their index, never zero, so zero-fill is visible. */
    static float[] ramp(int length) {
        float[] samples = new float[length];
        for (int i = 0; i < length; i++) {
            samples[i] = 0.001f + (i % 997) / 1000f;
        }
        return samples;
    }

    /** Cuts audio into frames of frameSize samples, numbered from 0, timed from captureStartMs. */
    static List<MonoFrame> frames(float[] audio, int frameSize, int sampleRate, long captureStartMs) {
        List<MonoFrame> frames = new ArrayList<>();
        for (int start = 0, seq = 0; start < audio.length; start += frameSize, seq++) {
            float[] chunk = Arrays.copyOfRange(audio, start, Math.min(audio.length, start + frameSize));
            long captureMs = captureStartMs + Math.round(start * 1000.0 / sampleRate);
            frames.add(new MonoFrame(SENSOR, seq, captureMs, sampleRate, chunk));
        }
        return frames;
    }

    static WindowAssembler assembler(WindowConfig config) {
        return new WindowAssembler(SENSOR, config, EXACT);
    }

    /** Offers frames in the given order, each arriving 10 ms after the previous one. */
    static List<AssembledWindow> feed(WindowAssembler assembler, List<MonoFrame> frames) {
        List<AssembledWindow> windows = new ArrayList<>();
        long now = 0;
        for (MonoFrame frame : frames) {
            windows.addAll(assembler.offer(frame, now += 10));
        }
        return windows;
    }
}
