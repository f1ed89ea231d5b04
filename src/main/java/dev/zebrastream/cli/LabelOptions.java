package dev.zebrastream.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/** {@code --labels a,b,c} or {@code --labels-file F} (one label per line); default: the model's classes. */
final class LabelOptions {

    @Option(names = "--labels", paramLabel = "a,b,c", description = "comma-separated class names")
    String labels;

    @Option(names = "--labels-file", paramLabel = "FILE", description = "file with one class name per line")
    Path labelsFile;

    List<String> resolve(List<String> modelClasses) throws IOException {
        if (labels != null && labelsFile != null) {
            throw new IllegalArgumentException("give either --labels or --labels-file, not both");
        }
        Stream<String> raw;
        if (labels != null) {
            raw = Arrays.stream(labels.split(","));
        } else if (labelsFile != null) {
            try {
                raw = Files.readAllLines(labelsFile).stream();
            } catch (NoSuchFileException e) {
                throw new NoSuchFileException(labelsFile.toString(), null, "labels file not found");
            }
        } else {
            raw = modelClasses.stream();
        }
        List<String> out = List.copyOf(raw.map(String::trim).filter(s -> !s.isEmpty())
                .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no labels given");
        }
        return out;
    }
}
