package dev.zebrastream.audio;

import static dev.zebrastream.testing.WavBytes.ALAW;
import static dev.zebrastream.testing.WavBytes.FLOAT;
import static dev.zebrastream.testing.WavBytes.IMA_ADPCM;
import static dev.zebrastream.testing.WavBytes.PCM;
import static dev.zebrastream.testing.WavBytes.le;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zebrastream.testing.WavBytes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PCM and float layouts, chunk walking, and every way a header can be refused. */
class WavReaderTest {

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
        assertSamples(decode(new WavBytes().fmt(PCM, 1, 8000, 8).chunk("data", data).bytes()),
                8000, 0f, 127 / 128f, -1f, 0.5f);
    }

    @Test
    void sixteenBitSigned() throws Exception {
        byte[] data = le(6).putShort((short) 16384).putShort((short) -32768).putShort((short) 32767).array();
        assertSamples(decode(new WavBytes().fmt(PCM, 1, 16_000, 16).chunk("data", data).bytes()),
                16_000, 0.5f, -1f, 32767 / 32768f);
    }

    @Test
    void twentyFourBitSignedLittleEndian() throws Exception {
        byte[] data = {0, 0, 0x40, 0, 0, (byte) 0x80, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        assertSamples(decode(new WavBytes().fmt(PCM, 1, 48_000, 24).chunk("data", data).bytes()),
                48_000, 0.5f, -1f, -1f / 8388608f);
    }

    @Test
    void thirtyTwoBitInteger() throws Exception {
        byte[] data = le(8).putInt(Integer.MIN_VALUE).putInt(1 << 30).array();
        assertSamples(decode(new WavBytes().fmt(PCM, 1, 44_100, 32).chunk("data", data).bytes()),
                44_100, -1f, 0.5f);
    }

    @Test
    void thirtyTwoAndSixtyFourBitFloat() throws Exception {
        byte[] f32 = le(8).putFloat(0.25f).putFloat(-0.75f).array();
        byte[] f64 = le(16).putDouble(0.25).putDouble(-0.75).array();
        assertSamples(decode(new WavBytes().fmt(FLOAT, 1, 22_050, 32).chunk("data", f32).bytes()), 22_050, 0.25f, -0.75f);
        assertSamples(decode(new WavBytes().fmt(FLOAT, 1, 22_050, 64).chunk("data", f64).bytes()), 22_050, 0.25f, -0.75f);
    }

    @Test
    void extensibleUsesTheSubFormat() throws Exception {
        byte[] pcm = le(4).putShort((short) 16384).putShort((short) -16384).array();
        byte[] flt = le(4).putFloat(0.125f).array();
        assertSamples(decode(new WavBytes().extensibleFmt(PCM, 1, 32_000, 16).chunk("data", pcm).bytes()),
                32_000, 0.5f, -0.5f);
        assertSamples(decode(new WavBytes().extensibleFmt(FLOAT, 1, 32_000, 32).chunk("data", flt).bytes()),
                32_000, 0.125f);
    }

    @Test
    void stereoIsAveragedToMono() throws Exception {
        byte[] data = le(8).putShort((short) 16384).putShort((short) 0)
                .putShort((short) -32768).putShort((short) 16384).array();
        assertSamples(decode(new WavBytes().fmt(PCM, 2, 16_000, 16).chunk("data", data).bytes()), 16_000, 0.25f, -0.25f);
    }

    @Test
    void oddSizedChunkBeforeDataIsSkippedWithItsPadByte() throws Exception {
        byte[] data = le(2).putShort((short) 8192).array();
        byte[] wav = new WavBytes().fmt(PCM, 1, 16_000, 16).chunk("LIST", new byte[] {1, 2, 3})
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
        assertError("hello, this is not audio".getBytes(StandardCharsets.US_ASCII),
                "not a WAV file: starts with \"hello, t\"");
    }

    @Test
    void truncatedFmtChunk() {
        byte[] full = new WavBytes().fmt(PCM, 1, 16_000, 16).bytes();
        assertError(java.util.Arrays.copyOf(full, full.length - 6), "truncated: fmt chunk");
    }

    @Test
    void unsupportedEncodingNamesTheTag() {
        byte[] mp3 = new WavBytes().fmt(0x55, 1, 8000, 0, 1).chunk("data", new byte[4]).bytes();
        assertError(mp3, "unsupported WAV format tag 85 (0x0055); supported: integer PCM, IEEE float, A-law");
        byte[] msAdpcm = new WavBytes().extensibleFmt(2, 1, 8000, 4, 256).chunk("data", new byte[4]).bytes();
        assertError(msAdpcm, "unsupported WAV format tag 2 (0x0002)");
    }

    @Test
    void impossibleFmtFieldsAreRefused() {
        assertError(new WavBytes().fmt(PCM, 0, 8000, 16).chunk("data", new byte[4]).bytes(),
                "fmt chunk says 0 channels");
        assertError(new WavBytes().fmt(PCM, 1, 0, 16).chunk("data", new byte[4]).bytes(),
                "sample rate 0 Hz is outside 8000..192000 Hz");
        assertError(new WavBytes().fmt(PCM, 1, 8000, 0).chunk("data", new byte[4]).bytes(),
                "unsupported sample size: 0-bit integer");
        assertError(new WavBytes().fmt(ALAW, 1, 8000, 16).chunk("data", new byte[4]).bytes(),
                "unsupported sample size: 16-bit A-law");
        assertError(new WavBytes().fmt(PCM, 2, 8000, 16, 60_000).chunk("data", new byte[4]).bytes(),
                "block align 60000 does not fit 2 channel(s) of 16-bit integer samples");
        assertError(new WavBytes().fmt(IMA_ADPCM, 2, 8000, 4, 250).chunk("data", new byte[4]).bytes(),
                "block align 250 does not fit 2 channel(s) of 4-bit IMA ADPCM samples");
    }

    @Test
    void implausibleOrShortHeaderChunks() {
        assertError(new WavBytes().chunk("fmt ", new byte[16], 0x7FFF_FFFFL).bytes(),
                "fmt chunk declares an implausible 2147483647 bytes");
        assertError(new WavBytes().chunk("fmt ", new byte[12]).chunk("data", new byte[4]).bytes(),
                "fmt chunk too short (12 bytes)");
        assertError(new WavBytes().chunk("LIST", new byte[8], 0xFFFF_FFF0L).bytes(), "no fmt chunk");
    }

    @Test
    void otherFormatsAreNamedFromTheirFirstBytes() {
        assertError("OggS\0\2\0\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1),
                "not a WAV file: an Ogg file (starts with \"OggS\")");
        assertError("fLaC\0\0\0\"".getBytes(StandardCharsets.ISO_8859_1),
                "not a WAV file: a FLAC file (starts with \"fLaC\")");
        assertError("RIFF\4\0\0\0AVI ".getBytes(StandardCharsets.ISO_8859_1),
                "not a WAV file: RIFF form type \"AVI \", not \"WAVE\"");
        assertError("RIFF\4\0".getBytes(StandardCharsets.ISO_8859_1), "not a WAV file: RIFF header cut off after 6 bytes");
        assertError(new byte[] {1, (byte) 0xFE, 3}, "not a WAV file: starts with bytes 01 fe 03");
    }

    @Test
    void unsupportedSampleSize() {
        byte[] wav = new WavBytes().fmt(PCM, 1, 8000, 12).chunk("data", new byte[4]).bytes();
        assertError(wav, "unsupported sample size: 12-bit integer");
    }

    @Test
    void sampleRateOutOfRange() {
        byte[] low = new WavBytes().fmt(PCM, 1, 4000, 16).chunk("data", new byte[4]).bytes();
        byte[] high = new WavBytes().fmt(PCM, 1, 384_000, 16).chunk("data", new byte[4]).bytes();
        assertError(low, "sample rate 4000 Hz is outside 8000..192000 Hz");
        assertError(high, "sample rate 384000 Hz is outside 8000..192000 Hz");
    }

    @Test
    void missingChunks() {
        assertError(new WavBytes().fmt(PCM, 1, 8000, 16).bytes(), "no data chunk");
        assertError(new WavBytes().chunk("data", new byte[4]).bytes(), "data chunk before fmt chunk");
    }

    @Test
    void nonFiniteFloat() {
        byte[] data = le(8).putFloat(0f).putFloat(Float.NaN).array();
        assertError(new WavBytes().fmt(FLOAT, 1, 8000, 32).chunk("data", data).bytes(), "non-finite sample at frame 1");
    }

    @Test
    void fileErrorsNameTheFile(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.wav");
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> WavReader.read(missing));
        assertTrue(e.getMessage().endsWith("missing.wav: file not found"), e.getMessage());
        Path empty = Files.write(dir.resolve("empty.wav"), new byte[0]);
        e = assertThrows(AudioFormatException.class, () -> WavReader.read(empty));
        assertTrue(e.getMessage().endsWith("empty.wav: empty file"), e.getMessage());
        e = assertThrows(AudioFormatException.class, () -> WavReader.read(dir));
        assertEquals(dir + ": is a directory", e.getMessage());
    }

    private static void assertError(byte[] wav, String expectedStart) {
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> decode(wav));
        assertTrue(e.getMessage().startsWith(expectedStart), "message was: " + e.getMessage());
    }
}
