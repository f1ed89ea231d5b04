package dev.zebrastream.window;

/**
 * Counters of one sensor's assembler since its state was created, for metrics.
 *
 * @param framesAccepted    frames placed into a segment
 * @param duplicatesDropped frames whose sequence number was already buffered or passed (a
 *                          resend, or a frame too late to be placed)
 * @param reordered         frames that arrived after a frame with a higher sequence number
 * @param gapsFilled        runs of missing frames replaced by silence
 * @param segmentsStarted   segments opened, the first one included (segment ids are 0, 1, 2, ...)
 * @param windowsEmitted    windows emitted, partial ones included
 */
public record AssemblerStats(
        long framesAccepted,
        long duplicatesDropped,
        long reordered,
        long gapsFilled,
        long segmentsStarted,
        long windowsEmitted) {
}
