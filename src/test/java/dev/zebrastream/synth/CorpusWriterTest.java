package dev.zebrastream.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zebrastream.audio.AudioClip;
import dev.zebrastream.audio.WavReader;
import dev.zebrastream.cli.ZebraCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusWriterTest {

    @TempDir
    Path tmp;

    @Test
    void synthCommandWritesClipsAndManifest() throws Exception {
        Path out = tmp.resolve("corpus");
        int code = ZebraCli.run("synth", "--out", out.toString(), "--classes", "siren,dripping water", "--per-class", "2",
                "--domain", "factory-2", "--seed", "3", "--seconds", "0.5");
        assertEquals(0, code);
        List<String> lines = Files.readAllLines(out.resolve(CorpusWriter.MANIFEST));
        assertEquals(4, lines.size());
        ObjectMapper json = new ObjectMapper();
        List<String> expectedClasses = List.of("siren", "siren", "dripping water", "dripping water");
        for (int i = 0; i < lines.size(); i++) {
            JsonNode entry = json.readTree(lines.get(i));
            assertEquals(expectedClasses.get(i), entry.get("class").asText());
            assertEquals("factory-2", entry.get("domain").asText());
            assertTrue(entry.get("caption").asText().length() > 3);
            String file = entry.get("file").asText();
            assertTrue(file.startsWith("clips/" + expectedClasses.get(i).replace(' ', '-') + "/" + (i % 2) + "-"), file);
            assertTrue(file.endsWith(entry.get("seed").asLong() + ".wav"), file);
            AudioClip clip = WavReader.read(out.resolve(file));
            assertEquals(16000, clip.sampleRate());
            assertEquals(8000, clip.samples().length);
        }
    }

    @Test
    void sameArgumentsGiveTheSameCorpus() throws Exception {
        String[] args = {"--classes", "rain,knocking", "--per-class", "2", "--domain", "train", "--seconds", "0.3"};
        for (String dir : List.of("a", "b")) {
            String[] full = new String[args.length + 3];
            full[0] = "synth";
            full[1] = "--out";
            full[2] = tmp.resolve(dir).toString();
            System.arraycopy(args, 0, full, 3, args.length);
            assertEquals(0, ZebraCli.run(full));
        }
        List<String> a = Files.readAllLines(tmp.resolve("a").resolve(CorpusWriter.MANIFEST));
        assertEquals(a, Files.readAllLines(tmp.resolve("b").resolve(CorpusWriter.MANIFEST)));
        String file = new ObjectMapper().readTree(a.get(3)).get("file").asText();
        assertEquals(-1, Files.mismatch(tmp.resolve("a").resolve(file), tmp.resolve("b").resolve(file)));
    }

    @Test
    void badArgumentsExitWithCodeTwo() {
        String out = tmp.resolve("bad").toString();
        assertEquals(2, ZebraCli.run("synth", "--out", out, "--classes", "kazoo"));
        assertEquals(2, ZebraCli.run("synth", "--out", out, "--per-class", "0"));
        assertEquals(2, ZebraCli.run("synth", "--out", out, "--domain", "office"));
        assertEquals(2, ZebraCli.run("synth", "--out", out, "--seconds", "-1"));
        assertTrue(Files.notExists(tmp.resolve("bad").resolve(CorpusWriter.MANIFEST)));
    }
}
