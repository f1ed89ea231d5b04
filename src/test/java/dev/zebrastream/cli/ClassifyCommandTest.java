package dev.zebrastream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zebrastream.audio.WavWriter;
import dev.zebrastream.synth.DomainSpec;
import dev.zebrastream.synth.LabeledClip;
import dev.zebrastream.synth.Synthesizer;
import dev.zebrastream.testing.CliRun;
import dev.zebrastream.testing.TestModels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `zebra classify` on a freshly rendered clean clip of every class names that class first. */
class ClassifyCommandTest {

    private static final long UNSEEN_SEED = 2024;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void everyCleanClassIsRecognised() throws Exception {
        Synthesizer synth = new Synthesizer();
        List<String> classes = new ArrayList<>(TestModels.tinyClap().manifest().classes());
        classes.retainAll(synth.catalog().classNames());
        List<String> args = new ArrayList<>(List.of("classify", "--json", "--top", "2"));
        Map<String, String> truth = new TreeMap<>();
        for (String c : classes) {
            LabeledClip clip = synth.render(c, DomainSpec.CLEAN, UNSEEN_SEED, 16_000, 1.0);
            Path file = dir.resolve(c.replace(' ', '-') + ".wav");
            WavWriter.writePcm16(file, clip.clip());
            args.add(file.toString());
            truth.put(file.toString(), c);
        }
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        List<String> wrong = new ArrayList<>();
        int lines = 0;
        for (String line : run.out().strip().split("\n")) {
            JsonNode window = JSON.readTree(line);
            String expected = truth.get(window.get("file").asText());
            String top = window.get("top").get(0).get("label").asText();
            assertEquals(2, window.get("top").size());
            assertTrue(window.get("entropy").asDouble() >= 0 && window.get("entropy").asDouble() <= 1);
            if (!top.equals(expected)) {
                wrong.add(expected + " -> " + top);
            }
            lines++;
        }
        assertEquals(classes.size(), lines, "one window per one-second clip");
        assertTrue(wrong.isEmpty(), "misclassified: " + wrong);
    }
}
