package dev.zebrastream.window;

/** Where a restored assembler reads its open segment's stored audio from. */
@FunctionalInterface
public interface ChunkReader {

    /** The stored chunks of one segment of a sensor, in start order (keys from {@link AudioChunk#firstKey}). */
    java.util.List<AudioChunk> chunks(String sensorId, long segment);
}
