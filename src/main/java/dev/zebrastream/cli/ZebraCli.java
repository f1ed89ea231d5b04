package dev.zebrastream.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

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

    static final String VERBOSE = "--verbose";

    /** Inherited by every sub-command; LogLevels counts it on each level of the parsed line. */
    @Option(names = {"-v", VERBOSE}, scope = ScopeType.INHERIT,
            description = "log INFO lines of every component (-vv: DEBUG); default: warnings and errors only")
    boolean[] verbose = new boolean[0];

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args,
                LogLevels::apply));
    }

    /** Runs a command line and returns its exit code; bad input maps to 2 with one line on stderr. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /**
     * As {@link #run(String...)}, writing to the given streams (tests read them back). The log levels are
     * left as they are: in-process callers own their JVM's logging.
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return execute(out, err, args, parsed -> { });
    }

    private static int execute(PrintWriter out, PrintWriter err, String[] args, Consumer<ParseResult> beforeCommand) {
        return new CommandLine(new ZebraCli())
                .setOut(out)
                .setErr(err)
                .setExecutionStrategy(parsed -> {
                    beforeCommand.accept(parsed);
                    return new CommandLine.RunLast().execute(parsed);
                })
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
