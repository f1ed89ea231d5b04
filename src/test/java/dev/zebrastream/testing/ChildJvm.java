package dev.zebrastream.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A long-running {@code zebra} command in its own JVM, so that SIGKILL and SIGTERM hit a real process,
 * as an operator's would ({@link CliProcess} runs one to its end). Its output goes to a log file that
 * failures can point at.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final Path log;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code zebra <args>} with the given extra environment; output to {@code log}. */
    public static ChildJvm start(Path log, Map<String, String> env, String... args) throws IOException {
        ProcessBuilder pb = CliProcess.builder(args);
        pb.environment().put("ZEBRA_METRICS_PORT", "0");
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return new ChildJvm(pb.start(), log);
    }

    /** {@code zebra run} against {@code bootstrap} with its state in {@code dataDir}. */
    public static ChildJvm run(Path log, String bootstrap, Path dataDir) throws IOException {
        return start(log, Map.of(), "run", "--bootstrap", bootstrap, "--data-dir", dataDir.toString(),
                "--model", TestModels.TINY_CLAP.toString(), "--batch-size", "4");
    }

    /** {@code zebra broker} on a fixed port, so that a restarted broker is found at the same address. */
    public static ChildJvm broker(Path log, int port, Path dataDir) throws IOException {
        return start(log, Map.of(), "broker", "--port", Integer.toString(port), "--data-dir", dataDir.toString());
    }

    /** SIGKILL: no shutdown hook, no flush, no leaving the group. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, then up to 60 s for a clean shutdown. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** Lines of the log that contain {@code text}. */
    public long logLines(String text) throws IOException {
        try (var lines = Files.lines(log)) {
            return lines.filter(l -> l.contains(text)).count();
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
