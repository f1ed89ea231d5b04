package dev.zebrastream.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavReaderTest {

    private static final int PCM = 1;
    private static final int FLOAT = 3;
    private static final int ALAW = 6;
    private static final int EXTENSIBLE = 0xFFFE;

    /** A RIFF/WAVE image built chunk by chunk; each chunk is padded to an even size. */
    private static final class Wav {
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        Wav chunk(String id, byte[] content) {
            return chunk(id, content, content.length);
        }

        Wav chunk(String id, byte[] content, int declaredSize) {
            body.writeBytes(id.getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(le(4).putInt(declaredSize).array());
            body.writeBytes(content);
            if (content.length % 2 == 1) {
                body.write(0);
            }
            return this;
        }

        Wav fmt(int tag, int channels, int rate, int bits) {
            return chunk("fmt ", fmtBody(tag, channels, rate, bits, 16).array());
        }

        Wav extensibleFmt(int subFormat, int channels, int rate, int bits) {
            ByteBuffer b = fmtBody(EXTENSIBLE, channels, rate, bits, 40);
            b.putShort((short) 22).putShort((short) bits).putInt(0).putShort((short) subFormat)
                    .put(new byte[] {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71});
            return chunk("fmt ", b.array());
        }

        byte[] bytes() {
            byte[] chunks = body.toByteArray();
            ByteBuffer out = le(12 + chunks.length);
            out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + chunks.length)
                    .put("WAVE".getBytes(StandardCharsets.US_ASCII)).put(chunks);
            return out.array();
        }

        private static ByteBuffer fmtBody(int tag, int channels, int rate, int bits, int size) {
            int block = channels * bits / 8;
            return le(size).putShort((short) tag).putShort((short) channels).putInt(rate)
                    .putInt(rate * block).putShort((short) block).putShort((short) bits);
        }
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static AudioClip decode(byte[] wav) throws AudioFormatException {
        return WavReader.decode(wav);
    }

    private static void assertSamples(AudioClip clip, int rate, float... expected) {
        assertEquals(rate, clip.sampleRate());
        assertArrayEquals(expected, clip.samples(), 1e-6f);
    }

    @Test
    void eightBitIsUnsignedAroundMidScale() throws Exception {
        byte[] data = {(byte) 128, (byte) 255, 0, (byte) 192};
        assertSamples(decode(new Wav().fmt(PCM, 1, 8000, 8).chunk("data", data).bytes()),
                8000, 0f, 127 / 128f, -1f, 0.5f);
    }

    @Test
    void sixteenBitSigned() throws Exception {
        byte[] data = le(6).putShort((short) 16384).putShort((short) -32768).putShort((short) 32767).array();
        assertSamples(decode(new Wav().fmt(PCM, 1, 16_000, 16).chunk("data", data).bytes()),
                16_000, 0.5f, -1f, 32767 / 32768f);
    }

    @Test
    void twentyFourBitSignedLittleEndian() throws Exception {
        byte[] data = {0, 0, 0x40, 0, 0, (byte) 0x80, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        assertSamples(decode(new Wav().fmt(PCM, 1, 48_000, 24).chunk("data", data).bytes()),
                48_000, 0.5f, -1f, -1f / 8388608f);
    }

    @Test
    void thirtyTwoBitInteger() throws Exception {
        byte[] data = le(8).putInt(Integer.MIN_VALUE).putInt(1 << 30).array();
        assertSamples(decode(new Wav().fmt(PCM, 1, 44_100, 32).chunk("data", data).bytes()),
                44_100, -1f, 0.5f);
    }

    @Test
    void thirtyTwoAndSixtyFourBitFloat() throws Exception {
        byte[] f32 = le(8).putFloat(0.25f).putFloat(-0.75f).array();
        byte[] f64 = le(16).putDouble(0.25).putDouble(-0.75).array();
        assertSamples(decode(new Wav().fmt(FLOAT, 1, 22_050, 32).chunk("data", f32).bytes()), 22_050, 0.25f, -0.75f);
        assertSamples(decode(new Wav().fmt(FLOAT, 1, 22_050, 64).chunk("data", f64).bytes()), 22_050, 0.25f, -0.75f);
    }

    @Test
    void extensibleUsesTheSubFormat() throws Exception {
        byte[] pcm = le(4).putShort((short) 16384).putShort((short) -16384).array();
        byte[] flt = le(4).putFloat(0.125f).array();
        assertSamples(decode(new Wav().extensibleFmt(PCM, 1, 32_000, 16).chunk("data", pcm).bytes()),
                32_000, 0.5f, -0.5f);
        assertSamples(decode(new Wav().extensibleFmt(FLOAT, 1, 32_000, 32).chunk("data", flt).bytes()),
                32_000, 0.125f);
    }

    @Test
    void stereoIsAveragedToMono() throws Exception {
        byte[] data = le(8).putShort((short) 16384).putShort((short) 0)
                .putShort((short) -32768).putShort((short) 16384).array();
        assertSamples(decode(new Wav().fmt(PCM, 2, 16_000, 16).chunk("data", data).bytes()), 16_000, 0.25f, -0.25f);
    }

    @Test
    void oddSizedChunkBeforeDataIsSkippedWithItsPadByte() throws Exception {
        byte[] data = le(2).putShort((short) 8192).array();
        byte[] wav = new Wav().fmt(PCM, 1, 16_000, 16).chunk("LIST", new byte[] {1, 2, 3})
                .chunk("data", data).bytes();
        assertSamples(decode(wav), 16_000, 0.25f);
    }

    @Test
    void readsFromAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tone.wav");
        WavWriter.writePcm16(file, new AudioClip(new float[] {0.5f, -0.5f}, 16_000));
        // WavWriter scales by 32767 and rounds half up; WavReader divides by 32768.
        assertSamples(WavReader.read(file), 16_000, 16384 / 32768f, -16383 / 32768f);
    }

    @Test
    void emptyFile() {
        assertError(new byte[0], "empty file");
    }

    @Test
    void notRiff() {
        assertError("hello, this is not audio".getBytes(StandardCharsets.US_ASCII), "not a WAV file");
    }

    @Test
    void truncatedDataChunk() {
        byte[] wav = new Wav().fmt(PCM, 1, 16_000, 16).chunk("data", new byte[10], 1000).bytes();
        assertError(wav, "truncated: data chunk declares 1000 bytes, file holds 10");
    }

    @Test
    void truncatedFmtChunk() {
        byte[] full = new Wav().fmt(PCM, 1, 16_000, 16).bytes();
        assertError(java.util.Arrays.copyOf(full, full.length - 6), "truncated: fmt chunk");
    }

    @Test
    void unsupportedEncoding() {
        byte[] wav = new Wav().fmt(ALAW, 1, 8000, 8).chunk("data", new byte[4]).bytes();
        assertError(wav, "unsupported WAV encoding (format tag 6)");
    }

    @Test
    void unsupportedSampleSize() {
        byte[] wav = new Wav().fmt(PCM, 1, 8000, 12).chunk("data", new byte[4]).bytes();
        assertError(wav, "unsupported sample size: 12-bit integer");
    }

    @Test
    void sampleRateOutOfRange() {
        byte[] low = new Wav().fmt(PCM, 1, 4000, 16).chunk("data", new byte[4]).bytes();
        byte[] high = new Wav().fmt(PCM, 1, 384_000, 16).chunk("data", new byte[4]).bytes();
        assertError(low, "sample rate 4000 Hz is outside 8000..192000 Hz");
        assertError(high, "sample rate 384000 Hz is outside 8000..192000 Hz");
    }

    @Test
    void missingChunks() {
        assertError(new Wav().fmt(PCM, 1, 8000, 16).bytes(), "no data chunk");
        assertError(new Wav().chunk("data", new byte[4]).bytes(), "data chunk before fmt chunk");
    }

    @Test
    void nonFiniteFloat() {
        byte[] data = le(8).putFloat(0f).putFloat(Float.NaN).array();
        assertError(new Wav().fmt(FLOAT, 1, 8000, 32).chunk("data", data).bytes(), "non-finite sample at frame 1");
    }

    @Test
    void fileErrorsNameTheFile(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.wav");
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> WavReader.read(missing));
        assertTrue(e.getMessage().endsWith("missing.wav: no such file"), e.getMessage());
        Path empty = Files.write(dir.resolve("empty.wav"), new byte[0]);
        e = assertThrows(AudioFormatException.class, () -> WavReader.read(empty));
        assertTrue(e.getMessage().endsWith("empty.wav: empty file"), e.getMessage());
    }

    private static void assertError(byte[] wav, String expectedStart) {
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> decode(wav));
        assertTrue(e.getMessage().startsWith(expectedStart), "message was: " + e.getMessage());
    }
}
