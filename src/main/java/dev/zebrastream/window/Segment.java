package dev.zebrastream.window;

import dev.zebrastream.audio.AudioClip;
import dev.zebrastream.audio.StreamingResampler;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A run of one sensor's audio without breaks, at one sample rate. Window boundaries are
 * multiples of the hop in this segment's sample-index space (the sensor's rate), so they do not
 * depend on how the audio was split into frames. The audio itself is converted to the output rate
 * as it arrives, by one resampler that carries its filter history from frame to frame, and held
 * as {@link AudioChunk}s: only what a future window still needs, less than one window's worth once
 * {@link #appendFrame} returns.
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
    private final int outputRate;
    private final StoredSamples format;
    private final StreamingResampler resampler;
    private final List<Anchor> anchors = new ArrayList<>();
    private final ChunkJournal chunks;
    /** Output-rate audio: buffer[offset, offset + length) has output indices from bufferStart on. */
    private float[] buffer;
    private int offset;
    private int length;
    private long bufferStart;
    /** Sensor-rate samples appended so far, silence included. */
    private long inputEnd;
    private long nextWindowStart;
    /** End of the last emitted window: a partial window is only worth emitting with audio past it. */
    private long coveredUntil;
    private long lastSequence;
    private long framesAppended;
    private long frameSamplesAppended;

    private Segment(String sensorId, long id, int sampleRate, int windowSamples, int hopSamples, int outputRate,
                    StoredSamples format, StreamingResampler resampler) {
        this.sensorId = sensorId;
        this.id = id;
        this.sampleRate = sampleRate;
        this.windowSamples = windowSamples;
        this.hopSamples = hopSamples;
        this.outputRate = outputRate;
        this.format = format;
        this.resampler = resampler;
        this.chunks = new ChunkJournal(sensorId, id, format);
        this.buffer = new float[(int) outputIndex(windowSamples) + 1];
    }

    static Segment open(String sensorId, long id, int sampleRate, WindowConfig config, WindowOutput output) {
        return new Segment(sensorId, id, sampleRate, config.windowSamples(sampleRate), config.hopSamples(sampleRate),
                output.sampleRate(), output.samples(), new StreamingResampler(sampleRate, output.sampleRate()));
    }

    int sampleRate() {
        return sampleRate;
    }

    long lastSequence() {
        return lastSequence;
    }

    /** Samples between the end of the audio so far and a capture time, on the frames' clock. */
    long samplesUntil(long captureMs) {
        return Math.round((captureMs - captureMsAt(inputEnd)) * sampleRate / 1000.0);
    }

    double averageFrameSamples() {
        return frameSamplesAppended / (double) framesAppended;
    }

    void appendFrame(MonoFrame frame, List<AssembledWindow> out) {
        anchors.add(new Anchor(inputEnd, frame.captureTimeMs()));
        float[] samples = frame.samples();
        appendInput(samples);
        lastSequence = frame.sequence();
        framesAppended++;
        frameSamplesAppended += samples.length;
        emitFullWindows(out);
    }

    /** Zeros for missing audio; the next frame appended completes any window they fill. */
    void appendSilence(long samples) {
        appendInput(new float[Math.toIntExact(samples)]);
    }

    /**
     * Ends the segment: flushes the resampler, emits the windows that completes, then the window
     * holding the audio no full window has covered yet, if there is any, and retires every chunk.
     */
    void close(List<AssembledWindow> out) {
        appendOutput(resampler.finish(new float[0], 0, 0));
        emitFullWindows(out);
        if (inputEnd > coveredUntil && inputEnd > nextWindowStart) {
            out.add(window(nextWindowStart, inputEnd, outputEnd(), true));
        }
        chunks.retireBefore(Long.MAX_VALUE);
    }

    /** Moves this segment's chunk writes and deletes since the last call into the given lists. */
    void drainChunks(List<StateChanges.Write> written, List<byte[]> deleted) {
        chunks.drainTo(written, deleted);
    }

    private void appendInput(float[] samples) {
        inputEnd += samples.length;
        appendOutput(resampler.process(samples, 0, samples.length));
    }

    private void appendOutput(float[] samples) {
        if (samples.length == 0) {
            return;
        }
        format.round(samples);
        chunks.append(new AudioChunk(outputEnd(), samples));
        ensureRoom(samples.length);
        System.arraycopy(samples, 0, buffer, offset + length, samples.length);
        length += samples.length;
    }

    private long outputEnd() {
        return bufferStart + length;
    }

    /** The output-rate index at the time of a sensor-rate sample index. */
    private long outputIndex(long sample) {
        return Math.floorDiv(2 * sample * outputRate + sampleRate, 2L * sampleRate);
    }

    /** A full window is out once the resampler has produced all its audio (its filter needs a little more input). */
    private void emitFullWindows(List<AssembledWindow> out) {
        int outputWindow = (int) outputIndex(windowSamples);
        while (outputIndex(nextWindowStart) + outputWindow <= outputEnd()) {
            long start = nextWindowStart;
            out.add(window(start, start + windowSamples, outputIndex(start) + outputWindow, false));
            coveredUntil = start + windowSamples;
            nextWindowStart += hopSamples;
        }
        discardBefore(Math.min(nextWindowStart, inputEnd));
    }

    private AssembledWindow window(long start, long end, long outputEndIndex, boolean partial) {
        int from = offset + (int) (outputIndex(start) - bufferStart);
        int to = offset + (int) (outputEndIndex - bufferStart);
        AudioClip audio = new AudioClip(Arrays.copyOfRange(buffer, from, to), outputRate);
        return new AssembledWindow(sensorId, id, start, end, sampleRate, audio, captureMsAt(start), captureMsAt(end),
                anchorBefore(end).captureMs(), partial);
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

    /** Forgets audio before a sensor-rate index: output samples, the chunks holding them, old anchors. */
    private void discardBefore(long keepFrom) {
        long outputKeep = Math.min(outputIndex(keepFrom), outputEnd());
        int dropped = (int) (outputKeep - bufferStart);
        offset += dropped;
        length -= dropped;
        bufferStart = outputKeep;
        chunks.retireBefore(outputKeep);
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
        float[] target = needed <= buffer.length ? buffer : new float[Math.max(needed, buffer.length)];
        System.arraycopy(buffer, offset, target, 0, length);
        buffer = target;
        offset = 0;
    }

    /** The header: everything but the audio, which lives in the chunks. */
    void writeTo(DataOutput out) throws IOException {
        out.writeLong(id);
        out.writeInt(sampleRate);
        // Stored so that an open segment keeps its geometry if the configured window or model changes.
        out.writeInt(windowSamples);
        out.writeInt(hopSamples);
        out.writeInt(outputRate);
        out.writeLong(bufferStart);
        out.writeInt(length);
        out.writeLong(inputEnd);
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
        StreamingResampler.History history = resampler.history();
        StoredSamples.FLOAT32.write(out, history.input());
        out.writeLong(history.inputStart());
        out.writeLong(history.samplesIn());
        out.writeLong(history.nextOut());
    }

    /**
     * Reads a header written by {@link #writeTo} and takes its audio from the segment's stored
     * chunks (in start order). Chunks outside the header's audio are left from an interrupted
     * write or delete; they are deleted with the next changes.
     */
    static Segment readFrom(DataInput in, String sensorId, StoredSamples format, ChunkReader reader)
            throws IOException {
        long id = in.readLong();
        int sampleRate = in.readInt();
        int windowSamples = in.readInt();
        int hopSamples = in.readInt();
        int outputRate = in.readInt();
        long bufferStart = in.readLong();
        int length = in.readInt();
        long inputEnd = in.readLong();
        long nextWindowStart = in.readLong();
        long coveredUntil = in.readLong();
        long lastSequence = in.readLong();
        long framesAppended = in.readLong();
        long frameSamplesAppended = in.readLong();
        List<Anchor> anchors = new ArrayList<>();
        int anchorCount = in.readInt();
        for (int i = 0; i < anchorCount; i++) {
            anchors.add(new Anchor(in.readLong(), in.readLong()));
        }
        StreamingResampler.History history = new StreamingResampler.History(StoredSamples.read(in), in.readLong(),
                in.readLong(), in.readLong());
        Segment segment = new Segment(sensorId, id, sampleRate, windowSamples, hopSamples, outputRate, format,
                StreamingResampler.resume(sampleRate, outputRate, history));
        segment.anchors.addAll(anchors);
        segment.inputEnd = inputEnd;
        segment.nextWindowStart = nextWindowStart;
        segment.coveredUntil = coveredUntil;
        segment.lastSequence = lastSequence;
        segment.framesAppended = framesAppended;
        segment.frameSamplesAppended = frameSamplesAppended;
        segment.bufferStart = bufferStart;
        segment.restoreAudio(reader.chunks(sensorId, id), bufferStart + length);
        return segment;
    }

    /** Rebuilds {@code [bufferStart, end)} from stored chunks; a hole in them means corrupt state. */
    private void restoreAudio(List<AudioChunk> stored, long end) throws IOException {
        for (AudioChunk chunk : stored) {
            if (chunk.end() <= outputEnd() || chunk.start() >= end) {
                chunks.deleteStray(chunk.start());
                continue;
            }
            if (chunk.start() > outputEnd() || chunk.end() > end) {
                throw new IOException("audio chunk [" + chunk.start() + ", " + chunk.end() + ") of sensor " + sensorId
                        + " does not continue the audio held until " + outputEnd());
            }
            int skip = (int) Math.max(0, outputEnd() - chunk.start());
            int more = chunk.samples().length - skip;
            ensureRoom(more);
            System.arraycopy(chunk.samples(), skip, buffer, offset + length, more);
            length += more;
            chunks.restored(chunk);
        }
        if (outputEnd() != end) {
            throw new IOException("audio chunks of sensor " + sensorId + " end at " + outputEnd() + ", expected " + end);
        }
    }
}
