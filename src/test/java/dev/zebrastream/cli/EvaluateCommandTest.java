package dev.zebrastream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zebrastream.eval.ResultFiles;
import dev.zebrastream.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `zebra evaluate` end to end on the shipped model, kept tiny: 6 classes, 1 shot, 1 seed, 2 steps. */
class EvaluateCommandTest {

    private static final String TINY = "factory-mild/classes=6/test=3/pool=8/steps=2/directions=1/subspace=4";

    @Test
    void tinyRunWritesResultsWithAccuraciesInRange(@TempDir Path dir) throws Exception {
        Path export = dir.resolve("export");
        CliRun run = CliRun.of("evaluate", "--settings", TINY, "--methods", "zeroshot,coop,zebra-pool", "--shots", "1",
                "--seeds", "0", "--pool-weights", "0.1/0.1", "--out", dir.toString(), "--json", "-", "--cache", "none",
                "--threads", "1", "--export", export.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode root = new ObjectMapper().readTree(run.out());
        JsonNode results = root.get("results");
        assertEquals(3, results.size());
        for (JsonNode r : results) {
            assertEquals(TINY, r.get("setting").asText());
            assertEquals("factory-1", r.get("domain").asText());
            for (String accuracy : List.of("base", "novel", "hm")) {
                double v = r.get(accuracy).asDouble();
                assertTrue(v >= 0 && v <= 1, accuracy + " = " + v);
            }
        }
        assertEquals(0.1, root.get("settings").get(TINY).get("poolWeights").get("lambdaU").asDouble());
        assertTrue(run.err().contains("run 3/3 "), run.err());
        for (String name : List.of(ResultFiles.MARKDOWN, ResultFiles.JSON, ResultFiles.PLOT, ResultFiles.COMMAND)) {
            assertTrue(Files.size(dir.resolve(name)) > 0, name);
        }
        assertTrue(Files.readString(dir.resolve(ResultFiles.MARKDOWN)).contains("`speech` always left out"));
        assertTrue(Files.size(export.resolve("shots_audio.f32")) == 3 * 256 * 4, "3 base classes x 1 shot x D=256");
    }

    @Test
    void unknownMethodIsAOneLineError() {
        CliRun run = CliRun.of("evaluate", "--methods", "coop,magic");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("unknown method 'magic'"), run.err());
    }
}
