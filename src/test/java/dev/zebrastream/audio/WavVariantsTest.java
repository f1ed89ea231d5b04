package dev.zebrastream.audio;

import static dev.zebrastream.testing.WavBytes.ALAW;
import static dev.zebrastream.testing.WavBytes.DATA_SIZE_AT;
import static dev.zebrastream.testing.WavBytes.FLOAT;
import static dev.zebrastream.testing.WavBytes.IMA_ADPCM;
import static dev.zebrastream.testing.WavBytes.MULAW;
import static dev.zebrastream.testing.WavBytes.PCM;
import static dev.zebrastream.testing.WavBytes.RIFF_SIZE_AT;
import static dev.zebrastream.testing.WavBytes.UNKNOWN_SIZE;
import static dev.zebrastream.testing.WavBytes.pcm16;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zebrastream.testing.StdErrCapture;
import dev.zebrastream.testing.WavBytes;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * WAV written to pipes, RF64, G.711, IMA ADPCM and files cut off mid-data. The files under
 * src/test/resources/wav/ were made with SoX v14.4.2 (-D: no dither, so every run gives the same bytes):
 * <pre>
 * sox -D -n -r 8000 -c 1 -b 16 -e signed-integer source-mono.wav synth 0.5 sine 200:3000 gain -3
 * sox -D source-mono.wav -e ima-adpcm ima-mono.wav
 * sox -D ima-mono.wav -e signed-integer -b 16 ima-mono-pcm16.wav
 * sox -D -n -r 11025 -c 2 -e ima-adpcm ima-stereo.wav synth 0.5 sine 300:2000 sine 2500:500 gain -3
 * sox -D ima-stereo.wav -e signed-integer -b 16 ima-stereo-pcm16.wav
 * sox -D source-mono.wav -e u-law ulaw.wav
 * sox -D ulaw.wav -e signed-integer -b 16 ulaw-pcm16.wav
 * sox -D source-mono.wav -e a-law alaw.wav
 * sox -D alaw.wav -e signed-integer -b 16 alaw-pcm16.wav
 * sox -D -n -r 8000 -c 1 -b 16 -e signed-integer -t wav - synth 0.25 sine 440 | cat > pipe-sox.wav
 * sox -D -n -r 8000 -c 1 -b 16 -e signed-integer pipe-sox-reference.wav synth 0.25 sine 440
 * </pre>
 * The *-pcm16.wav files are SoX's own decoding, the reference ours must match.
 */
class WavVariantsTest {

    private static final Path FIXTURES = Path.of("src", "test", "resources", "wav");

    private static AudioClip fixture(String name) throws Exception {
        return WavReader.read(FIXTURES.resolve(name));
    }

    private static float[] decode(byte[] wav) throws AudioFormatException {
        return WavReader.decode(wav).samples();
    }

    @Test
    void sizesLeftUnknownByAPipeWriterMeanToTheEndOfTheFile() throws Exception {
        // Five whole frames and half of a sixth (the builder's pad byte dropped): the half frame is not audio.
        byte[] padded = new WavBytes().fmt(PCM, 1, 8000, 16).chunk("data", Arrays.copyOf(pcm16(1, 2, 3, 4, 5), 11))
                .bytes();
        byte[] wav = Arrays.copyOf(padded, padded.length - 1);
        long[][] riffAndData = {{UNKNOWN_SIZE, UNKNOWN_SIZE}, {0, 0}, {0x7FFFF024L, 0x7FFFF000L},
            {wav.length - 8, UNKNOWN_SIZE}, {UNKNOWN_SIZE, 10}, {0, 10}};
        for (long[] sizes : riffAndData) {
            byte[] piped = WavBytes.withSize(WavBytes.withSize(wav, RIFF_SIZE_AT, sizes[0]), DATA_SIZE_AT, sizes[1]);
            String warnings = StdErrCapture.of(() -> assertArrayEquals(
                    new float[] {1 / 32768f, 2 / 32768f, 3 / 32768f, 4 / 32768f, 5 / 32768f}, decode(piped),
                    "RIFF size " + sizes[0] + ", data size " + sizes[1]));
            assertEquals("", warnings, "a pipe-written file is not truncated");
        }
        System.out.println("pipe-style headers tried: " + riffAndData.length + ", all read to the end of the data");
    }

    @Test
    void soxWritingToAPipeGivesTheSameAudioAsSoxWritingAFile() throws Exception {
        byte[] header = Arrays.copyOf(Files.readAllBytes(FIXTURES.resolve("pipe-sox.wav")), 44);
        assertEquals(0x7FFFF000, ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getInt(DATA_SIZE_AT),
                "the fixture carries SoX's placeholder size");
        AudioClip piped = fixture("pipe-sox.wav");
        assertEquals(2000, piped.samples().length);
        assertArrayEquals(fixture("pipe-sox-reference.wav").samples(), piped.samples());
    }

