package dev.zebrastream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zebrastream.testing.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command option that takes a text file (`label --from-file`, `--config`, `--client-properties`)
 * against a corpus of bad files: each gives exit 2 and one line on stderr that names the file, never
 * a stack trace, and no Kafka client is started for it (the bootstrap address is a closed port).
 */
class FileArgumentCorpusTest {

    private static final String NOWHERE = "127.0.0.1:1";

    @TempDir
    Path dir;

    @Test
    void badFilesForEveryFileOptionAreOneLineAndExitTwo() throws Exception {
        Map<String, Function<Path, String[]>> options = new LinkedHashMap<>();
        options.put("label --from-file", f -> new String[] {"label", "--from-file", f.toString(), "--bootstrap", NOWHERE});
        options.put("--config", f -> new String[] {"consume", "events", "--config", f.toString(), "--bootstrap", NOWHERE});
        options.put("--client-properties", f -> new String[] {"consume", "events", "--client-properties", f.toString(),
                "--bootstrap", NOWHERE});
        Map<String, Path> common = new LinkedHashMap<>();
        common.put("missing file", dir.resolve("absent.txt"));
        common.put("directory", Files.createDirectories(dir.resolve("a-directory")));
        common.put("not UTF-8", write("binary.txt", new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, 0x00, 0x41}));
        Map<String, Map<String, Path>> specific = Map.of(
                "label --from-file", Map.of("empty", write("empty.csv", new byte[0]),
                        "no comma", write("nocomma.csv", "window-1 siren\n".getBytes(StandardCharsets.UTF_8))),
                "--config", Map.of("unknown key", write("zebra.properties", "batch.sise=4\n".getBytes(StandardCharsets.UTF_8)),
                        "bad escape", write("escape.properties", "batch.size=\\uZZZZ\n".getBytes(StandardCharsets.UTF_8)),
                        "bad value", write("value.properties", "batch.size=many\n".getBytes(StandardCharsets.UTF_8))),
                "--client-properties", Map.of(
                        "unknown property", write("client.properties", "sasl.mechanisms=PLAIN\n".getBytes(StandardCharsets.UTF_8)),
                        "missing trust store", write("tls.properties", ("security.protocol=SSL\nssl.truststore.location="
                                + dir.resolve("none.p12") + "\n").getBytes(StandardCharsets.UTF_8))));
        List<String> report = new ArrayList<>();
        for (var option : options.entrySet()) {
            Map<String, Path> cases = new LinkedHashMap<>(common);
            cases.putAll(specific.get(option.getKey()));
            for (var bad : cases.entrySet()) {
                CliRun run = CliRun.of(option.getValue().apply(bad.getValue()));
                String what = option.getKey() + " / " + bad.getKey() + ": " + run.err().strip();
                assertEquals(2, run.exitCode(), what);
                assertFalse(run.err().strip().contains("\n"), "one line: " + what);
                assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), "no stack trace: " + what);
                assertTrue(run.err().contains(bad.getValue().getFileName().toString()), "names the file: " + what);
                report.add(what);
            }
        }
        System.out.printf("file-argument corpus: %d bad files over 3 options, all exit 2 with one line%n  %s%n",
                report.size(), String.join("\n  ", report));
    }

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }
}
