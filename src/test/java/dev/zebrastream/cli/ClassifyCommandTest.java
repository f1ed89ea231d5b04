package dev.zebrastream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zebrastream.audio.AudioClip;
import dev.zebrastream.audio.Resampler;
import dev.zebrastream.audio.WavReader;
import dev.zebrastream.audio.WavWriter;
import dev.zebrastream.classify.Windowing;
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

    /** The command streams the file; its windows sit exactly where the whole-file cut puts them. */
    @Test
    void windowsOfAStreamedFileAreTheWholeFileCut() throws Exception {
        float[] s = new float[(int) (44_100 * 3.3)];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) (0.3 * Math.sin(2 * Math.PI * 523 * i / 44_100.0));
        }
        AudioClip clip = new AudioClip(s, 44_100);
        Path file = dir.resolve("long.wav");
        WavWriter.writePcm16(file, clip);
        CliRun run = CliRun.of("classify", "--json", "--window", "1", "--hop", "0.4", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<Windowing.Window> expected = Windowing.cut(
                Resampler.resample(WavReader.read(file), TestModels.tinyClap().manifest().audio().sampleRate()), 1, 0.4);
        List<String> lines = run.out().strip().lines().toList();
        assertEquals(expected.size(), lines.size());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode window = JSON.readTree(lines.get(i));
            assertEquals(expected.get(i).startSeconds(), window.get("start").asDouble(), 0.0, "start " + i);
            assertEquals(expected.get(i).endSeconds(), window.get("end").asDouble(), 0.0, "end " + i);
        }
    }
}
