package dev.zebrastream.window;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Turns one sensor's frames into fixed windows, deterministically: the same audio gives the
 * same windows however it was split into frames, reordered within the buffer, or interrupted
 * by a state save and restore.
 *
 * <p>Sequence numbers are the source of truth for continuity. Duplicates are dropped,
 * out-of-order frames are repaired in a {@link ReorderBuffer}, and missing frames are either
 * replaced by silence (at most {@link WindowConfig#maxGapSeconds()}) or end the segment. A
 * change of sample rate, a sensor restart (sequence numbers starting over) and an idle flush
 * also end it. The next segment numbers its samples from 0 again. A sensor's first frames
 * are held until the reorder buffer overflows (or an idle flush), because until then a lower
 * sequence number may still arrive.
 *
 * <p>Audio is converted to the output rate as it arrives ({@link WindowOutput}); window boundaries
 * and ids stay in the sensor's sample indices. State comes in two parts: a small header (counters,
 * cursors, the reorder buffer and the resampler's filter history) and the open segment's audio as
 * {@link AudioChunk}s, each written once and deleted once no window needs it
 * ({@link #drainChanges()}). The segment holds less than one window of audio (a window is emitted
 * as soon as it is complete and audio before the next window start is dropped); the reorder
 * buffer at most {@link WindowConfig#reorderBufferFrames()} frames and
 * {@link WindowConfig#maxBufferedSeconds()} of audio at the sensor's rate, in the header.
 *
 * <p>Not thread-safe: one instance per sensor, driven by one stream task.
 */
public final class WindowAssembler {

    private static final int FORMAT = 2;
    private static final long CLOCK_TOLERANCE_MS = 2;

    private final String sensorId;
    private final WindowConfig config;
    private final WindowOutput output;
    private final StatsCounters counters;
    private final ReorderBuffer reorderBuffer;
    /** Null between segments: before the first frame and after a flush or a break. */
    private Segment segment;
    private long lastFrameMs;
    /** Chunk changes of segments closed since the last {@link #drainChanges()}. */
    private final List<StateChanges.Write> closedWrites = new ArrayList<>();
    private final List<byte[]> closedDeletes = new ArrayList<>();

    public WindowAssembler(String sensorId, WindowConfig config, WindowOutput output) {
        this(sensorId, config, output, new StatsCounters(), new ReorderBuffer(config), null, Long.MIN_VALUE);
    }

    private WindowAssembler(String sensorId, WindowConfig config, WindowOutput output, StatsCounters counters,
            ReorderBuffer reorderBuffer, Segment segment, long lastFrameMs) {
        this.sensorId = sensorId;
        this.config = config;
        this.output = output;
        this.counters = counters;
        this.reorderBuffer = reorderBuffer;
        this.segment = segment;
        this.lastFrameMs = lastFrameMs;
    }

    public String sensorId() {
        return sensorId;
    }

    public AssemblerStats stats() {
        return counters.snapshot();
    }

    /**
     * Takes one decoded frame of this sensor and returns the windows it completes, oldest first.
     *
     * @param nowMs arrival time on the clock that {@link #flush(long)} will be called with
     */
    public List<AssembledWindow> offer(MonoFrame frame, long nowMs) {
        if (!sensorId.equals(frame.sensorId())) {
            throw new IllegalArgumentException("frame of sensor " + frame.sensorId() + " offered to " + sensorId);
        }
        lastFrameMs = nowMs;
        List<AssembledWindow> out = new ArrayList<>();
        for (MonoFrame ready : reorderBuffer.offer(frame, counters)) {
            place(ready, out);
        }
        return counted(out);
    }

    /**
     * If the sensor has been silent for longer than {@link WindowConfig#idleFlushMs()}, places the
     * frames still waiting for missing ones, emits the partial window and closes the segment, so a
     * sensor that resumes starts a new one. Otherwise, or when there is nothing pending, returns
     * nothing.
     *
     * <p>Silence only counts while the service could have heard the sensor: from the later of its
     * last frame and {@code presentSinceMs}, the time since which the service has been running, in
     * contact with the broker and caught up on the sensor's partition. So a restart or a broker
     * outage never cuts a window whose audio continues afterwards.
     */
    public List<AssembledWindow> flush(long nowMs, long presentSinceMs) {
        List<AssembledWindow> out = new ArrayList<>();
        boolean pending = segment != null || !reorderBuffer.isEmpty();
        if (!pending || nowMs - Math.max(lastFrameMs, presentSinceMs) <= config.idleFlushMs()) {
            return out;
        }
        for (MonoFrame waiting : reorderBuffer.drain()) {
            place(waiting, out);
        }
        closeSegment(out);
        return counted(out);
    }

    private List<AssembledWindow> counted(List<AssembledWindow> windows) {
        counters.windowsEmitted += windows.size();
        return windows;
    }

    private void place(MonoFrame frame, List<AssembledWindow> out) {
        counters.framesAccepted++;
        OptionalLong silence = segment == null ? OptionalLong.empty() : silenceBefore(frame);
        if (silence.isEmpty()) {
            startSegment(frame.sampleRate(), out);
        } else if (silence.getAsLong() > 0) {
            segment.appendSilence(silence.getAsLong());
            counters.gapsFilled++;
        }
        segment.appendFrame(frame, out);
    }

    /**
     * How many zero samples join this frame to the open segment, or empty when it cannot join:
     * another sample rate, a restart of the sensor's numbering, or a gap too long to fill.
     */
    private OptionalLong silenceBefore(MonoFrame frame) {
        if (frame.sampleRate() != segment.sampleRate() || frame.sequence() <= segment.lastSequence()) {
            return OptionalLong.empty();
        }
        long missingFrames = frame.sequence() - segment.lastSequence() - 1;
        if (missingFrames == 0) {
            return OptionalLong.of(0);
        }
        long missingSamples = estimateMissingSamples(frame, missingFrames);
        return missingSamples <= config.maxGapSamples(frame.sampleRate())
                ? OptionalLong.of(missingSamples)
                : OptionalLong.empty();
    }

    /**
     * Capture times are only millisecond-precise, whole frames of the average length are exact
     * for a sensor with a fixed frame size: the frame estimate is taken when the clock agrees
     * with it to within 2 ms, the clock otherwise (frames of varying size,
     * a sensor that paused). A clock that stands still or went backwards is ignored.
     */
    private long estimateMissingSamples(MonoFrame frame, long missingFrames) {
        long byFrames = Math.round(missingFrames * segment.averageFrameSamples());
        long byClock = segment.samplesUntil(frame.captureTimeMs());
        long tolerance = CLOCK_TOLERANCE_MS * frame.sampleRate() / 1000;
        return byClock <= 0 || Math.abs(byClock - byFrames) <= tolerance ? byFrames : byClock;
    }

    private void startSegment(int sampleRate, List<AssembledWindow> out) {
        closeSegment(out);
        // Segment ids are the count of segments opened before, so they run 0, 1, 2, ...
        segment = Segment.open(sensorId, counters.segmentsStarted++, sampleRate, config, output);
    }

    private void closeSegment(List<AssembledWindow> out) {
        if (segment != null) {
            segment.close(out);
            segment.drainChunks(closedWrites, closedDeletes);
            segment = null;
        }
    }

    /**
     * What changed since the last call (or since this assembler was made or restored): apply all of
     * it to the stores, and a {@link #restore} gives back an assembler equal to this one.
     */
    public StateChanges drainChanges() {
        List<StateChanges.Write> written = new ArrayList<>(closedWrites);
        List<byte[]> deleted = new ArrayList<>(closedDeletes);
        closedWrites.clear();
        closedDeletes.clear();
        if (segment != null) {
            segment.drainChunks(written, deleted);
        }
        return new StateChanges(header(), written, deleted);
    }

    private byte[] header() {
        return StateBytes.write(FORMAT, out -> {
            out.writeUTF(sensorId);
            out.writeLong(lastFrameMs);
            counters.writeTo(out);
            reorderBuffer.writeTo(out);
            out.writeBoolean(segment != null);
            if (segment != null) {
                segment.writeTo(out);
            }
        });
    }

    /**
     * Restores an assembler from the header of its last {@link #drainChanges()} and its stored
     * chunks. An open segment keeps the window, hop and output rate it was started with; the config
     * applies to everything else and to later segments.
     *
     * @throws IllegalArgumentException for a header of an unknown format, corrupt bytes, or chunks
     *                                  that do not hold the audio the header expects
     */
    public static WindowAssembler restore(byte[] header, ChunkReader chunks, WindowConfig config, WindowOutput output) {
        return StateBytes.read(header, FORMAT, "window assembler", in -> {
            String sensorId = in.readUTF();
            long lastFrameMs = in.readLong();
            StatsCounters counters = StatsCounters.readFrom(in);
            ReorderBuffer reorderBuffer = ReorderBuffer.readFrom(in, config, sensorId);
            Segment segment = in.readBoolean() ? Segment.readFrom(in, sensorId, output.samples(), chunks) : null;
            return new WindowAssembler(sensorId, config, output, counters, reorderBuffer, segment, lastFrameMs);
        });
    }
}
