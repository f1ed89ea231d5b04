package dev.zebrastream.window;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The precision at which assembled audio is held, in memory and in the changelogged stores
 * (setting {@code state.sample.format}).
 *
 * <p>{@link #FLOAT24} is a float32 with the low 8 bits of its significand rounded off: 3 bytes a
 * sample, a rounding error at least 96 dB below each sample at any level. Audio is rounded to it as
 * it is appended, so what a window holds is exactly what its stored chunks restore to: a restart
 * never changes a window's audio. Half precision (2 bytes, 66 dB) was measured and rejected: it
 * moved the embedding of a golden clip (a tone) to cosine 0.9943, and 16-bit integers scaled to
 * each chunk's peak that of the golden chirp to 0.99989, both under the 0.9999 asked for; float24 keeps every golden and
 * generated clip above 0.99999 (StoredSamplesEmbeddingTest, docs/frontend.md).
 * {@link #FLOAT32} keeps full precision.
 */
public enum StoredSamples {
    FLOAT24(1, 3),
    FLOAT32(2, 4);

    /** Upper bound on one stored array, so a corrupt length cannot allocate gigabytes. */
    private static final int MAX_SAMPLES = 64 << 20;

    private final int tag;
    private final int bytesPerSample;

    StoredSamples(int tag, int bytesPerSample) {
        this.tag = tag;
        this.bytesPerSample = bytesPerSample;
    }

    /** Parses a setting value, {@code float24} or {@code float32}. */
    public static StoredSamples parse(String value) {
        for (StoredSamples s : values()) {
            if (s.name().equalsIgnoreCase(value.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown sample format '" + value + "', expected float24 or float32");
    }

    /** Rounds samples to this precision in place; rounding twice changes nothing more. */
    public void round(float[] samples) {
        if (this == FLOAT24) {
            for (int i = 0; i < samples.length; i++) {
                samples[i] = Float.intBitsToFloat(float24Bits(samples[i]));
            }
        }
    }

    /**
     * The float's bits with the low byte rounded off (half away from zero: the bits are sign and
     * magnitude). A carry into the exponent is the correct rounding; no decoded sample is large
     * enough to carry into infinity.
     */
    private static int float24Bits(float v) {
        return (Float.floatToRawIntBits(v) + 0x80) & 0xffffff00;
    }

    /** Writes a tag naming this format, the count and the samples, so any format reads back. */
    public void write(DataOutput out, float[] samples) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(samples.length * bytesPerSample);
        for (float v : samples) {
            if (this == FLOAT24) {
                int bits = float24Bits(v);
                buffer.putShort((short) (bits >>> 16)).put((byte) (bits >>> 8));
            } else {
                buffer.putFloat(v);
            }
        }
        out.writeByte(tag);
        out.writeInt(samples.length);
        out.write(buffer.array());
    }

    /** Reads samples written by {@link #write} in whichever format they were written. */
    public static float[] read(DataInput in) throws IOException {
        StoredSamples format = ofTag(in.readUnsignedByte());
        int length = in.readInt();
        if (length < 0 || length > MAX_SAMPLES) {
            throw new IOException("implausible sample count " + length);
        }
        byte[] raw = new byte[length * format.bytesPerSample];
        in.readFully(raw);
        ByteBuffer buffer = ByteBuffer.wrap(raw);
        float[] samples = new float[length];
        for (int i = 0; i < length; i++) {
            samples[i] = format == FLOAT24
                    ? Float.intBitsToFloat((buffer.getShort() & 0xffff) << 16 | (buffer.get() & 0xff) << 8)
                    : buffer.getFloat();
        }
        return samples;
    }

    private static StoredSamples ofTag(int tag) throws IOException {
        for (StoredSamples s : values()) {
            if (s.tag == tag) {
                return s;
            }
        }
        throw new IOException("unknown stored sample format " + tag);
    }
}
