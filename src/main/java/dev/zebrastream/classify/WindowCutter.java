package dev.zebrastream.classify;

import dev.zebrastream.audio.AudioClip;
import dev.zebrastream.classify.Windowing.Window;
import java.util.Arrays;
import java.util.Optional;

/**
 * Cuts a signal that arrives in pieces into windows of {@code round(window * rate)} samples starting
 * every {@code round(hop * rate)} samples. A window is given out as soon as its samples are in; after
 * {@link #end()}, a last, shorter window covers the tail if no window reached the end. Samples
 * before the next window's start are let go, so memory stays near two windows plus the piece last
 * added, whatever the signal's length.
 */
public final class WindowCutter {

    private final int rate;
    private final int window;
    private final int hop;
    /** Samples {@code [bufferStart, bufferStart + buffered)} of the signal. */
    private float[] buffer;
    private long bufferStart;
    private int buffered;
    private long nextStart;
    private long lastEnd;
    private boolean ended;

    public WindowCutter(int rate, double windowSeconds, double hopSeconds) {
        if (!(windowSeconds > 0) || !(hopSeconds > 0)) {
            throw new IllegalArgumentException("window and hop must be positive seconds");
        }
        this.rate = rate;
        this.window = Math.max(1, (int) Math.round(windowSeconds * rate));
        this.hop = Math.max(1, (int) Math.round(hopSeconds * rate));
        this.buffer = new float[window];
    }

    /** Appends {@code samples[from, to)} to the signal. */
    public void add(float[] samples, int from, int to) {
        if (ended) {
            throw new IllegalStateException("samples added after end()");
        }
        long arriving = bufferStart + buffered;
        int skip = 0;
        if (nextStart >= arriving) {
            // Nothing buffered is needed any more; with a hop longer than the window, samples
            // between two windows belong to neither.
            skip = (int) Math.min(to - from, nextStart - arriving);
            buffered = 0;
            bufferStart = arriving + skip;
        }
        int n = to - from - skip;
        makeRoom(n);
        System.arraycopy(samples, from + skip, buffer, buffered, n);
        buffered += n;
    }

    public void add(float[] samples) {
        add(samples, 0, samples.length);
    }

    /** No more samples will come: the tail may now make a last, shorter window. */
    public void end() {
        ended = true;
    }

    /** Whether {@link #end()} was called and every window has been given out. */
    public boolean exhausted() {
        return ended && !fullWindowReady() && !tailWindowDue();
    }

    /** The next window, if its samples are all in (or the signal has ended). */
    public Optional<Window> poll() {
        if (fullWindowReady()) {
            return Optional.of(take(nextStart + window));
        }
        return tailWindowDue() ? Optional.of(take(bufferStart + buffered)) : Optional.empty();
    }

    private boolean fullWindowReady() {
        return nextStart + window <= bufferStart + buffered;
    }

    /**
     * After the end, one more window if the last one stopped short of the signal's end and the next
     * start is still inside the signal (with a hop longer than the window it may not be).
     */
    private boolean tailWindowDue() {
        long signalEnd = bufferStart + buffered;
        return ended && lastEnd < signalEnd && nextStart < signalEnd && nextStart + window > signalEnd;
    }

    private Window take(long end) {
        int from = (int) (nextStart - bufferStart);
        float[] audio = Arrays.copyOfRange(buffer, from, from + (int) (end - nextStart));
        Window w = new Window(new AudioClip(audio, rate), nextStart / (double) rate, end / (double) rate);
        lastEnd = end;
        nextStart += hop;
        return w;
    }

    /**
     * Room for {@code n} more samples: first by forgetting those before the next window's start,
     * which no window needs any more, then by growing. Forgetting only when full keeps the copying
     * to about one window per window's worth of input.
     */
    private void makeRoom(int n) {
        if (buffered + n <= buffer.length) {
            return;
        }
        int drop = (int) (nextStart - bufferStart);
        System.arraycopy(buffer, drop, buffer, 0, buffered - drop);
        buffered -= drop;
        bufferStart += drop;
        if (buffered + n > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffered + n, 2 * buffer.length));
        }
    }
}
