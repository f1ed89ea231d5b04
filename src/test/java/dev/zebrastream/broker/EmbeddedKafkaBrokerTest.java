package dev.zebrastream.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import dev.zebrastream.avro.AudioFrame;
import dev.zebrastream.serde.AvroSerde;
import dev.zebrastream.serde.AvroSerdes;
import dev.zebrastream.serde.SampleRecords;

/** One broker for the whole class (a start costs seconds); the last test restarts it on the same directory. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class EmbeddedKafkaBrokerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    static Path dataDir;

    private final Topics topics = Topics.defaults();
    private final AvroSerde<AudioFrame> frames = AvroSerdes.of(AudioFrame.class);
    private EmbeddedKafkaBroker broker;

    @BeforeAll
    void startBroker() {
        broker = EmbeddedKafkaBroker.start(dataDir);
        try (Admin admin = admin()) {
            assertEquals(topics.names(), TopicAdmin.ensureTopics(admin, topics, 2));
        }
    }

    @AfterAll
    void stopBroker() {
        broker.close();
    }

    @Test
    @Order(1)
    void ensureTopicsIsIdempotent() {
        try (Admin admin = admin()) {
            assertEquals(List.of(), TopicAdmin.ensureTopics(admin, topics, 2));
        }
    }

    @Test
    @Order(2)
    void topicsHaveTheirCleanupPolicyAndPartitions() throws Exception {
        try (Admin admin = admin()) {
            Map<String, String> policies = cleanupPolicies(admin);
            assertEquals("compact", policies.get(topics.labels()));
            assertEquals("compact", policies.get(topics.prompts()));
            Set.of(topics.audioFrames(), topics.events(), topics.pool(), topics.alerts(), topics.deadLetters())
                    .forEach(name -> assertEquals("delete", policies.get(name), name));
            Config frameConfig = describe(admin, topics.audioFrames());
            assertEquals("3600000", frameConfig.get(TopicConfig.RETENTION_MS_CONFIG).value());
            assertEquals(1, admin.describeTopics(List.of(topics.prompts())).allTopicNames().get()
                    .get(topics.prompts()).partitions().size());
            assertEquals(2, admin.describeTopics(List.of(topics.events())).allTopicNames().get()
                    .get(topics.events()).partitions().size());
        }
    }

    @Test
    @Order(3)
    void avroFrameRoundTripsThroughTheBroker() throws Exception {
        try (KafkaProducer<String, AudioFrame> producer = producer(Map.of())) {
            producer.send(new ProducerRecord<>(topics.audioFrames(), "mic-7", SampleRecords.audioFrame())).get();
        }
        assertEquals(List.of(SampleRecords.audioFrame()), readAll(topics.audioFrames(), 1));
    }

    @Test
    @Order(4)
    void committedTransactionIsVisibleToReadCommitted() {
        try (KafkaProducer<String, AudioFrame> producer = producer(Map.of(
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "test-tx-" + UUID.randomUUID()))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topics.events(), "mic-7", SampleRecords.audioFrame()));
            producer.commitTransaction();
        }
        assertEquals(List.of(SampleRecords.audioFrame()), readAll(topics.events(), 1));
    }

    @Test
    @Order(5)
    void dataSurvivesARestartOnTheSameDirectory() {
        String clusterId = broker.clusterId();
        broker.close();
        broker = EmbeddedKafkaBroker.start(dataDir);
        assertEquals(clusterId, broker.clusterId());
        assertEquals(List.of(SampleRecords.audioFrame()), readAll(topics.audioFrames(), 1));
        try (Admin admin = admin()) {
            assertEquals(List.of(), TopicAdmin.ensureTopics(admin, topics, 2));
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private Map<String, String> cleanupPolicies(Admin admin) throws Exception {
        List<ConfigResource> resources = topics.names().stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
        return admin.describeConfigs(resources).all().get().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().name(),
                        e -> e.getValue().get(TopicConfig.CLEANUP_POLICY_CONFIG).value()));
    }

    private Config describe(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get().get(resource);
    }

    private KafkaProducer<String, AudioFrame> producer(Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(extra);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        return new KafkaProducer<>(config, new StringSerializer(), frames.serializer());
    }

    /** Reads {@code topic} from the start with read_committed until {@code expected} records arrived. */
    private List<AudioFrame> readAll(String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<AudioFrame> values = new ArrayList<>();
        try (KafkaConsumer<String, AudioFrame> consumer = new KafkaConsumer<>(config, new StringDeserializer(), frames.deserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach((ConsumerRecord<String, AudioFrame> r) -> values.add(r.value()));
            }
        }
        return values;
    }
}
