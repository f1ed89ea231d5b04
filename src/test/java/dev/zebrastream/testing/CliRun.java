package dev.zebrastream.testing;

import dev.zebrastream.cli.ZebraCli;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the `zebra` command line in-process and keeps what it printed. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ZebraCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
