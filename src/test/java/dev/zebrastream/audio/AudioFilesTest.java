package dev.zebrastream.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files in the formats users have, made from one WAV by ffmpeg (installed by .ci/run): each reads
 * back at its own rate with the same audio, to within what its codec keeps.
 */
class AudioFilesTest {

    private static final Path SOURCE = Path.of("src", "test", "resources", "wav", "source-mono.wav");

    @TempDir
    Path dir;

    /** Format, ffmpeg output options, expected rate, and the least signal-to-difference in dB. */
    private record Case(String file, List<String> options, int rate, double minSnrDb) {
    }

    @Test
    void everyCommonFormatReadsBackAsTheSameAudio() throws Exception {
        AudioClip wav = WavReader.read(SOURCE);
        List<Case> cases = List.of(
                new Case("a.flac", List.of("-c:a", "flac"), wav.sampleRate(), 90),
                new Case("a.aiff", List.of("-c:a", "pcm_s16be"), wav.sampleRate(), 90),
                new Case("a.ogg", List.of("-c:a", "libvorbis", "-q:a", "6"), wav.sampleRate(), 20),
                new Case("a.mp3", List.of("-c:a", "libmp3lame", "-b:a", "192k"), wav.sampleRate(), 20),
                new Case("a.opus", List.of("-c:a", "libopus", "-b:a", "96k"), 48_000, 20));
        for (Case c : cases) {
            Path file = encode(c);
            AudioClip got = AudioFiles.read(file);
            assertEquals(c.rate(), got.sampleRate(), c.file());
            AudioClip comparable = Resampler.resample(got, wav.sampleRate());
            double seconds = comparable.samples().length / (double) comparable.sampleRate();
            assertEquals(wav.samples().length / (double) wav.sampleRate(), seconds, 0.08, c.file() + " length");
            double snr = bestSnrDb(wav.samples(), comparable.samples());
            System.out.printf(Locale.ROOT, "%s: %d Hz, %.3f s, %.1f dB against the WAV%n", c.file(), got.sampleRate(),
                    seconds, snr);
            assertTrue(snr >= c.minSnrDb(), c.file() + ": " + snr + " dB");
        }
    }

    @Test
    void withoutFfmpegACompressedFileGetsOneLineSayingWhatIsMissing() throws Exception {
        Path flac = encode(new Case("b.flac", List.of("-c:a", "flac"), 0, 0));
        AudioFormatException e = assertThrows(AudioFormatException.class,
                () -> AudioFiles.open(flac, "/nonexistent/ffmpeg"));
        assertEquals(flac + ": a FLAC file; reading it needs ffmpeg on PATH (Debian: apt-get install ffmpeg),"
                + " which was not found", e.getMessage());
    }

    @Test
    void aCorruptCompressedFileFailsWithFfmpegsReasonOnOneLine() throws Exception {
        Path bad = dir.resolve("bad.ogg");
        Files.write(bad, "OggS this is not an Ogg stream at all".getBytes());
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> AudioFiles.read(bad));
        assertTrue(e.getMessage().startsWith(bad + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("ffmpeg could not decode it"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void wavIsStillReadInJavaAndOtherFilesStillSayWhatTheyStartWith() throws Exception {
        assertEquals(WavReader.read(SOURCE).samples().length, AudioFiles.read(SOURCE).samples().length);
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "hello, not audio");
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> AudioFiles.read(text));
        assertTrue(e.getMessage().contains("starts with \"hello, n\""), e.getMessage());
    }

    private Path encode(Case c) throws Exception {
        Path out = dir.resolve(c.file());
        List<String> command = new java.util.ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y", "-i",
                SOURCE.toString()));
        command.addAll(c.options());
        command.add(out.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "ffmpeg (installed by .ci/run) encoding " + c.file() + ": " + log);
        return out;
    }

    /**
     * Signal-to-difference in dB at the best alignment within +-50 ms and gain: lossy codecs add a
     * delay (encoder padding) and change the level slightly.
     */
    private static double bestSnrDb(float[] reference, float[] test) {
        double best = Double.NEGATIVE_INFINITY;
        int maxShift = 800;
        for (int shift = -maxShift; shift <= maxShift; shift++) {
            double dot = 0;
            double refEnergy = 0;
            double testEnergy = 0;
            for (int i = maxShift; i < reference.length - maxShift && i + shift < test.length; i++) {
                double r = reference[i];
                double t = test[i + shift];
                dot += r * t;
                refEnergy += r * r;
                testEnergy += t * t;
            }
            if (testEnergy == 0 || refEnergy == 0) {
                continue;
            }
            double gain = dot / testEnergy;
            double error = refEnergy - 2 * gain * dot + gain * gain * testEnergy;
            best = Math.max(best, 10 * Math.log10(refEnergy / Math.max(error, 1e-20)));
        }
        return best;
    }
}
