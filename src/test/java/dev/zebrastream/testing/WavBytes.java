package dev.zebrastream.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A RIFF/WAVE or RF64 image built chunk by chunk, each chunk padded to an even size, so that a test
 * can write what no well-behaved writer would: wrong sizes, odd layouts, missing chunks.
 */
public final class WavBytes {

    public static final int PCM = 1;
    public static final int FLOAT = 3;
    public static final int ALAW = 6;
    public static final int MULAW = 7;
    public static final int IMA_ADPCM = 0x11;
    public static final int EXTENSIBLE = 0xFFFE;
    /** The size a writer that cannot seek back leaves in the header (ffmpeg; RF64's "see ds64"). */
    public static final long UNKNOWN_SIZE = 0xFFFFFFFFL;
    /** Offsets of the RIFF size and, in a canonical 44-byte header, of the data size. */
    public static final int RIFF_SIZE_AT = 4;
    public static final int DATA_SIZE_AT = 40;

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    public WavBytes chunk(String id, byte[] content) {
        return chunk(id, content, content.length);
    }

    public WavBytes chunk(String id, byte[] content, long declaredSize) {
        body.writeBytes(id.getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(le(4).putInt((int) declaredSize).array());
        body.writeBytes(content);
        if (content.length % 2 == 1) {
            body.write(0);
        }
        return this;
    }

    /** A 16-byte fmt chunk whose block align fits the channels and sample size. */
    public WavBytes fmt(int tag, int channels, int rate, int bits) {
        return fmt(tag, channels, rate, bits, channels * bits / 8);
    }

    public WavBytes fmt(int tag, int channels, int rate, int bits, int blockAlign) {
        return chunk("fmt ", fmtBody(tag, channels, rate, bits, blockAlign, 16).array());
    }

    /** A 40-byte WAVE_FORMAT_EXTENSIBLE fmt chunk whose GUID carries {@code subFormat}. */
    public WavBytes extensibleFmt(int subFormat, int channels, int rate, int bits) {
        return extensibleFmt(subFormat, channels, rate, bits, channels * bits / 8);
    }


    public WavBytes extensibleFmt(int subFormat, int channels, int rate, int bits, int blockAlign) {
        ByteBuffer b = fmtBody(EXTENSIBLE, channels, rate, bits, blockAlign, 40);
        b.putShort((short) 22).putShort((short) bits).putInt(0).putShort((short) subFormat)
                .put(new byte[] {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71});
        return chunk("fmt ", b.array());
    }

    /** RIFF, its size, WAVE, then the chunks. */
    public byte[] bytes() {
        byte[] chunks = body.toByteArray();
        return le(12 + chunks.length).put(ascii("RIFF")).putInt(4 + chunks.length).put(ascii("WAVE"))
                .put(chunks).array();
    }

    /** RF64, an unknown 32-bit size, WAVE, a ds64 chunk with the 64-bit sizes, then the chunks. */
    public byte[] rf64(long dataBytes) {
        byte[] chunks = body.toByteArray();
        int ds64 = 8 + 28;
        return le(12 + ds64 + chunks.length).put(ascii("RF64")).putInt((int) UNKNOWN_SIZE).put(ascii("WAVE"))
                .put(ascii("ds64")).putInt(28).putLong(4 + ds64 + chunks.length).putLong(dataBytes)
                .putLong(0).putInt(0).put(chunks).array();
    }

    /** The image with the 32-bit size at {@code offset} replaced. */
    public static byte[] withSize(byte[] wav, int offset, long size) {
        byte[] copy = wav.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, (int) size);
        return copy;
    }

    public static byte[] pcm16(int... samples) {
        ByteBuffer b = le(2 * samples.length);
        for (int s : samples) {
            b.putShort((short) s);
        }
        return b.array();
    }

    public static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static ByteBuffer fmtBody(int tag, int channels, int rate, int bits, int blockAlign, int size) {
        return le(size).putShort((short) tag).putShort((short) channels).putInt(rate)
                .putInt(rate * blockAlign).putShort((short) blockAlign).putShort((short) bits);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
