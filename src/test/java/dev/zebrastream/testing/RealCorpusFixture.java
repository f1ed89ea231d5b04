package dev.zebrastream.testing;

import dev.zebrastream.audio.WavWriter;
import dev.zebrastream.eval.RealCorpus;
import dev.zebrastream.synth.CorpusPlan;
import dev.zebrastream.synth.DomainSpec;
import dev.zebrastream.synth.LabeledClip;
import dev.zebrastream.synth.Synthesizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A corpus split laid out as tools/realaudio/build.sh writes one (manifest.jsonl and 16-bit WAV clips of
 * different lengths), with generator audio standing in for the Debian recordings so tests need no download.
 */
public final class RealCorpusFixture {

    private RealCorpusFixture() {
    }

    /** Writes {@code dir/manifest.jsonl} and the clips: {@code clipsPerClass} clips of each class. */
    public static Path write(Path dir, Map<String, Integer> clipsPerClass) throws IOException {
        Files.createDirectories(dir.resolve("clips"));
        List<String> lines = new ArrayList<>();
        long seed = 77;
        for (var entry : clipsPerClass.entrySet()) {
            List<LabeledClip> clips = new Synthesizer().renderAll(
                    CorpusPlan.plan(List.of(entry.getKey()), entry.getValue(), DomainSpec.CLEAN, seed++), 16_000, 1.5);
            for (int i = 0; i < clips.size(); i++) {
                String file = "clips/" + lines.size() + ".wav";
                WavWriter.writePcm16(dir.resolve(file), clips.get(i).clip());
                lines.add(String.format("{\"file\": \"%s\", \"class\": \"%s\", \"package\": \"pkg-%d\", \"caption\": \"x\"}",
                        file, entry.getKey(), i % 2));
            }
        }
        Files.write(dir.resolve(RealCorpus.MANIFEST), lines, StandardCharsets.UTF_8);
        return dir;
    }
}
