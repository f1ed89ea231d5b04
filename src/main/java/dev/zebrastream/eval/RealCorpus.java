package dev.zebrastream.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One split of the real-audio corpus that {@code tools/realaudio/build.sh} builds from Debian packages:
 * a directory with {@code manifest.jsonl} (one clip per line: file, class, package, ...) and the clips.
 * Splits are by package, so a split's recordings come from sources the other splits never saw.
 *
 * @param dir   the split's directory
 * @param clips every clip, in manifest order
 */
public record RealCorpus(Path dir, List<Clip> clips) {

    /** Settings whose domain starts with this read the real corpus instead of rendering audio. */
    public static final String DOMAIN_PREFIX = "real:";
    public static final String MANIFEST = "manifest.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param file        the clip's WAV file
     * @param label       its class
     * @param packageName the Debian package it was cut from
     */
    public record Clip(Path file, String label, String packageName) {
    }

    public RealCorpus {
        clips = List.copyOf(clips);
    }

    public static boolean isRealDomain(String domain) {
        return domain.startsWith(DOMAIN_PREFIX);
    }

    /** The split a real domain names: {@code real:test} → {@code test}. */
    public static String splitOf(String domain) {
        return domain.substring(DOMAIN_PREFIX.length());
    }

    /** The split a real setting's domain names, under the corpus root that holds one directory per split. */
    public static RealCorpus forDomain(Path root, String domain) throws IOException {
        return load(root.resolve(splitOf(domain)));
    }

    public static RealCorpus load(Path dir) throws IOException {
        Path manifest = dir.resolve(MANIFEST);
        List<String> lines;
        try {
            lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(manifest + " not found: build the real-audio corpus with "
                    + "tools/realaudio/build.sh, or point --real-corpus at it");
        }
        List<Clip> clips = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                clips.add(clip(dir, manifest, i + 1, lines.get(i)));
            }
        }
        return new RealCorpus(dir, clips);
    }

    private static Clip clip(Path dir, Path manifest, int line, String json) throws IOException {
        JsonNode row = JSON.readTree(json);
        for (String field : List.of("file", "class", "package")) {
            if (!row.hasNonNull(field)) {
                throw new IllegalArgumentException(manifest + ":" + line + ": missing field '" + field + "'");
            }
        }
        return new Clip(dir.resolve(row.get("file").asText()), row.get("class").asText(), row.get("package").asText());
    }

    /** Clips by class, classes in first-seen order, clips in manifest order. */
    public Map<String, List<Clip>> byClass() {
        Map<String, List<Clip>> out = new LinkedHashMap<>();
        for (Clip clip : clips) {
            out.computeIfAbsent(clip.label(), k -> new ArrayList<>()).add(clip);
        }
        return out;
    }
}
