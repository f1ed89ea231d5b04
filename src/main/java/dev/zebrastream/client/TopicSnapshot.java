package dev.zebrastream.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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

    /** How long a read waits for the broker when the client properties set no default.api.timeout.ms. */
    private static final Duration DEFAULT_STALL = Duration.ofSeconds(30);

    private TopicSnapshot() {
    }

    /** The client's default.api.timeout.ms when it sets one, else {@link #DEFAULT_STALL}. */
    public static Duration stall(Properties client) {
        Object ms = client.get(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG);
        return ms == null ? DEFAULT_STALL : Duration.ofMillis(Long.parseLong(ms.toString().trim()));
    }

    /**
     * Hands every record of the topic below the end offsets of the moment, oldest first per partition, to
     * the handler. A topic that does not exist reads as empty and is not created.
     *
     * @param stall how long the broker may go without answering or moving the read on before it fails
     * @throws TimeoutException when the broker does not answer within {@code stall}
     */
    public static void read(Properties client, String topic, Duration stall,
                            Consumer<ConsumerRecord<byte[], byte[]>> handler) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties(client),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, stall).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, stall);
            long position = positions(consumer, partitions, stall);
            long lastProgress = System.nanoTime();
            while (!caughtUp(consumer, end, stall)) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                        handler.accept(r);
                    }
                }
                // progress is the position, not delivered records: aborted transactions, their markers
                // and compaction gaps move it on without a record to hand over
                long now = positions(consumer, partitions, stall);
                if (now != position) {
                    position = now;
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > stall.toNanos()) {
                    throw new TimeoutException("the read of " + topic + " made no progress for " + stall.toSeconds()
                            + " s before its end offsets " + end);
                }
            }
        }
    }

    private static Properties properties(Properties client) {
        Properties p = new Properties();
        p.putAll(client);
        // read_committed: what the exactly-once writers actually published; the end offsets are then the
        // last stable offsets, which the read reaches once every open transaction before them is decided
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // a topic made by a read would get the broker's defaults (delete, not compact), and the service's
        // topic set-up leaves existing topics alone
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        // if retention moves the log start past the position mid-read, go on from the new start
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        return p;
    }

    private static long positions(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
                                  Duration stall) {
        return partitions.stream().mapToLong(tp -> consumer.position(tp, stall)).sum();
    }

    private static boolean caughtUp(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end,
                                    Duration stall) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey(), stall) >= e.getValue());
    }
}