    @Test
    void rf64TakesTheDataSizeFromDs64() throws Exception {
        byte[] data = pcm16(100, -200, 300);
        // The 64-bit size stops the read before the chunk that follows the data.
        byte[] rf64 = new WavBytes().fmt(PCM, 1, 16_000, 16).chunk("data", data, UNKNOWN_SIZE)
                .chunk("LIST", new byte[8]).rf64(data.length);
        assertArrayEquals(new float[] {100 / 32768f, -200 / 32768f, 300 / 32768f}, decode(rf64));
        byte[] float64 = WavBytes.le(16).putDouble(0.5).putDouble(-0.25).array();
        byte[] extensible = new WavBytes().extensibleFmt(FLOAT, 1, 48_000, 64).chunk("data", float64, UNKNOWN_SIZE)
                .rf64(float64.length);
        assertArrayEquals(new float[] {0.5f, -0.25f}, decode(extensible));
        // A data chunk whose 32-bit size is real is taken at its word, as in RIFF.
        byte[] small = new WavBytes().fmt(PCM, 1, 16_000, 16).chunk("data", data, 4).rf64(UNKNOWN_SIZE);
        assertArrayEquals(new float[] {100 / 32768f, -200 / 32768f}, decode(small));
    }

    @Test
    void g711CodesExpandToTheStandardsValues() throws Exception {
        byte[] everyCode = new byte[256];
        for (int c = 0; c < 256; c++) {
            everyCode[c] = (byte) c;
        }
        float[] mu = decode(new WavBytes().fmt(MULAW, 1, 8000, 8).chunk("data", everyCode).bytes());
        float[] a = decode(new WavBytes().fmt(ALAW, 1, 8000, 8).chunk("data", everyCode).bytes());
        // µ-law: 0xFF is zero, 0x80 and 0x00 the extremes +-32124; A-law: 0xD5 and 0x55 are +-8, 0xAA 32256.
        assertEquals(0f, mu[0xFF]);
        assertEquals(32124 / 32768f, mu[0x80]);
        assertEquals(-32124 / 32768f, mu[0x00]);
        assertEquals(8 / 32768f, a[0xD5]);
        assertEquals(-8 / 32768f, a[0x55]);
        assertEquals(32256 / 32768f, a[0xAA]);
        // The compressor below (written from G.711's segment rules) maps every expanded value back to its code.
        for (int c = 0; c < 256; c++) {
            assertEquals(mu[c], mu[muLaw(Math.round(mu[c] * 32768))], "µ-law code " + c);
            assertEquals(a[c], a[aLaw(Math.round(a[c] * 32768))], "A-law code " + c);
        }
    }

    @Test
    void g711FromTheFormulaFollowsTheSignalWithinItsQuantisation() throws Exception {
        int n = 800;
        byte[] mu = new byte[n];
        byte[] a = new byte[n];
        float[] signal = new float[n];
        for (int i = 0; i < n; i++) {
            int linear = (int) Math.round(30_000 * Math.sin(2 * Math.PI * 440 * i / 8000.0) * (i + 1) / n);
            signal[i] = linear / 32768f;
            mu[i] = (byte) muLaw(linear);
            a[i] = (byte) aLaw(linear);
        }
        assertWithinCompanding(signal, decode(new WavBytes().fmt(MULAW, 1, 8000, 8).chunk("data", mu).bytes()));
        assertWithinCompanding(signal, decode(new WavBytes().fmt(ALAW, 1, 8000, 8).chunk("data", a).bytes()));
        byte[] stereo = new byte[2 * n];
        for (int i = 0; i < n; i++) {
            stereo[2 * i] = mu[i];
            stereo[2 * i + 1] = (byte) muLaw(0);
        }
        float[] halved = new float[n];
        for (int i = 0; i < n; i++) {
            halved[i] = signal[i] / 2;
        }
        assertWithinCompanding(halved,
                decode(new WavBytes().extensibleFmt(MULAW, 2, 8000, 8).chunk("data", stereo).bytes()));
    }

    @Test
    void g711MatchesSoxsOwnDecoding() throws Exception {
        for (String law : new String[] {"ulaw", "alaw"}) {
            float[] ours = fixture(law + ".wav").samples();
            assertArrayEquals(fixture(law + "-pcm16.wav").samples(), ours, law);
            assertWithinCompanding(fixture("source-mono.wav").samples(), ours);
        }
    }

