package dev.zebrastream.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a benchmark's outputs into one directory: markdown, JSON, plot and the command that made them. */
public final class ResultFiles {

    public static final String MARKDOWN = "results.md";
    public static final String JSON = "results.json";
    public static final String PLOT = "hm_vs_shots.png";
    public static final String COMMAND = "command.txt";

    private ResultFiles() {
    }

    /** @param command the command line, as a user would type it again */
    public static void write(Path dir, List<SettingOutcome> outcomes, String command, String preamble)
            throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(JSON), JsonReport.render(outcomes));
        Files.writeString(dir.resolve(MARKDOWN), new MarkdownReport(outcomes).render(preamble));
        Files.writeString(dir.resolve(COMMAND), command + System.lineSeparator());
        HmPlot.write(CellSummary.of(outcomes.stream().flatMap(o -> o.results().stream()).toList()), dir.resolve(PLOT));
    }
}
