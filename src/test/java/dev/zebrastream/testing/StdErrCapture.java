package dev.zebrastream.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What a piece of code writes to System.err, where the SLF4J simple logger writes: lets a test
 * assert on a warning. Not for tests that run in parallel with others.
 */
public final class StdErrCapture {

    /** Code under test that may throw. */
    public interface Action {
        void run() throws Exception;
    }

    private StdErrCapture() {
    }

    public static String of(Action action) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