    @Test
    void imaAdpcmMatchesSoxsOwnDecoding() throws Exception {
        // SoX decodes the whole last block; the fact chunk says how many of its frames are real.
        float[] mono = fixture("ima-mono.wav").samples();
        assertEquals(4000, mono.length, "fact chunk: 0.5 s at 8 kHz");
        assertArrayEquals(Arrays.copyOf(fixture("ima-mono-pcm16.wav").samples(), 4000), mono);
        float[] source = fixture("source-mono.wav").samples();
        // 4-bit ADPCM of a chirp up to 3 kHz at 8 kHz keeps about 20 dB; unrelated audio would give 0 or less.
        assertTrue(snrDb(source, mono) > 15, "ADPCM follows its source: " + snrDb(source, mono) + " dB");
        // Stereo: SoX's 16-bit decoding read by our PCM path is averaged to mono just as the ADPCM is.
        float[] stereo = fixture("ima-stereo.wav").samples();
        assertEquals(5512, stereo.length, "fact chunk: 0.5 s at 11025 Hz");
        assertArrayEquals(Arrays.copyOf(fixture("ima-stereo-pcm16.wav").samples(), 5512), stereo, 1e-7f);
    }

    @Test
    void imaAdpcmInsideExtensibleWithoutFactDecodesEveryBlock() throws Exception {
        byte[] data = dataChunkOf(Files.readAllBytes(FIXTURES.resolve("ima-mono.wav")));
        byte[] wav = new WavBytes().extensibleFmt(IMA_ADPCM, 1, 8000, 4, 256).chunk("data", data).bytes();
        assertArrayEquals(fixture("ima-mono-pcm16.wav").samples(), decode(wav));
    }

    @Test
    void fileCutOffMidDataIsReadUpToTheCutWithOneWarning() throws Exception {
        // Stereo 16-bit declaring 1000 bytes, holding 2 frames and half of a third.
        byte[] cut = new WavBytes().fmt(PCM, 2, 16_000, 16).chunk("data", pcm16(100, 300, -100, -300, 7), 1000).bytes();
        float[][] read = new float[1][];
        String log = StdErrCapture.of(() -> read[0] = decode(cut));
        assertArrayEquals(new float[] {200 / 32768f, -200 / 32768f}, read[0]);
        assertEquals(1, log.lines().count(), log);
        assertTrue(log.contains("WARN") && log.contains(
                "truncated: data chunk declares 1000 bytes, file holds 10; read 2 frames (0.000 s)"), log);
    }

    @Test
    void adpcmCutOffMidBlockKeepsTheWholeFramesOfThatBlock() throws Exception {
        byte[] full = Files.readAllBytes(FIXTURES.resolve("ima-mono.wav"));
        int dataStart = full.length - dataChunkOf(full).length;
        // Two whole 256-byte blocks, then the third's header, ten 4-byte groups and three stray bytes.
        byte[] cut = Arrays.copyOf(full, dataStart + 2 * 256 + 4 + 10 * 4 + 3);
        float[][] read = new float[1][];
        String log = StdErrCapture.of(() -> read[0] = decode(cut));
        int frames = 2 * 505 + 1 + 10 * 8;
        assertArrayEquals(Arrays.copyOf(fixture("ima-mono.wav").samples(), frames), read[0]);
        assertTrue(log.contains("read " + frames + " frames"), log);
    }

    /** µ-law code of a 16-bit value: bias 132, segment = position of the top bit, 4 mantissa bits, inverted. */
    private static int muLaw(int linear) {
        int sign = linear < 0 ? 0x80 : 0;
        int magnitude = Math.min(Math.abs(linear), 32635) + 0x84;
        int segment = 31 - Integer.numberOfLeadingZeros(magnitude) - 7;
        int mantissa = (magnitude >> (segment + 3)) & 0x0F;
        return ~(sign | segment << 4 | mantissa) & 0xFF;
    }

    /** A-law code of a 16-bit value: segment 0 is linear below 256, then one per octave; even bits inverted. */
    private static int aLaw(int linear) {
        int sign = linear >= 0 ? 0x80 : 0;
        int magnitude = Math.min(Math.abs(linear), 32767);
        int segment = magnitude < 256 ? 0 : 31 - Integer.numberOfLeadingZeros(magnitude) - 7;
        int mantissa = segment == 0 ? magnitude >> 4 : (magnitude >> (segment + 3)) & 0x0F;
        return (sign | segment << 4 | mantissa) ^ 0x55;
    }

    /** Companding keeps about 4 significant bits: error within 1/32 of the value plus the finest step. */
    private static void assertWithinCompanding(float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], Math.abs(expected[i]) / 32 + 16 / 32768f, "sample " + i);
        }
    }

    private static double snrDb(float[] reference, float[] test) {
        double signal = 0;
        double noise = 0;
        for (int i = 0; i < reference.length; i++) {
            signal += reference[i] * (double) reference[i];
            noise += (reference[i] - test[i]) * (double) (reference[i] - test[i]);
        }
        return 10 * Math.log10(signal / noise);
    }

    /** The body of the data chunk of a file whose data chunk is its last. */
    private static byte[] dataChunkOf(byte[] wav) {
        for (int pos = 12; ; ) {
            int size = ByteBuffer.wrap(wav, pos + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            if (new String(wav, pos, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("data")) {
                return Arrays.copyOfRange(wav, pos + 8, pos + 8 + size);
            }
            pos += 8 + size + (size & 1);
        }
    }
}
