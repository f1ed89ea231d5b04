package dev.zebrastream.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaSettingsTest {

    @TempDir
    Path dir;

    @Test
    void commandClientsGetTimeoutsFromOneSettingAndStreamsKeepsItsOwn() throws Exception {
        KafkaSettings kafka = ConfigLoader.load(null, Map.of(), Map.of(Setting.BOOTSTRAP, "127.0.0.1:9092",
                Setting.KAFKA_TIMEOUT_MS, "5000")).kafka();
        Properties client = kafka.clientProperties();
        System.out.println("command client timeouts: " + client);
        assertEquals("5000", client.get("default.api.timeout.ms"));
        assertEquals("5000", client.get("max.block.ms"));
        assertEquals("5000", client.get("delivery.timeout.ms"));
        assertEquals("2500", client.get("request.timeout.ms"));
        assertFalse(kafka.connectionProperties().containsKey("max.block.ms"), "Kafka Streams keeps its own timeouts");

        Path own = Files.writeString(dir.resolve("client.properties"), "max.block.ms=90000\n");
        Properties withFile = ConfigLoader.load(null, Map.of(), Map.of(Setting.BOOTSTRAP, "127.0.0.1:9092",
                Setting.CLIENT_PROPERTIES, own.toString())).kafka().clientProperties();
        assertEquals("90000", withFile.get("max.block.ms"), "a timeout in the pass-through file wins");
        assertEquals("30000", withFile.get("default.api.timeout.ms"), "the default kafka.timeout.ms");

        assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(null, Map.of(),
                Map.of(Setting.KAFKA_TIMEOUT_MS, "10")));
    }
}
