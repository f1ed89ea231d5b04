package dev.zebrastream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zebrastream.eval.ResultFiles;
import dev.zebrastream.testing.CliRun;
import dev.zebrastream.testing.RealCorpusFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real-audio corpus read by `zeroshot-eval --real` and `evaluate --settings real-test`, on the shipped model,
 * with generator clips standing in for the Debian recordings.
 */
class RealAudioCommandsTest {

    @TempDir
    static Path corpus;

    @BeforeAll
    static void writeCorpus() throws Exception {
        Map<String, Integer> clips = new LinkedHashMap<>();
        clips.put("siren", 8);
        clips.put("dog barking", 8);
        clips.put("rain", 8);
        clips.put("church bell", 8);
        clips.put("thunder", 3);     // too few clips for base-to-novel, still a zero-shot class
        RealCorpusFixture.write(corpus.resolve("test"), clips);
    }

    @Test
    void zeroShotOnARealSplitCountsEveryClipAndDrawsTheConfusion(@TempDir Path out) throws Exception {
        Path png = out.resolve("confusion.png");
        CliRun run = CliRun.of("zeroshot-eval", "--real", corpus.resolve("test").toString(), "--confusion",
                png.toString(), "--probe", "--json", "--threads", "1");
        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.out().strip().split("\n");
        JsonNode json = new ObjectMapper().readTree(lines[lines.length - 1]);
        assertEquals(5, json.get("classes").size(), run.out());
        assertEquals(2, json.get("domains").size(), "domains are the source packages: " + run.out());
        assertTrue(run.out().contains("overall:") && run.out().contains("(35 clips)"), run.out());
        double accuracy = json.get("accuracy").asDouble();
        assertTrue(accuracy > 0.5, "clean generator clips of 5 trained classes: " + accuracy);
        assertTrue(Files.size(png) > 1000, "confusion picture written");
        double balanced = json.get("balanced_accuracy").asDouble();
        double probe = json.get("probe_accuracy").asDouble();
        assertTrue(balanced > 0 && balanced <= 1 && probe > 0.5, run.out());
        assertTrue(run.out().contains("probe_balanced_accuracy: "), run.out());
    }

    @Test
    void evaluateRunsTheRealSettingOnClassesWithEnoughClips(@TempDir Path out) throws Exception {
        String setting = "real-test/steps=2/directions=1/subspace=4/pool=8";
        CliRun run = CliRun.of("evaluate", "--settings", setting, "--real-corpus", corpus.toString(), "--methods",
                "zeroshot,coop", "--shots", "1,4", "--seeds", "0", "--pool-weights", "0.1/0.1", "--out", out.toString(),
                "--json", "-", "--cache", "none", "--threads", "1");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode results = new ObjectMapper().readTree(run.out()).get("results");
        assertEquals(4, results.size(), "2 methods x 2 shot counts");
        for (JsonNode r : results) {
            assertEquals("real:test", r.get("domain").asText());
            assertTrue(r.get("hm").asDouble() >= 0 && r.get("hm").asDouble() <= 1);
        }
        String md = Files.readString(out.resolve(ResultFiles.MARKDOWN));
        assertTrue(md.contains("Setting `real-test/steps=2/directions=1/subspace=4/pool=8` reads")
                && md.contains("(35 clips; the 4 classes with at least 8 clips take part)"), md);
        assertTrue(!md.contains("thunder"), "a 3-clip class is left out of base-to-novel");
    }

    @Test
    void aMissingCorpusIsAOneLineErrorThatSaysHowToBuildIt(@TempDir Path empty) {
        CliRun run = CliRun.of("evaluate", "--settings", "real-test", "--real-corpus", empty.toString(), "--cache", "none");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("tools/realaudio/build.sh"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }
}
