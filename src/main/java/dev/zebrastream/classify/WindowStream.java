package dev.zebrastream.classify;

import dev.zebrastream.audio.AudioFormatException;
import dev.zebrastream.audio.StreamingResampler;
import dev.zebrastream.audio.WavStream;
import dev.zebrastream.classify.Windowing.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The windows of a WAV stream at a model's sample rate, decoded, resampled and cut a block at a
 * time: memory holds a block, about two windows and the batch asked for, whatever the file's length.
 * The windows are those {@link Windowing#cut} gives for the whole file resampled at once.
 */
public final class WindowStream {

    /** Frames decoded per step: a fraction of a second at any supported rate. */
    private static final int BLOCK_FRAMES = 16_384;

    private final WavStream source;
    private final StreamingResampler resampler;
    private final WindowCutter cutter;
    private final float[] block = new float[BLOCK_FRAMES];

    public WindowStream(WavStream source, int targetRate, double windowSeconds, double hopSeconds) {
        this.source = source;
        this.resampler = new StreamingResampler(source.sampleRate(), targetRate);
        this.cutter = new WindowCutter(targetRate, windowSeconds, hopSeconds);
    }

    /** The next windows, {@code max} of them or fewer at the end of the audio; none after it. */
    public List<Window> next(int max) throws AudioFormatException {
        List<Window> out = new ArrayList<>(max);
        while (out.size() < max && !cutter.exhausted()) {
            Optional<Window> w = cutter.poll();
            if (w.isPresent()) {
                out.add(w.get());
            } else {
                feed();
            }
        }
        return out;
    }

    private void feed() throws AudioFormatException {
        int n = source.read(block, 0, block.length);
        if (n < 0) {
            cutter.add(resampler.finish(block, 0, 0));
            cutter.end();
        } else {
            cutter.add(resampler.process(block, 0, n));
        }
    }
}
