package dev.zebrastream.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientPropertiesFileTest {

    @TempDir
    Path dir;

    private Path file(String text) throws Exception {
        Path f = Files.createTempFile(dir, "client", ".properties");
        Files.writeString(f, text);
        return f;
    }

    private String rejection(String text) throws Exception {
        Path f = file(text);
        String message = assertThrows(IllegalArgumentException.class, () -> ClientPropertiesFile.read(f)).getMessage();
        System.out.println("rejected: " + message);
        assertTrue(message.startsWith(f + ": "), "names the file: " + message);
        return message;
    }

    @Test
    void securitySettingsOfEveryClientAndStreamsPrefixesAreAccepted() throws Exception {
        Properties p = ClientPropertiesFile.read(file("""
                security.protocol=SASL_SSL
                sasl.mechanism=SCRAM-SHA-512
                sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="u" password="p";
                ssl.endpoint.identification.algorithm=https
                default.api.timeout.ms=45000
                max.block.ms=45000
                num.standby.replicas=1
                producer.compression.type=lz4
                consumer.max.poll.records=100
                main.consumer.fetch.min.bytes=1
                admin.retries=3
                """));
        assertEquals(11, p.size());
    }

    @Test
    void anUnknownNameIsRejectedWithTheClosestKnownOne() throws Exception {
        String message = rejection("security.protocol=SASL_PLAINTEXT\nsasl.mechanisms=PLAIN\n");
        assertTrue(message.contains("unknown Kafka client property 'sasl.mechanisms' (did you mean 'sasl.mechanism'?)"),
                message);
        assertTrue(rejection("ssl.trustore.location=/etc/t.jks\n").contains("(did you mean 'ssl.truststore.location'?)"));
        assertFalse(rejection("colour=blue\n").contains("did you mean"), "nothing is close to 'colour'");
    }

    @Test
    void aPrefixedNameIsCheckedAgainstThatClientsNames() throws Exception {
        assertTrue(rejection("producer.ackz=all\n").contains("'producer.ackz' (did you mean 'producer.acks'?)"));
        assertTrue(rejection("admin.max.poll.records=5\n")
                        .contains("unknown Kafka client property 'admin.max.poll.records'"),
                "max.poll.records is a consumer setting, not an admin one");
    }

    @Test
    void aTrustStoreOrKeyStoreThatIsNotThereIsNamed() throws Exception {
        Path missing = dir.resolve("no-such-truststore.jks");
        String message = rejection("security.protocol=SSL\nssl.truststore.location=" + missing + "\n");
        assertTrue(message.contains("ssl.truststore.location names " + missing + ", which does not exist"), message);
        assertTrue(rejection("producer.ssl.keystore.location=" + missing + "\n").contains("producer.ssl.keystore.location"));

        Path store = Files.writeString(dir.resolve("truststore.jks"), "not checked beyond being readable");
        assertEquals(store.toString(), ClientPropertiesFile.read(file("ssl.truststore.location=" + store + "\n"))
                .getProperty("ssl.truststore.location"));
    }
}
