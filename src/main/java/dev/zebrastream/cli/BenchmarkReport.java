package dev.zebrastream.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The `--json` switch of the stream benchmarks and where their results go. */
final class BenchmarkReport {

    @Option(names = "--json", description = "print the result as one JSON object instead of a table")
    boolean json;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Prints the result as one JSON object with --json, otherwise the benchmark's own table. */
    void print(Object result, Runnable table) throws Exception {
        if (json) {
            out().println(new ObjectMapper().writeValueAsString(result));
        } else {
            table.run();
        }
    }
}
