package dev.zebrastream.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zebrastream.avro.AudioFrame;
import dev.zebrastream.avro.Classification;
import dev.zebrastream.avro.EntropyDriftAlert;
import dev.zebrastream.avro.LabeledWindow;
import dev.zebrastream.avro.PooledWindow;
import dev.zebrastream.avro.PromptVectors;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** schemas/README.md lists the CRC-64-AVRO fingerprint of every writer schema a decoder may meet. */
class SchemaReadmeTest {

    @Test
    void readmeListsTheFingerprintOfEverySchemaVersion() throws Exception {
        List<String> expected = new ArrayList<>();
        for (Schema current : Stream.of(AudioFrame.getClassSchema(), Classification.getClassSchema(),
                PooledWindow.getClassSchema(), LabeledWindow.getClassSchema(), PromptVectors.getClassSchema(),
                EntropyDriftAlert.getClassSchema()).toList()) {
            expected.add(row(current.getName() + ".avsc", SchemaStore.fingerprint(current)));
        }
        try (Stream<Path> history = Files.list(Path.of("schemas", "history"))) {
            for (Path file : history.sorted().toList()) {
                expected.add(row("history/" + file.getFileName(), SchemaStore.fingerprint(new Schema.Parser().parse(file.toFile()))));
            }
        }
        List<String> listed = Files.readAllLines(Path.of("schemas", "README.md")).stream()
                .filter(line -> line.startsWith("| `") && line.contains("0x")).toList();
        assertEquals(String.join("\n", expected), String.join("\n", listed), "schemas/README.md fingerprint table");
    }

    private static String row(String file, long fingerprint) {
        byte[] wire = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(fingerprint).array();
        return "| `" + file + "` | `0x" + String.format("%016x", fingerprint) + "` | `" + HexFormat.of().formatHex(wire)
                + "` |";
    }
}
