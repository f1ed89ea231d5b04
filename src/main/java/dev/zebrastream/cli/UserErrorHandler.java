package dev.zebrastream.cli;

import dev.zebrastream.audio.AudioFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions into one line on stderr and an exit code: 2 for bad input (a file that is not
 * audio, a broken model directory, an invalid argument or Kafka client setting, credentials or TLS settings
 * the broker refuses), 3 when Kafka does not answer in time (a wrong bootstrap address, a broker that is
 * down, a security protocol the listener does not speak), 1 for anything unexpected. The stack trace goes to
 * the debug log only ({@code -vv}), so users see a message rather than a trace.
 */
final class UserErrorHandler implements IExecutionExceptionHandler {

    static final int BAD_INPUT = 2;
    static final int FAILURE = 1;
    static final int KAFKA_UNAVAILABLE = 3;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        // looked up here, not kept in a static field: the handler exists before the command line is
        // parsed, and slf4j-simple fixes its levels when the first logger is created (see LogLevels)
        LoggerFactory.getLogger(UserErrorHandler.class).debug("command failed", ex);
        String command = cmd.getCommandSpec().qualifiedName();
        Throwable timeout = cause(ex, TimeoutException.class);
        if (timeout != null) {
            cmd.getErr().println(command + ": Kafka did not answer in time" + detail(timeout)
                    + "; check --bootstrap, that the broker is running, that the topics exist and that "
                    + "security.protocol in --client-properties matches the listener");
            return KAFKA_UNAVAILABLE;
        }
        Throwable refused = cause(ex, AuthenticationException.class);
        if (refused != null) {
            cmd.getErr().println(command + ": Kafka refused this client's credentials or TLS settings" + detail(refused)
                    + "; check sasl.* and ssl.* in --client-properties");
            return BAD_INPUT;
        }
        Throwable config = cause(ex, ConfigException.class);
        if (config != null) {
            cmd.getErr().println(command + ": invalid Kafka client setting: " + config.getMessage());
            return BAD_INPUT;
        }
        boolean badInput = isBadInput(ex);
        cmd.getErr().println(command + ": " + (badInput ? "" : "internal error: ") + message(ex));
        return badInput ? BAD_INPUT : FAILURE;
    }

    /** The first exception of the type in the cause chain (clients wrap theirs in others), or null. */
    private static Throwable cause(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }

    private static String detail(Throwable t) {
        return t.getMessage() == null ? "" : " (" + t.getMessage() + ")";
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
