package dev.zebrastream.cli;

import dev.zebrastream.audio.AudioFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions into one line on stderr and an exit code: 2 for bad input (a file that is not
 * audio, a broken model directory, an invalid argument), 3 when Kafka does not answer in time (a wrong
 * bootstrap address, a broker that is down), 1 for anything unexpected. The stack
 * trace goes to the debug log only, so users see a message rather than a trace.
 */
final class UserErrorHandler implements IExecutionExceptionHandler {

    static final int BAD_INPUT = 2;
    static final int FAILURE = 1;
    static final int KAFKA_UNAVAILABLE = 3;
    private static final Logger LOG = LoggerFactory.getLogger(UserErrorHandler.class);

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        LOG.debug("command failed", ex);
        String command = cmd.getCommandSpec().qualifiedName();
        Throwable kafkaTimeout = kafkaTimeout(ex);
        if (kafkaTimeout != null) {
            String detail = kafkaTimeout.getMessage() == null ? "" : " (" + kafkaTimeout.getMessage() + ")";
            cmd.getErr().println(command + ": Kafka did not answer in time" + detail
                    + "; check --bootstrap, that the broker is running and that the topics exist");
            return KAFKA_UNAVAILABLE;
        }
        boolean badInput = isBadInput(ex);
        cmd.getErr().println(command + ": " + (badInput ? "" : "internal error: ") + message(ex));
        return badInput ? BAD_INPUT : FAILURE;
    }

    /** The Kafka client's timeout in the cause chain (producers wrap it in an ExecutionException), or null. */
    private static Throwable kafkaTimeout(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) {
                return t;
            }
        }
        return null;
    }

    /** A NoSuchFileException without a reason says only the path; say what is wrong with it. */
    private static String message(Exception ex) {
        if (ex instanceof NoSuchFileException missing && missing.getReason() == null) {
            return "file not found: " + missing.getFile();
        }
        return ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    }

    static boolean isBadInput(Throwable ex) {
        return ex instanceof AudioFormatException
                || ex instanceof IllegalArgumentException
                || ex instanceof UncheckedIOException
                || ex instanceof IOException;
    }
}
