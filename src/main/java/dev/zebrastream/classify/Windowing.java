package dev.zebrastream.classify;

import dev.zebrastream.audio.AudioClip;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a clip into fixed windows at a hop. With a hop no longer than the window every sample lands
 * in at least one window; the last window may be shorter (the front end pads it), a clip shorter
 * than one window is one window, and an empty clip has none. {@link WindowCutter} does the cutting,
 * for whole clips here and for streams in {@link WindowStream}.
 */
public final class Windowing {

    private Windowing() {
    }

    /** A window of a longer clip: its audio and where it sits, in seconds. */
    public record Window(AudioClip audio, double startSeconds, double endSeconds) {
    }

    public static List<Window> cut(AudioClip clip, double windowSeconds, double hopSeconds) {
        WindowCutter cutter = new WindowCutter(clip.sampleRate(), windowSeconds, hopSeconds);
        cutter.add(clip.samples());
        cutter.end();
        List<Window> out = new ArrayList<>();
        for (var w = cutter.poll(); w.isPresent(); w = cutter.poll()) {
            out.add(w.get());
        }
        return out;
    }
}
