package dev.zebrastream.window;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Which chunks of a segment's audio are held, and which were appended or retired since the
 * store last heard of them. A chunk retired before it was ever written is never written at all.
 */
final class ChunkJournal {

    private record Span(long start, long end) {
    }

    private final String sensorId;
    private final long segment;
    private final StoredSamples format;
    /** Held chunks, oldest first; the newest of them may still be in {@link #unsaved}. */
    private final ArrayDeque<Span> held = new ArrayDeque<>();
    private final List<AudioChunk> unsaved = new ArrayList<>();
    private final List<Long> deletions = new ArrayList<>();

    ChunkJournal(String sensorId, long segment, StoredSamples format) {
        this.sensorId = sensorId;
        this.segment = segment;
        this.format = format;
    }

    void append(AudioChunk chunk) {
        held.addLast(new Span(chunk.start(), chunk.end()));
        unsaved.add(chunk);
    }

    /** A chunk read back from the store: held, already saved. */
    void restored(AudioChunk chunk) {
        held.addLast(new Span(chunk.start(), chunk.end()));
    }

    /** A stored chunk the segment does not hold (left from an interrupted update): to be deleted. */
    void deleteStray(long start) {
        deletions.add(start);
    }

    /** Retires every held chunk that ends at or before an output index. */
    void retireBefore(long outputIndex) {
        while (!held.isEmpty() && held.peekFirst().end() <= outputIndex) {
            Span span = held.removeFirst();
            // Unsaved chunks are the newest held ones, so a retired one can only be the first of them.
            if (!unsaved.isEmpty() && unsaved.get(0).start() == span.start()) {
                unsaved.remove(0);
            } else {
                deletions.add(span.start());
            }
        }
    }

    void drainTo(List<StateChanges.Write> written, List<byte[]> deleted) {
        for (long start : deletions) {
            deleted.add(AudioChunk.key(sensorId, segment, start));
        }
        for (AudioChunk chunk : unsaved) {
            written.add(new StateChanges.Write(AudioChunk.key(sensorId, segment, chunk.start()), chunk.toBytes(format)));
        }
        deletions.clear();
        unsaved.clear();
    }
}
