package dev.zebrastream.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A stable id for the instance that owns a data directory, kept in {@code instance.id} there, so a
 * restart of the same instance is recognised as such by the consumer group (static membership).
 * Two instances cannot share a data directory (Kafka Streams locks its state), so neither can they
 * share an id.
 */
final class InstanceId {

    private static final String FILE = "instance.id";

    private InstanceId() {
    }

    static String of(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (Files.exists(file)) {
            String id = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!id.isEmpty()) {
                return id;
            }
        }
        String id = UUID.randomUUID().toString().substring(0, 8);
        Files.createDirectories(dataDir);
        Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
        return id;
    }
}
