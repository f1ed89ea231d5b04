package dev.zebrastream.window;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A run of one sensor's audio without breaks, at one sample rate. Window boundaries are
 * multiples of the hop in this segment's sample-index space, so they do not depend on how
 * the audio was split into frames. Only audio that a future window still needs is kept:
 * less than one window's worth once {@link #appendFrame} returns.
 */
final class Segment {

    /** A frame's first sample and its capture time: the clock reference for nearby samples. */
    private record Anchor(long sample, long captureMs) {
    }

    private final String sensorId;
    private final long id;
    private final int sampleRate;
    private final int windowSamples;
    private final int hopSamples;
    private final List<Anchor> anchors = new ArrayList<>();
    /** Live samples are buffer[offset, offset + length) and have segment indices from bufferStart on. */
    private float[] buffer;
    private int offset;
    private int length;
    private long bufferStart;
    private long nextWindowStart;
    /** End of the last emitted window: a partial window is only worth emitting with audio past it. */
    private long coveredUntil;
    private long lastSequence;
    private long framesAppended;
    private long frameSamplesAppended;

    private Segment(String sensorId, long id, int sampleRate, int windowSamples, int hopSamples) {
        this.sensorId = sensorId;
        this.id = id;
        this.sampleRate = sampleRate;
        this.windowSamples = windowSamples;
        this.hopSamples = hopSamples;
        this.buffer = new float[windowSamples];
    }

    static Segment open(String sensorId, long id, int sampleRate, WindowConfig config) {
        return new Segment(sensorId, id, sampleRate, config.windowSamples(sampleRate), config.hopSamples(sampleRate));
    }

    int sampleRate() {
        return sampleRate;
    }

    long lastSequence() {
        return lastSequence;
    }

    /** Samples between the end of the audio so far and a capture time, on the frames' clock. */
    long samplesUntil(long captureMs) {
        return Math.round((captureMs - captureMsAt(end())) * sampleRate / 1000.0);
    }

    double averageFrameSamples() {
        return frameSamplesAppended / (double) framesAppended;
    }

    void appendFrame(MonoFrame frame, List<AssembledWindow> out) {
        anchors.add(new Anchor(end(), frame.captureTimeMs()));
        float[] samples = frame.samples();
        ensureRoom(samples.length);
        System.arraycopy(samples, 0, buffer, offset + length, samples.length);
        length += samples.length;
        lastSequence = frame.sequence();
        framesAppended++;
        frameSamplesAppended += samples.length;
        emitFullWindows(out);
    }

    /** Zeros for missing audio; the next frame appended completes any window they fill. */
    void appendSilence(long samples) {
        int count = Math.toIntExact(samples);
        ensureRoom(count);
        Arrays.fill(buffer, offset + length, offset + length + count, 0f);
        length += count;
    }

    /** The window holding the audio no full window has covered yet, if there is any. */
    Optional<AssembledWindow> closePartial() {
        long end = end();
        if (end <= coveredUntil || end <= nextWindowStart) {
            return Optional.empty();
        }
        return Optional.of(window(nextWindowStart, end, true));
    }

    private long end() {
        return bufferStart + length;
    }

    private void emitFullWindows(List<AssembledWindow> out) {
        while (nextWindowStart + windowSamples <= end()) {
            out.add(window(nextWindowStart, nextWindowStart + windowSamples, false));
            coveredUntil = nextWindowStart + windowSamples;
            nextWindowStart += hopSamples;
        }
        discardBefore(Math.min(nextWindowStart, end()));
    }

    private AssembledWindow window(long start, long end, boolean partial) {
        int from = offset + (int) (start - bufferStart);
        float[] samples = Arrays.copyOfRange(buffer, from, from + (int) (end - start));
        return new AssembledWindow(sensorId, id, start, end, sampleRate, samples, captureMsAt(start),
                captureMsAt(end), anchorBefore(end).captureMs(), partial);
    }

    private long captureMsAt(long sample) {
        Anchor anchor = anchorBefore(sample + 1);
        return anchor.captureMs() + Math.round((sample - anchor.sample()) * 1000.0 / sampleRate);
    }

    /** The newest anchor strictly before a sample index; the first anchor always qualifies. */
    private Anchor anchorBefore(long sample) {
        for (int i = anchors.size() - 1; i > 0; i--) {
            if (anchors.get(i).sample() < sample) {
                return anchors.get(i);
            }
        }
        return anchors.get(0);
    }

    private void discardBefore(long keepFrom) {
        int dropped = (int) (keepFrom - bufferStart);
        offset += dropped;
        length -= dropped;
        bufferStart = keepFrom;
        // Keep the anchor that times the first kept sample, drop the older ones.
        int firstKept = 0;
        while (firstKept + 1 < anchors.size() && anchors.get(firstKept + 1).sample() <= keepFrom) {
            firstKept++;
        }
        anchors.subList(0, firstKept).clear();
    }

    /** Makes room for more samples, moving live ones to the front first (amortised O(1) per sample). */
    private void ensureRoom(int more) {
        if (offset + length + more <= buffer.length) {
            return;
        }
        int needed = length + more;
        float[] target = needed <= buffer.length ? buffer : new float[Math.max(needed, windowSamples)];
        System.arraycopy(buffer, offset, target, 0, length);
        buffer = target;
        offset = 0;
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeLong(id);
        out.writeInt(sampleRate);
        // Stored so that an open segment keeps its geometry if the configured window changes.
        out.writeInt(windowSamples);
        out.writeInt(hopSamples);
        out.writeLong(bufferStart);
        out.writeLong(nextWindowStart);
        out.writeLong(coveredUntil);
        out.writeLong(lastSequence);
        out.writeLong(framesAppended);
        out.writeLong(frameSamplesAppended);
        out.writeInt(anchors.size());
        for (Anchor anchor : anchors) {
            out.writeLong(anchor.sample());
            out.writeLong(anchor.captureMs());
        }
        StateBytes.writeFloats(out, Arrays.copyOfRange(buffer, offset, offset + length));
    }

    static Segment readFrom(DataInput in, String sensorId) throws IOException {
        long id = in.readLong();
        int sampleRate = in.readInt();
        int windowSamples = in.readInt();
        int hopSamples = in.readInt();
        Segment segment = new Segment(sensorId, id, sampleRate, windowSamples, hopSamples);
        segment.bufferStart = in.readLong();
        segment.nextWindowStart = in.readLong();
        segment.coveredUntil = in.readLong();
        segment.lastSequence = in.readLong();
        segment.framesAppended = in.readLong();
        segment.frameSamplesAppended = in.readLong();
        int anchorCount = in.readInt();
        for (int i = 0; i < anchorCount; i++) {
            segment.anchors.add(new Anchor(in.readLong(), in.readLong()));
        }
        float[] samples = StateBytes.readFloats(in);
        segment.ensureRoom(samples.length);
        System.arraycopy(samples, 0, segment.buffer, 0, samples.length);
        segment.length = samples.length;
        return segment;
    }
}
