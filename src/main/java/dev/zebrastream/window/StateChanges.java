package dev.zebrastream.window;

import java.util.List;

/**
 * What one sensor's assembly state became since the last {@link WindowAssembler#drainChanges()}:
 * its new header (small: cursors, counters, the reorder buffer, the resampler's history) and the
 * audio chunks to write and to delete, by store key. Applied together they keep the stores equal to
 * the assembler, at a cost that grows with the audio that arrived, not with the audio held.
 */
public record StateChanges(byte[] header, List<Write> written, List<byte[]> deleted) {

    /** A chunk to store under its key. */
    public record Write(byte[] key, byte[] value) {
    }
}
