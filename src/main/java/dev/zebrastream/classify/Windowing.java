package dev.zebrastream.classify;

import dev.zebrastream.audio.AudioClip;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a clip into fixed windows at a hop. Every sample lands in at least one window; the last
 * window may be shorter (the front end pads it), and a clip shorter than one window is one window.
 */
public final class Windowing {

    private Windowing() {
    }

    /** A window of a longer clip: its audio and where it sits, in seconds. */
    public record Window(AudioClip audio, double startSeconds, double endSeconds) {
    }

    public static List<Window> cut(AudioClip clip, double windowSeconds, double hopSeconds) {
        if (!(windowSeconds > 0) || !(hopSeconds > 0)) {
            throw new IllegalArgumentException("window and hop must be positive seconds");
        }
        int rate = clip.sampleRate();
        int win = Math.max(1, (int) Math.round(windowSeconds * rate));
        int hop = Math.max(1, (int) Math.round(hopSeconds * rate));
        float[] s = clip.samples();
        List<Window> out = new ArrayList<>();
        for (int start = 0; ; start += hop) {
            int end = Math.min(s.length, start + win);
            out.add(new Window(new AudioClip(Arrays.copyOfRange(s, start, end), rate),
                    start / (double) rate, end / (double) rate));
            if (end >= s.length) {
                return out;
            }
        }
    }
}
