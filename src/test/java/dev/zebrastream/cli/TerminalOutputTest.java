package dev.zebrastream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zebrastream.testing.CliProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a terminal shows, with `zebra` in its own JVM: a failing one-shot command writes its error as the
 * only line on stderr, library log lines included; {@code -v} brings the INFO lines back.
 */
class TerminalOutputTest {

    private static final String NOBODY = "127.0.0.1:1";

    @TempDir
    Path dir;

    private Path shortTimeout() throws Exception {
        return Files.writeString(dir.resolve("zebra.properties"), "kafka.timeout.ms=2000\n");
    }

    private static void assertOnlyLine(CliProcess run, int exitCode, String start) {
        List<String> lines = run.errLines();
        System.out.printf("exit %d after %d ms, %d stderr line(s): %s%n", run.exitCode(), run.millis(), lines.size(),
                lines);
        assertEquals(exitCode, run.exitCode(), run.err());
        assertEquals(1, lines.size(), "the error is the only line on stderr:\n" + run.err());
        assertTrue(lines.get(0).startsWith(start), lines.get(0));
    }

    @Test
    void labelAgainstABrokerThatIsNotThereSaysSoInOneLine() throws Exception {
        CliProcess run = CliProcess.run(dir, "label", "sensor-1:0:0", "siren", "--bootstrap", NOBODY,
                "--config", shortTimeout().toString());
        assertOnlyLine(run, 3, "zebra label: Kafka did not answer in time (Topic zebra.labels not present in metadata");
        assertTrue(run.out().isEmpty(), run.out());
    }

    @Test
    void verboseShowsTheInfoLinesOfTheSameFailure() throws Exception {
        CliProcess run = CliProcess.run(dir, "label", "sensor-1:0:0", "siren", "--bootstrap", NOBODY,
                "--config", shortTimeout().toString(), "-v");
        long info = run.errLines().stream().filter(l -> l.contains(" INFO ")).count();
        System.out.printf("-v: exit %d after %d ms, %d stderr lines, %d at INFO%n", run.exitCode(), run.millis(),
                run.errLines().size(), info);
        assertEquals(3, run.exitCode());
        assertTrue(info > 0, "INFO lines with -v:\n" + run.err());
        assertTrue(run.errLines().get(run.errLines().size() - 1).startsWith("zebra label: Kafka did not answer in time"));
    }

    @Test
    void classifyOfAFileThatIsNotAudioSaysSoInOneLine() throws Exception {
        Path notAudio = Files.writeString(dir.resolve("notes.wav"), "just some text");
        assertOnlyLine(CliProcess.run(dir, "classify", notAudio.toString()), 2, "zebra classify: " + notAudio);
    }
}
