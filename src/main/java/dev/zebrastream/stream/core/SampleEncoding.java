package dev.zebrastream.stream.core;

import java.nio.ByteBuffer;

/**
 * How one sample of one channel is laid out in a frame's payload (all little-endian).
 * The constant names match the Avro enum symbol for symbol, so keep them in step.
 */
public enum SampleEncoding {
    PCM_S16LE(2) {
        @Override
        float read(ByteBuffer le, int offset) {
            return le.getShort(offset) / 32768f;
        }
    },
    PCM_S24LE(3) {
        @Override
        float read(ByteBuffer le, int offset) {
            int unsigned = (le.get(offset) & 0xff) | (le.get(offset + 1) & 0xff) << 8 | (le.get(offset + 2) & 0xff) << 16;
            // Shift the 24-bit value to the top of the int and back to sign-extend it.
            return (unsigned << 8 >> 8) / 8388608f;
        }
    },
    PCM_S32LE(4) {
        @Override
        float read(ByteBuffer le, int offset) {
            return (float) (le.getInt(offset) / 2147483648.0);
        }
    },
    FLOAT32LE(4) {
        @Override
        float read(ByteBuffer le, int offset) {
            return le.getFloat(offset);
        }
    },
    PCM_U8(1) {
        @Override
        float read(ByteBuffer le, int offset) {
            return ((le.get(offset) & 0xff) - 128) / 128f;
        }
    };

    private final int bytesPerSample;

    SampleEncoding(int bytesPerSample) {
        this.bytesPerSample = bytesPerSample;
    }

    public int bytesPerSample() {
        return bytesPerSample;
    }

    /** Reads the sample at a byte offset of a little-endian buffer, scaled to nominal [-1, 1). */
    abstract float read(ByteBuffer littleEndian, int offset);
}
