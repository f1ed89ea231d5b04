package dev.zebrastream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zebrastream.testing.CliRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * `zebra benchmark pipeline --json`, `capacity --json` and `restore --json` end to end, kept tiny: the
 * figures they print are there, consistent with each other and plausible (not their speed, which is
 * the benchmarks' own business).
 */
class BenchmarkStreamCommandsTest {

    @Test
    void pipelinePrintsOneJsonObjectWithEveryFigure() throws Exception {
        CliRun run = CliRun.of("benchmark", "pipeline", "--sensors", "2", "--seconds", "4", "--latency-seconds", "4",
                "--batch-size", "4", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode r = new ObjectMapper().readTree(run.out().strip().lines().reduce((a, b) -> b).orElseThrow());
        System.out.println("benchmark pipeline --json: " + r);
        for (String field : List.of("rawWindowsPerSecond", "pipelineWindowsPerSecond", "ratio", "windowsMeasured",
                "changelogBytesPerWindow", "cpuSecondsPerWindow", "latencyP50Ms", "latencyP90Ms", "latencyP99Ms")) {
            assertTrue(r.get(field).asDouble() > 0, field + " in " + r);
        }
        assertEquals(8, r.get("windowsMeasured").asInt(), "2 sensors x 4 s of audio, 1 s windows");
        assertEquals(r.get("pipelineWindowsPerSecond").asDouble() / r.get("rawWindowsPerSecond").asDouble(),
                r.get("ratio").asDouble(), 1e-9);
        assertTrue(r.get("latencyP50Ms").asDouble() <= r.get("latencyP99Ms").asDouble(), r.toString());
    }

    @Test
    void capacityRunsItsStepsAndNamesTheLargestHeld() throws Exception {
        CliRun run = CliRun.of("benchmark", "capacity", "--steps", "2,4", "--step-seconds", "8", "--warmup-seconds", "3",
                "--batch-size", "4", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode r = new ObjectMapper().readTree(run.out().strip().lines().reduce((a, b) -> b).orElseThrow());
        System.out.println("benchmark capacity --json: " + r);
        JsonNode first = r.get("steps").get(0);
        assertEquals(2, first.get("sensors").asInt());
        assertTrue(first.get("events").asInt() >= 2 * 4, "about one event per sensor and second: " + first);
        int largest = r.get("largestHeld").asInt();
        assertTrue(largest == 0 || largest == 2 || largest == 4, r.toString());
    }

    @Test
    void restoreCompletesEverySensorsOpenWindowFromRestoredState() throws Exception {
        CliRun run = CliRun.of("benchmark", "restore", "--sensors", "4", "--batch-size", "4", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode r = new ObjectMapper().readTree(run.out().strip().lines().reduce((a, b) -> b).orElseThrow());
        System.out.println("benchmark restore --json: " + r);
        assertEquals(4, r.get("windowsAfterRestart").asInt(), "one window per sensor after the restart: " + r);
        assertEquals(4, r.get("windowsContinued").asInt(), "completed from restored audio, not a new segment: " + r);
        assertEquals(0, r.get("duplicates").asInt(), r.toString());
        assertTrue(r.get("recordsRestored").asLong() > 0 && r.get("changelogBytes").asLong() > 0, r.toString());
        assertTrue(r.get("secondsToRunning").asDouble() <= r.get("secondsToFirstEvent").asDouble(), r.toString());
    }

    @Test
    void aWarmUpAsLongAsTheStepIsRefused() {
        CliRun run = CliRun.of("benchmark", "capacity", "--step-seconds", "5", "--warmup-seconds", "5");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--warmup-seconds"), run.err());
    }
}
