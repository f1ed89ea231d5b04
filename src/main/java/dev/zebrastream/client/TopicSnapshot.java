package dev.zebrastream.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a whole topic as it stands now: every committed record from the beginning up to the end offsets
 * taken when the read starts. It assigns the partitions itself instead of joining a consumer group, so
 * the result does not depend on how long a group join takes (the broker's initial rebalance delay is
 * 3 s by default, longer than any idle timeout a command would wait for), and an empty topic reads as
 * empty at once.
 */
public final class TopicSnapshot {

    /** How long a command's read waits for the broker before it fails rather than show a partial topic. */
    public static final Duration DEFAULT_STALL = Duration.ofSeconds(30);

    private TopicSnapshot() {
    }

    /**
     * Hands every record of the topic, oldest first per partition, to the handler. A topic that does not
     * exist reads as empty.
     *
     * @param stall how long the broker may go without answering or delivering before the read fails
     * @throws TimeoutException when the broker does not answer within {@code stall}
     */
    public static void read(Properties client, String topic, Duration stall,
                            Consumer<ConsumerRecord<byte[], byte[]>> handler) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties(client, stall),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, stall).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, stall);
            long lastProgress = System.nanoTime();
            while (!caughtUp(consumer, end)) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                records.forEach(handler);
                if (!records.isEmpty()) {
                    lastProgress = System.nanoTime();
                }
                if (System.nanoTime() - lastProgress > stall.toNanos()) {
                    throw new TimeoutException("no records from " + topic + " for " + stall.toSeconds()
                            + " s before its end offsets " + end);
                }
            }
        }
    }

    private static Properties properties(Properties client, Duration stall) {
        Properties p = new Properties();
        p.putAll(client);
        // read_committed: what the exactly-once writers actually published; the end offsets are then the
        // last stable offsets, which the read reaches once every open transaction before them is decided
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        return p;
    }

    private static boolean caughtUp(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
