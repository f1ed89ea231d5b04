package dev.zebrastream.client;

import dev.zebrastream.broker.RecordLimits;
import dev.zebrastream.avro.PromptVectors;
import dev.zebrastream.prompt.PromptKeys;
import dev.zebrastream.prompt.PromptSet;
import dev.zebrastream.serde.AvroSerde;
import dev.zebrastream.serde.AvroSerdes;
import dev.zebrastream.stream.AvroMapping;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads and publishes prompt sets on the compacted prompts topic (see {@link PromptKeys}). */
public final class PromptTopic {

    private static final Logger LOG = LoggerFactory.getLogger(PromptTopic.class);

    private final Properties client;
    private final String topic;
    private final AvroSerde<PromptVectors> serde = AvroSerdes.of(PromptVectors.class);

    public PromptTopic(Properties client, String topic) {
        this.client = client;
        this.topic = topic;
    }

    /** Latest value of every key, read from the beginning of the topic. */
    private Map<String, PromptSet> readAll() {
        Map<String, PromptSet> latest = new HashMap<>();
        TopicSnapshot.read(client, topic, TopicSnapshot.stall(client), r -> {
            String key = new String(r.key(), StandardCharsets.UTF_8);
            if (r.value() == null) {
                latest.remove(key);
                return;
            }
            try {
                latest.put(key, AvroMapping.toPromptSet(serde.decode(r.topic(), r.value())));
            } catch (SerializationException | IllegalArgumentException e) {
                LOG.warn("{} offset {}: skipping an unreadable prompt record for key {}: {}", r.topic(), r.offset(),
                        key, e.getMessage());
                latest.remove(key);
            }
        });
        return latest;
    }

    public Optional<PromptSet> current(String promptSetId) {
        return Optional.ofNullable(readAll().get(PromptKeys.current(promptSetId)));
    }

    /** Every archived version of a set, oldest first. */
    public List<PromptSet> history(String promptSetId) {
        List<PromptSet> versions = new ArrayList<>();
        readAll().forEach((key, set) -> {
            if (PromptKeys.archivedVersion(key, promptSetId).isPresent()) {
                versions.add(set);
            }
        });
        versions.sort(Comparator.comparingLong(PromptSet::version));
        return versions;
    }

    /** Publishes a version under its archive key and then as the set's current version. */
    public void publish(PromptSet set) throws ExecutionException, InterruptedException {
        Properties p = new Properties();
        p.putAll(client);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, RecordLimits.MAX_RECORD_BYTES);
        PromptVectors record = AvroMapping.toAvro(set);
        String archiveKey = PromptKeys.archived(set.promptSetId(), set.version());
        try (KafkaProducer<String, PromptVectors> producer =
                     new KafkaProducer<>(p, new StringSerializer(), serde.serializer())) {
            producer.send(new ProducerRecord<>(topic, archiveKey, record)).get();
            producer.send(new ProducerRecord<>(topic, PromptKeys.current(set.promptSetId()), record)).get();
        }
    }
}
