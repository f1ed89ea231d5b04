package dev.zebrastream.audio;

import java.nio.ByteBuffer;

/** Samples of a fixed size, interleaved by channel: integer PCM, IEEE float and G.711. */
final class InterleavedDecoder implements SampleDecoder {

    /** One sample's value, nominally in [-1, 1], from its bytes at {@code pos} of little-endian data. */
    interface SampleValue {
        double at(ByteBuffer data, int pos);
    }

    private final int channels;
    private final int bytesPerSample;
    private final SampleValue value;

    InterleavedDecoder(int channels, int bytesPerSample, SampleValue value) {
        this.channels = channels;
        this.bytesPerSample = bytesPerSample;
        this.value = value;
    }

    /** Two's-complement integers, except 8-bit, which WAV stores unsigned around 128. */
    static SampleValue integerPcm(int bits) {
        return switch (bits) {
            case 8 -> (d, p) -> (Byte.toUnsignedInt(d.get(p)) - 128) / 128.0;
            case 16 -> (d, p) -> d.getShort(p) / 32768.0;
            case 24 -> (d, p) -> ((d.get(p) & 0xFF) | (d.get(p + 1) & 0xFF) << 8 | d.get(p + 2) << 16) / 8388608.0;
            case 32 -> (d, p) -> d.getInt(p) / 2147483648.0;
            default -> throw new IllegalArgumentException("no " + bits + "-bit integer PCM");
        };
    }

    static SampleValue ieeeFloat(int bits) {
        return switch (bits) {
            case 32 -> ByteBuffer::getFloat;
            case 64 -> ByteBuffer::getDouble;
            default -> throw new IllegalArgumentException("no " + bits + "-bit IEEE float");
        };
    }

    @Override
    public int blockBytes() {
        return channels * bytesPerSample;
    }

    @Override
    public int framesIn(int bytes) {
        return bytes / blockBytes();
    }

    @Override
    public int decode(ByteBuffer data, int length, float[] mono) {
        int frames = framesIn(length);
        int pos = 0;
        for (int i = 0; i < frames; i++) {
            double sum = 0;
            for (int c = 0; c < channels; c++, pos += bytesPerSample) {
                sum += value.at(data, pos);
            }
            mono[i] = (float) (sum / channels);
        }
        return frames;
    }
}
