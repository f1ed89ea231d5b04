package dev.zebrastream.synth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zebrastream.audio.WavWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a planned corpus to a directory: {@code clips/<class-with-dashes>/<index>-<seed>.wav}
 * (16-bit PCM) and {@code manifest.jsonl} with one JSON object per clip, in plan order.
 */
public final class CorpusWriter {

    public static final String MANIFEST = "manifest.jsonl";
    private static final Logger LOG = LoggerFactory.getLogger(CorpusWriter.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Synthesizer synthesizer;
    private final int sampleRate;
    private final double seconds;

    public CorpusWriter(Synthesizer synthesizer, int sampleRate, double seconds) {
        this.synthesizer = synthesizer;
        this.sampleRate = sampleRate;
        this.seconds = seconds;
    }

    /** Renders every request (in parallel), writes the files and returns the manifest path. */
    public Path write(Path dir, List<ClipRequest> plan) throws IOException {
        Files.createDirectories(dir);
        Progress progress = new Progress(plan.size());
        List<String> lines = plan.parallelStream().map(request -> {
            String line = writeClip(dir, request);
            progress.step();
            return line;
        }).toList();
        Path manifest = dir.resolve(MANIFEST);
        Files.write(manifest, lines, StandardCharsets.UTF_8);
        LOG.info("wrote {} clips and {}", plan.size(), manifest);
        return manifest;
    }

    /** Where a clip goes, relative to the corpus directory. */
    public static String relativePath(ClipRequest request) {
        return "clips/" + request.className().replace(' ', '-') + "/" + request.index() + "-" + request.seed() + ".wav";
    }

    private String writeClip(Path dir, ClipRequest request) {
        LabeledClip clip = synthesizer.render(request, sampleRate, seconds);
        String relative = relativePath(request);
        Path file = dir.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            WavWriter.writePcm16(file, clip.clip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        ObjectNode entry = JSON.createObjectNode();
        entry.put("file", relative);
        entry.put("class", clip.className());
        entry.put("caption", clip.caption());
        entry.put("domain", clip.domain());
        entry.put("seed", clip.seed());
        return entry.toString();
    }

    /** Logs at every tenth of the work, so long renders show they are alive. */
    private static final class Progress {
        private final int total;
        private final AtomicInteger done = new AtomicInteger();
        private final long started = System.nanoTime();

        Progress(int total) {
            this.total = total;
        }

        void step() {
            int now = done.incrementAndGet();
            if (now * 10L / total != (now - 1) * 10L / total) {
                double elapsed = (System.nanoTime() - started) / 1e9;
                LOG.info("rendered {}/{} clips ({}%) in {} s", now, total, now * 100 / total, String.format("%.1f", elapsed));
            }
        }
    }
}
