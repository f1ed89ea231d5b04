package dev.zebrastream.window;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A run of one segment's output-rate audio as appended at once (one frame's worth, or a gap's
 * silence), the unit of the chunked assembly state: written once when it arrives, deleted once no
 * window needs it. {@code start} is its first sample's index in the segment's output-rate audio.
 */
public record AudioChunk(long start, float[] samples) {

    public long end() {
        return start + samples.length;
    }

    /** Value bytes for the chunk store. */
    public byte[] toBytes(StoredSamples format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + samples.length * 4);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(start);
            format.write(out, samples);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory chunk serialisation failed", e);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException for truncated or corrupt bytes */
    public static AudioChunk fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            return new AudioChunk(in.readLong(), StoredSamples.read(in));
        } catch (IOException e) {
            throw new IllegalArgumentException("audio chunk is truncated or corrupt", e);
        }
    }

    /**
     * Store key of a sensor's chunk: the sensor id with its length first, then segment and start as
     * big-endian longs, so byte order sorts one segment's chunks by start and no sensor id can
     * fall inside another sensor's key range.
     */
    public static byte[] key(String sensorId, long segment, long start) {
        byte[] sensor = sensorId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + sensor.length + 16).putInt(sensor.length).put(sensor).putLong(segment)
                .putLong(start).array();
    }

    /** The lowest key a chunk of this segment can have; with {@link #lastKey}, an inclusive range. */
    public static byte[] firstKey(String sensorId, long segment) {
        return key(sensorId, segment, 0);
    }

    public static byte[] lastKey(String sensorId, long segment) {
        return key(sensorId, segment, Long.MAX_VALUE);
    }
}
