package dev.zebrastream.cli;

import static dev.zebrastream.testing.WavBytes.PCM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zebrastream.audio.AudioClip;
import dev.zebrastream.audio.WavWriter;
import dev.zebrastream.testing.CliRun;
import dev.zebrastream.testing.StdErrCapture;
import dev.zebrastream.testing.WavBytes;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that are not usable audio, given to classify and produce together with usable ones: each bad
 * file gets exactly one line on stderr, naming it and saying why, never a stack trace; the others
 * are still done (classify) or nothing is published at all (produce); the exit code is 2.
 */
class BadFileCorpusTest {

    @TempDir
    Path dir;

    /** Bad file -> what its line must say after "path: ". */
    private final Map<Path, String> bad = new LinkedHashMap<>();
    /** Files that must be read: a good one, one cut off mid-data and (when root reads it anyway) the chmod 000 one. */
    private final List<Path> readable = new ArrayList<>();
    private Path unreadable;

    @BeforeEach
    void writeCorpus() throws Exception {
        byte[] tenthOfASecond = WavWriter.encodePcm16(tone(1600));
        bad.put(write("empty.wav", new byte[0]), "empty file");
        bad.put(write("random.wav", randomBytes()), "not a WAV file: starts with bytes ");
        bad.put(write("riff-header-only.wav", new WavBytes().bytes()), "no fmt chunk");
        bad.put(write("zero-channels.wav", withData(new WavBytes().fmt(PCM, 0, 16_000, 16))), "fmt chunk says 0 channels");
        bad.put(write("zero-rate.wav", withData(new WavBytes().fmt(PCM, 1, 0, 16))), "sample rate 0 Hz is outside");
        bad.put(write("zero-bits.wav", withData(new WavBytes().fmt(PCM, 1, 16_000, 0))),
                "unsupported sample size: 0-bit integer");
        bad.put(write("absurd-block-align.wav", withData(new WavBytes().fmt(PCM, 1, 16_000, 16, 65_535))),
                "block align 65535 does not fit");
        bad.put(write("song.ogg", "OggS\0\2\0\0\0\0\0\0\0\0".getBytes()), "ffmpeg could not decode it: ");
        bad.put(write("song.flac", "fLaC\0\0\0\"\u0010\0".getBytes()), "ffmpeg could not decode it: ");
        bad.put(Files.createDirectory(dir.resolve("folder.wav")), "is a directory");
        bad.put(dir.resolve("missing.wav"), "file not found");
        readable.add(write("data-size-past-end.wav", WavBytes.withSize(tenthOfASecond, WavBytes.DATA_SIZE_AT, 100_000)));
        unreadable = write("unreadable.wav", tenthOfASecond);
        Files.setPosixFilePermissions(unreadable, PosixFilePermissions.fromString("---------"));
        if (deniesReading(unreadable)) {
            bad.put(unreadable, "permission denied");
        } else {
            readable.add(unreadable); // root reads through chmod 000, so the file is simply good
        }
        readable.add(write("good.wav", tenthOfASecond));
    }

    @AfterEach
    void makeDeletable() throws Exception {
        Files.setPosixFilePermissions(unreadable, PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void classifyReportsEachBadFileOnOneLineAndGoesOn() throws Exception {
        CliRun[] run = new CliRun[1];
        String log = StdErrCapture.of(() -> run[0] = CliRun.of(args("classify", "--json")));
        assertEquals(2, run[0].exitCode(), run[0].err());
        assertOneLinePerBadFile(run[0].err(), "zebra classify: ");
        for (Path p : readable) {
            assertTrue(run[0].out().contains("\"file\":\"" + p + "\""), p + " was classified: " + run[0].out());
        }
        long warnings = log.lines().filter(l -> l.contains("WARN") && l.contains("truncated")).count();
        assertEquals(1, warnings, "one warning, for the file cut off mid-data: " + log);
        System.out.printf("classify corpus: %d files tried: %d refused with one line each, %d classified "
                + "(1 of them truncated, with one warning); unreadable.wav %s%n", bad.size() + readable.size(),
                bad.size(), readable.size(), bad.containsKey(unreadable) ? "refused" : "readable (running as root)");
    }

    @Test
    void produceReportsEachBadFileOnOneLineAndPublishesNothing() throws Exception {
        CliRun run = CliRun.of(args("produce", "--sensor", "s1", "--fast", "--bootstrap", "127.0.0.1:1"));
        assertEquals(2, run.exitCode(), run.err());
        assertOneLinePerBadFile(run.err(), "zebra produce: ");
        assertFalse(run.out().contains("published"), "stopped before publishing: " + run.out());
        int alone = 0;
        for (Map.Entry<Path, String> b : bad.entrySet()) {
            CliRun single = CliRun.of("produce", "--sensor", "s1", "--fast", "--bootstrap", "127.0.0.1:1",
                    b.getKey().toString());
            assertEquals(2, single.exitCode(), b.getKey() + ": " + single.err());
            List<String> lines = single.err().strip().lines().toList();
            assertEquals(1, lines.size(), single.err());
            assertTrue(lines.get(0).startsWith("zebra produce: " + b.getKey() + ": " + b.getValue()), single.err());
            alone++;
        }
        System.out.printf("produce corpus: %d files tried together: %d refused with one line each, nothing "
                + "published; %d bad files tried alone: each exit 2 with one line%n",
                bad.size() + readable.size(), bad.size(), alone);
    }

    private String[] args(String... command) {
        List<String> all = new ArrayList<>(Arrays.asList(command));
        bad.keySet().forEach(p -> all.add(p.toString()));
        readable.forEach(p -> all.add(p.toString()));
        return all.toArray(String[]::new);
    }

    private void assertOneLinePerBadFile(String err, String prefix) {
        List<String> lines = err.strip().lines().toList();
        assertEquals(bad.size(), lines.size(), "one line per bad file:\n" + err);
        for (Map.Entry<Path, String> b : bad.entrySet()) {
            String expected = prefix + b.getKey() + ": " + b.getValue();
            assertEquals(1, lines.stream().filter(l -> l.startsWith(expected)).count(), expected + " in\n" + err);
        }
        assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
    }

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    private static byte[] withData(WavBytes header) {
        return header.chunk("data", new byte[64]).bytes();
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[4096];
        new SplittableRandom(7).nextBytes(b);
        b[0] = 0x13; // not printable, so the message shows hex
        return b;
    }

    private static AudioClip tone(int samples) {
        float[] s = new float[samples];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / 16_000.0));
        }
        return new AudioClip(s, 16_000);
    }

    /** Whether this process really cannot read the file (root can, whatever the mode says). */
    private static boolean deniesReading(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return false;
        } catch (AccessDeniedException e) {
            return true;
        }
    }
}
