package dev.zebrastream.cli;

import dev.zebrastream.audio.AudioFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions into one line on stderr and an exit code: 2 for bad input (a file that is not
 * audio, a broken model directory, an invalid argument), 1 for anything unexpected. The stack
 * trace goes to the debug log only, so users see a message rather than a trace.
 */
final class UserErrorHandler implements IExecutionExceptionHandler {

    static final int BAD_INPUT = 2;
    static final int FAILURE = 1;
    private static final Logger LOG = LoggerFactory.getLogger(UserErrorHandler.class);

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        LOG.debug("command failed", ex);
        boolean badInput = isBadInput(ex);
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        cmd.getErr().println("zebra " + cmd.getCommandName() + ": " + (badInput ? "" : "internal error: ") + message);
        return badInput ? BAD_INPUT : FAILURE;
    }

    static boolean isBadInput(Throwable ex) {
        return ex instanceof AudioFormatException
                || ex instanceof IllegalArgumentException
                || ex instanceof UncheckedIOException
                || ex instanceof IOException;
    }
}
