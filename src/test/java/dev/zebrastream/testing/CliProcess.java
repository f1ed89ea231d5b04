package dev.zebrastream.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs `zebra` in its own JVM through {@code ZebraCli.main}, as a user's terminal does: unlike
 * {@link CliRun}, stderr then holds everything the process writes there, library log lines included.
 */
public record CliProcess(int exitCode, String out, String err, long millis) {

    /** A process builder for `zebra ARGS` on the test class path. */
    public static ProcessBuilder builder(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.zebrastream.cli.ZebraCli"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("OPT_OUT_TRACKING", "true");
        return pb;
    }

    /** Runs `zebra ARGS` to its end (at most two minutes), with stdout and stderr kept apart. */
    public static CliProcess run(Path dir, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        long started = System.nanoTime();
        Process p = builder(args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("zebra " + String.join(" ", args) + " did not end within two minutes");
        }
        return new CliProcess(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), (System.nanoTime() - started) / 1_000_000);
    }

    /** The lines on stderr. */
    public List<String> errLines() {
        return err.lines().toList();
    }
}
