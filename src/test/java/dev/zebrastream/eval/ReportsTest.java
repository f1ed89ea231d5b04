package dev.zebrastream.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON, markdown and plot writers on hand-made results. */
class ReportsTest {

    private final EvalSetting setting = EvalSettings.parse("hall-heavy");
    private final List<SettingOutcome> outcomes = List.of(new SettingOutcome(setting, new PoolWeights(0.3, 0.3),
            Map.of("0.1/0.1", 0.5, "0.3/0.3", 0.75), results()));

    @Test
    void jsonHasOneRowPerRunAndTheSettings() throws Exception {
        JsonNode root = new ObjectMapper().readTree(JsonReport.render(outcomes));
        assertEquals(12, root.get("results").size());
        JsonNode row = root.get("results").get(0);
        for (String field : List.of("method", "setting", "domain", "shots", "seed", "base", "novel", "hm", "seconds")) {
            assertTrue(row.has(field), field);
        }
        assertEquals("hall-3", row.get("domain").asText());
        JsonNode s = root.get("settings").get("hall-heavy");
        assertEquals("random42", s.get("split").asText());
        assertEquals(0.3, s.get("poolWeights").get("lambdaU").asDouble());
        assertEquals(0.75, s.get("validationAccuracy").get("0.3/0.3").asDouble());
    }

    @Test
    void jsonReadsBackIntoTheSameRows() throws Exception {
        List<RunResult> rows = outcomes.get(0).results();
        List<RunResult> back = JsonReport.readResults(JsonReport.render(outcomes));
        assertEquals(rows.size(), back.size());
        assertEquals(rows.get(3), back.get(3));
    }

    @Test
    void markdownShowsMeanAndSpreadBesideThePaperAndFlagsTheDilemma() {
        String md = new MarkdownReport(outcomes).render("Command: test");
        assertTrue(md.contains("| CoOp+ZEBRA | 80.18 | 59.38 | 68.23 |"), md);
        assertTrue(md.contains("| coop | 85.0 ± 7.1 | 45.0 ± 7.1 |"), md);
        assertTrue(md.contains("| `hall-heavy` | 16 | -10.0 | yes | +"), md);
        assertTrue(md.contains("0.3/0.3 (0.1/0.1: 50.0, 0.3/0.3: 75.0)"), md);
        assertTrue(md.contains("| method | 4-shot | 16-shot |"), md);
    }

    @Test
    void writesAllFilesWithAPng(@TempDir Path dir) throws Exception {
        ResultFiles.write(dir, outcomes, "./zebra evaluate --seeds 0,1", "Command: test");
        for (String name : List.of(ResultFiles.MARKDOWN, ResultFiles.JSON, ResultFiles.COMMAND, ResultFiles.PLOT)) {
            assertTrue(Files.size(dir.resolve(name)) > 0, name);
        }
        byte[] png = Files.readAllBytes(dir.resolve(ResultFiles.PLOT));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        assertEquals("./zebra evaluate --seeds 0,1", Files.readString(dir.resolve(ResultFiles.COMMAND)).trim());
    }

    @Test
    void plotsAnyNumberOfSettingsInAGridXChartCanFill(@TempDir Path dir) throws Exception {
        assertEquals(1, HmPlot.columns(1));
        assertEquals(2, HmPlot.columns(2));
        assertEquals(3, HmPlot.columns(3));
        assertEquals(2, HmPlot.columns(4));
        assertEquals(1, HmPlot.columns(5));
        List<CellSummary> cells = new ArrayList<>();
        for (String name : List.of("a", "b", "c", "d", "e")) {
            cells.add(new CellSummary(name, "hall-3", "coop", 16, Stat.of(0.9), Stat.of(0.5), Stat.of(0.64)));
        }
        HmPlot.write(cells, dir.resolve("five.png"));
        assertTrue(Files.size(dir.resolve("five.png")) > 0);
    }

    /** Zero-shot 55 novel; CoOp 80/50 and 90/40 (novel below zero-shot: the dilemma); ZEBRA 80/60 twice. */
    private static List<RunResult> results() {
        List<RunResult> out = new ArrayList<>();
        for (int shots : List.of(4, 16)) {
            for (long seed : List.of(0L, 1L)) {
                out.add(run("zeroshot", shots, seed, 0.5, 0.55));
                out.add(run("coop", shots, seed, seed == 0 ? 0.8 : 0.9, seed == 0 ? 0.5 : 0.4));
                out.add(run("zebra", shots, seed, 0.8, 0.6));
            }
        }
        return out;
    }

    private static RunResult run(String method, int shots, long seed, double base, double novel) {
        RunResult r = CellSummaryTest.run(method, shots, seed, base, novel);
        return new RunResult(r.method(), "hall-heavy", "hall-3", shots, seed, base, novel, r.hm(), r.seconds());
    }
}
