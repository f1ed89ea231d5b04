package dev.zebrastream.window;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Puts one sensor's frames back into sequence order. Frames are released as soon as every
 * lower sequence number has been released; frames beyond a hole wait, within the frame and
 * audio bounds of {@link WindowConfig}, after which the lowest waiting frame is released and
 * the hole becomes a gap for the assembler to handle. A sensor's very first frames (and the
 * first after a restart) wait until the bounds are exceeded, because only then is it known
 * that no lower sequence number is still on its way.
 */
final class ReorderBuffer {

    private static final long NONE = Long.MIN_VALUE;

    private final int maxFrames;
    private final double maxSeconds;
    private final TreeMap<Long, MonoFrame> waiting = new TreeMap<>();
    private long lastReleased = NONE;
    private long highestSeen = NONE;
    private long newestCaptureMs = Long.MIN_VALUE;

    ReorderBuffer(WindowConfig config) {
        this.maxFrames = config.reorderBufferFrames();
        this.maxSeconds = config.maxBufferedSeconds();
    }

    /** Admits a frame and returns the frames now ready, in the order they must be placed. */
    List<MonoFrame> offer(MonoFrame frame, StatsCounters counters) {
        List<MonoFrame> released = new ArrayList<>();
        if (isPassedOrWaiting(frame.sequence())) {
            if (!isSensorRestart(frame)) {
                counters.duplicatesDropped++;
                return released;
            }
            // Everything before the restart is final: hand it over before the numbering starts again.
            released.addAll(drain());
            lastReleased = NONE;
            highestSeen = NONE;
        }
        if (highestSeen != NONE && frame.sequence() < highestSeen) {
            counters.reordered++;
        }
        highestSeen = Math.max(highestSeen, frame.sequence());
        newestCaptureMs = Math.max(newestCaptureMs, frame.captureTimeMs());
        waiting.put(frame.sequence(), frame);
        releaseContiguous(released);
        while (overBounds()) {
            release(waiting.firstEntry().getValue(), released);
            releaseContiguous(released);
        }
        return released;
    }

    /** Releases every waiting frame in order, holes and all (the sensor went silent). */
    List<MonoFrame> drain() {
        List<MonoFrame> released = new ArrayList<>(waiting.values());
        if (!waiting.isEmpty()) {
            lastReleased = waiting.lastKey();
        }
        waiting.clear();
        return released;
    }

    boolean isEmpty() {
        return waiting.isEmpty();
    }

    private boolean isPassedOrWaiting(long sequence) {
        return (lastReleased != NONE && sequence <= lastReleased) || waiting.containsKey(sequence);
    }

    /**
     * A sensor that reboots numbers its frames from scratch. A resend or a late frame was
     * captured no later than what we have already seen, so an old sequence number with a
     * newer capture time can only be a restart; treating it as a duplicate would silence
     * the sensor for good.
     */
    private boolean isSensorRestart(MonoFrame frame) {
        return frame.captureTimeMs() > newestCaptureMs;
    }

    private void releaseContiguous(List<MonoFrame> released) {
        if (lastReleased == NONE) {
            // Where the numbering starts is unknown until the buffer overflows, so a sensor's
            // first frames wait like out-of-order ones and may arrive in any order too.
            return;
        }
        MonoFrame next;
        while ((next = waiting.get(lastReleased + 1)) != null) {
            release(next, released);
        }
    }

    private void release(MonoFrame frame, List<MonoFrame> released) {
        waiting.remove(frame.sequence());
        lastReleased = frame.sequence();
        released.add(frame);
    }

    private boolean overBounds() {
        return waiting.size() > maxFrames || waitingSeconds() > maxSeconds;
    }

    private double waitingSeconds() {
        return waiting.values().stream().mapToDouble(MonoFrame::durationSeconds).sum();
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeLong(lastReleased);
        out.writeLong(highestSeen);
        out.writeLong(newestCaptureMs);
        out.writeInt(waiting.size());
        for (MonoFrame frame : waiting.values()) {
            frame.writeTo(out);
        }
    }

    static ReorderBuffer readFrom(DataInput in, WindowConfig config, String sensorId) throws IOException {
        ReorderBuffer buffer = new ReorderBuffer(config);
        buffer.lastReleased = in.readLong();
        buffer.highestSeen = in.readLong();
        buffer.newestCaptureMs = in.readLong();
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            MonoFrame frame = MonoFrame.readFrom(in, sensorId);
            buffer.waiting.put(frame.sequence(), frame);
        }
        return buffer;
    }
}
