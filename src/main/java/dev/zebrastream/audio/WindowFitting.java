package dev.zebrastream.audio;

import dev.zebrastream.audio.FeatureSettings.Padding;
import java.util.Arrays;

/** Brings a signal to exactly one window of N samples: cut a longer one, pad a shorter one. */
final class WindowFitting {

    private WindowFitting() {
    }

    /** Writes the fitted window into {@code dest[offset, offset + n)}. */
    static void fit(float[] signal, int n, Padding padding, float[] dest, int offset) {
        int len = signal.length;
        if (len >= n) {
            System.arraycopy(signal, 0, dest, offset, n);
            return;
        }
        int filled = switch (padding) {
            case REPEATPAD -> tile(signal, (n / len) * len, dest, offset);
            case REPEAT -> tile(signal, n, dest, offset);
            case PAD -> tile(signal, len, dest, offset);
        };
        Arrays.fill(dest, offset + filled, offset + n, 0f);
    }

    /** Repeats {@code signal} into the first {@code count} samples of the destination; returns count. */
    private static int tile(float[] signal, int count, float[] dest, int offset) {
        for (int done = 0; done < count; done += signal.length) {
            System.arraycopy(signal, 0, dest, offset + done, Math.min(signal.length, count - done));
        }
        return count;
    }
}
