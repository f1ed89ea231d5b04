package dev.zebrastream.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zebrastream.broker.EmbeddedKafkaBroker;
import dev.zebrastream.broker.TopicAdmin;
import dev.zebrastream.broker.Topics;
import dev.zebrastream.client.PromptTopic;
import dev.zebrastream.client.TopicSnapshot;
import dev.zebrastream.prompt.PromptKeys;
import dev.zebrastream.prompt.PromptSet;
import dev.zebrastream.testing.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code zebra prompts}, {@code zebra classes} and {@code zebra consume prompts} against a real broker:
 * versions are published, read back in order, rolled back; an unreadable record on the topic costs
 * nothing else.
 */
class PromptCommandsIntegrationTest {

    private static final String SET = "default";

    @TempDir
    Path dir;

    @Test
    void classesAndRollbackPublishVersionsThatHistoryReadsBack() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0)) {
            Properties client = new Properties();
            client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            try (Admin admin = Admin.create(client)) {
                TopicAdmin.ensureTopics(admin, Topics.defaults(), 2);
            }
            String bootstrap = broker.bootstrapServers();
            CliRun empty = cli("prompts", "history", "--bootstrap", bootstrap);
            assertTrue(empty.out().contains("no prompt versions published"), empty.out() + empty.err());
            assertTrue(cli("prompts", "show", "--bootstrap", bootstrap).out().startsWith("v0 (parent -)"));

            cli("classes", "add", "kettle whistle", "--bootstrap", bootstrap);
            cli("classes", "remove", "thunder", "--bootstrap", bootstrap);
            publishRaw(client, PromptKeys.archived(SET, 99), "not an avro record");
            CliRun back = cli("prompts", "rollback", "1", "--bootstrap", bootstrap);
            assertTrue(back.out().startsWith("published v3 (parent v1)"), back.out()); // the version restored

            PromptTopic topic = new PromptTopic(client, Topics.defaults().prompts());
            List<PromptSet> history = topic.history(SET);
            assertEquals(List.of(1L, 2L, 3L), history.stream().map(PromptSet::version).toList(),
                    "the unreadable v99 record is skipped, the rest read in order");
            assertTrue(history.get(0).classes().contains("kettle whistle"));
            assertEquals(java.util.Arrays.asList(null, 1L, 1L), history.stream().map(PromptSet::parentVersion).toList(),
                    "as documented: null for the first published version, then the version each came from");
            assertFalse(history.get(1).classes().contains("thunder"));
            PromptSet current = topic.current(SET).orElseThrow();
            assertEquals(3, current.version());
            assertEquals(history.get(0).classes(), current.classes(), "the rollback restores v1's classes");
            assertEquals("rollback to v1", current.note());

            List<String> records = cli("consume", "prompts", "--bootstrap", bootstrap).out().lines().toList();
            assertEquals(7, records.size(), "three versions, each under its archive key and the current key, "
                    + "and the unreadable record: " + records);
            assertEquals(1, records.stream().filter(r -> r.startsWith("undecodable record")).count(), records.toString());

            List<Object> none = new ArrayList<>();
            TopicSnapshot.read(client, "no.such.topic", Duration.ofSeconds(20), none::add);
            assertTrue(none.isEmpty());
            try (Admin admin = Admin.create(client)) {
                assertEquals(List.of(), List.copyOf(admin.listGroups().all().get()),
                        "reads assign partitions themselves: no consumer group, so no wait for a group join");
                assertFalse(admin.listTopics().names().get().contains("no.such.topic"), "a read creates no topic");
            }

            CliRun missing = CliRun.of("prompts", "rollback", "7", "--bootstrap", bootstrap);
            assertEquals(2, missing.exitCode());
            assertTrue(missing.err().contains("has no version 7"), missing.err());
        }
    }

    @Test
    void readingFromABrokerThatDoesNotAnswerFailsInsteadOfReadingNothing() {
        Properties client = new Properties();
        client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "localhost:1");
        List<Object> read = new ArrayList<>();
        assertThrows(TimeoutException.class,
                () -> TopicSnapshot.read(client, Topics.defaults().prompts(), Duration.ofSeconds(2), read::add));
        assertTrue(read.isEmpty());
    }

    private static CliRun cli(String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(0, run.exitCode(), run.err());
        return run;
    }

    private static void publishRaw(Properties client, String key, String value) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(client, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.defaults().prompts(), key.getBytes(StandardCharsets.UTF_8),
                    value.getBytes(StandardCharsets.UTF_8))).get();
        }
    }
}
