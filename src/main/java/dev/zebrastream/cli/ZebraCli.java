package dev.zebrastream.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of `./zebra`: one sub-command per user task. */
@Command(name = "zebra",
        mixinStandardHelpOptions = true,
        version = "ZEBRA Stream 0.1.0",
        description = "Streaming zero-shot audio classification with CLAP and ZEBRA prompt learning.",
        subcommands = {
            CommandLine.HelpCommand.class,
            ClassifyCommand.class,
            SynthCommand.class,
            ZeroshotEvalCommand.class,
            EvaluateCommand.class,
            DemoCommand.class,
            RunCommand.class,
            BrokerCommand.class,
            ProduceCommand.class,
            ConsumeCommand.class,
            BenchmarkCommand.class,
            LabelCommand.class,
            PromptsCommand.class,
            ClassesCommand.class,
        })
public final class ZebraCli extends CommandGroup {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code; bad input maps to 2 with one line on stderr. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** As {@link #run(String...)}, writing to the given streams (tests read them back). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return new CommandLine(new ZebraCli())
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler(new UserErrorHandler())
                .setParameterExceptionHandler(ZebraCli::badArguments)
                .execute(args);
    }

    /** A mistyped option gets one line and a pointer to --help, not the whole usage text. */
    private static int badArguments(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + e.getMessage() + " (see --help)");
        return UserErrorHandler.BAD_INPUT;
    }
}
