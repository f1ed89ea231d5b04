package dev.zebrastream.window;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Shared framing for the per-sensor state kept in changelogged stores: a leading format byte
 * (so a newer release can still read or knowingly reject older state) followed by a
 * DataOutput body.
 */
public final class StateBytes {

    @FunctionalInterface
    public interface Writer {
        void write(DataOutput out) throws IOException;
    }

    @FunctionalInterface
    public interface Reader<T> {
        T read(DataInput in) throws IOException;
    }

    private StateBytes() {
    }

    public static byte[] write(int format, Writer body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(format);
            body.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory state serialisation failed", e);
        }
        return bytes.toByteArray();
    }

    /** Reads state written by {@link #write}; unknown formats and truncated bytes are rejected. */
    public static <T> T read(byte[] bytes, int format, String what, Reader<T> body) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int found = in.readUnsignedByte();
            if (found != format) {
                throw new IllegalArgumentException(what + " state format " + found + " unsupported, expected " + format);
            }
            T value = body.read(in);
            if (in.available() > 0) {
                throw new IllegalArgumentException(what + " state has " + in.available() + " trailing bytes");
            }
            return value;
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " state is truncated or corrupt", e);
        }
    }
}
