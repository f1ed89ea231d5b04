package dev.zebrastream.serde;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.apache.kafka.common.errors.SerializationException;

/**
 * Avro single-object encoding header: marker {@code C3 01}, then the writer schema's CRC-64-AVRO
 * fingerprint as 8 little-endian bytes, then the Avro binary body. Checked here, before Avro sees
 * the bytes, so a bad record is rejected with a reason a person can act on.
 */
public final class SingleObjectHeader {

    public static final byte MARKER_0 = (byte) 0xC3;
    public static final byte MARKER_1 = (byte) 0x01;
    public static final int LENGTH = 10;

    private SingleObjectHeader() {
    }

    /** The writer fingerprint of {@code bytes}, or a SerializationException saying why there is none. */
    public static long fingerprint(byte[] bytes) {
        if (hasBadMarker(bytes)) {
            throw new SerializationException("not Avro single-object encoding (bad marker: starts "
                    + leadingHex(bytes) + ", expected C3 01)");
        }
        if (bytes.length < LENGTH) {
            throw new SerializationException("truncated: " + bytes.length + " bytes, the header alone needs " + LENGTH);
        }
        return ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    private static boolean hasBadMarker(byte[] bytes) {
        // A prefix of the marker (or nothing) counts as truncated, not as foreign data.
        return (bytes.length >= 1 && bytes[0] != MARKER_0) || (bytes.length >= 2 && bytes[1] != MARKER_1);
    }

    private static String leadingHex(byte[] bytes) {
        return bytes.length == 1 ? String.format("%02X", bytes[0]) : String.format("%02X %02X", bytes[0], bytes[1]);
    }

    public static String hex(long fingerprint) {
        return String.format("0x%016x", fingerprint);
    }
}
