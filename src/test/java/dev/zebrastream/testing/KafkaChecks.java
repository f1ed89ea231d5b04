package dev.zebrastream.testing;

import dev.zebrastream.broker.TopicAdmin;
import dev.zebrastream.client.TopicTail;
import dev.zebrastream.config.ZebraConfig;
import java.io.IOException;
import org.apache.kafka.clients.admin.Admin;
import dev.zebrastream.serde.AvroSerde;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;

/** Reading committed records back from a real broker in tests. */
public final class KafkaChecks {

    private KafkaChecks() {
    }

    /**
     * Creates the service's topics as `run` would, before any producer writes: a broker that
     * auto-creates topics would otherwise give the frames topic one partition.
     */
    public static void ensureTopics(ZebraConfig config) throws IOException {
        try (Admin admin = Admin.create(config.kafka().clientProperties())) {
            TopicAdmin.ensureTopics(admin, config.topics(), config.kafka().partitions());
        }
    }

    /**
     * Reads the topic from the beginning until {@code done} holds for what was read, then keeps
     * reading for {@code settle} to catch anything extra (duplicates), or until {@code timeout}.
     */
    public static <T extends SpecificRecord> List<T> readUntil(Properties client, String topic, AvroSerde<T> serde,
                                                               Predicate<List<T>> done, Duration timeout,
                                                               Duration settle) {
        List<T> out = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (TopicTail tail = new TopicTail(client, List.of(topic), true)) {
            while (System.nanoTime() < deadline && !done.test(out)) {
                tail.poll(Duration.ofMillis(200), r -> out.add(serde.decode(r.topic(), r.value())));
            }
            long settleEnd = System.nanoTime() + settle.toNanos();
            while (System.nanoTime() < settleEnd) {
                tail.poll(Duration.ofMillis(200), r -> out.add(serde.decode(r.topic(), r.value())));
            }
        }
        return out;
    }
}
