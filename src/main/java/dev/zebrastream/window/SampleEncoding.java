package dev.zebrastream.window;

import java.nio.ByteBuffer;
import java.nio.ShortBuffer;

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

        @Override
        void readAll(ByteBuffer le, float[] out) {
            ShortBuffer shorts = le.asShortBuffer();
            for (int i = 0; i < out.length; i++) {
                out[i] = shorts.get(i) / 32768f;
            }
        }

        @Override
        void write(ByteBuffer le, int offset, float v) {
            le.putShort(offset, (short) quantise(v, 32768));
        }
    },
    PCM_S24LE(3) {
        @Override
        float read(ByteBuffer le, int offset) {
            int unsigned = (le.get(offset) & 0xff) | (le.get(offset + 1) & 0xff) << 8 | (le.get(offset + 2) & 0xff) << 16;
            // Shift the 24-bit value to the top of the int and back to sign-extend it.
            return (unsigned << 8 >> 8) / 8388608f;
        }

        @Override
        void write(ByteBuffer le, int offset, float v) {
            int q = (int) quantise(v, 8388608);
            le.put(offset, (byte) q).put(offset + 1, (byte) (q >> 8)).put(offset + 2, (byte) (q >> 16));
        }
    },
    PCM_S32LE(4) {
        @Override
        float read(ByteBuffer le, int offset) {
            return (float) (le.getInt(offset) / 2147483648.0);
        }

        @Override
        void write(ByteBuffer le, int offset, float v) {
            le.putInt(offset, (int) quantise(v, 2147483648.0));
        }
    },
    FLOAT32LE(4) {
        @Override
        float read(ByteBuffer le, int offset) {
            return le.getFloat(offset);
        }

        @Override
        void readAll(ByteBuffer le, float[] out) {
            le.asFloatBuffer().get(out);
        }

        @Override
        void write(ByteBuffer le, int offset, float v) {
            le.putFloat(offset, v);
        }
    },
    PCM_U8(1) {
        @Override
        float read(ByteBuffer le, int offset) {
            return ((le.get(offset) & 0xff) - 128) / 128f;
        }

        @Override
        void write(ByteBuffer le, int offset, float v) {
            le.put(offset, (byte) (quantise(v, 128) + 128));
        }
    };

    private final int bytesPerSample;

    SampleEncoding(int bytesPerSample) {
        this.bytesPerSample = bytesPerSample;
    }

    public int bytesPerSample() {
        return bytesPerSample;
    }

    /** Writes a sample in [-1, 1] (clipped) at a byte offset; the inverse of {@link #read}. */
    abstract void write(ByteBuffer littleEndian, int offset, float value);

    /** Round to the integer grid of {@code fullScale} steps per unit, clipped to the format's range. */
    private static long quantise(float v, double fullScale) {
        long q = Math.round(v * fullScale);
        return Math.max((long) -fullScale, Math.min((long) fullScale - 1, q));
    }

    /** Interleaves mono samples into {@code channels} identical channels in this encoding. */
    public byte[] encode(float[] mono, int channels) {
        ByteBuffer le = ByteBuffer.allocate(mono.length * channels * bytesPerSample).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int offset = 0;
        for (float v : mono) {
            for (int c = 0; c < channels; c++, offset += bytesPerSample) {
                write(le, offset, v);
            }
        }
        return le.array();
    }

    /** Reads the sample at a byte offset of a little-endian buffer, scaled to nominal [-1, 1). */
    abstract float read(ByteBuffer littleEndian, int offset);

    /**
     * Reads the first {@code out.length} samples of a little-endian buffer; the common encodings
     * read through a typed view of the buffer, the others sample by sample.
     */
    void readAll(ByteBuffer littleEndian, float[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = read(littleEndian, i * bytesPerSample);
        }
    }
}
