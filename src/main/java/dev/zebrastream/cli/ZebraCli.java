package dev.zebrastream.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of `./zebra`: one sub-command per user task. */
@Command(name = "zebra",
        mixinStandardHelpOptions = true,
        version = "ZEBRA Stream 0.1.0",
        description = "Streaming zero-shot audio classification with CLAP and ZEBRA prompt learning.",
        subcommands = {
            CommandLine.HelpCommand.class,
            SynthCommand.class,
        })
public final class ZebraCli implements Callable<Integer> {

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code; bad input maps to 2 with one line on stderr. */
    public static int run(String... args) {
        return new CommandLine(new ZebraCli())
                .setExecutionExceptionHandler(new UserErrorHandler())
                .execute(args);
    }
}
