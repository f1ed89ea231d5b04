package dev.zebrastream.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Collectors;
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
            // read_committed: these are the last stable offsets, reached once every transaction before them is decided
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, stall);
            Map<TopicPartition, Long> position = positions(consumer, partitions, stall);
            long lastProgress = System.nanoTime();
            while (!caughtUp(position, end)) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                        handler.accept(r);
                    }
                }
                // progress is the position, not delivered records: aborted transactions, their markers
                // and compaction gaps move it on without a record to hand over
                Map<TopicPartition, Long> now = positions(consumer, partitions, stall);
                if (!now.equals(position)) {
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
        Properties p = CommittedReader.properties(client);
        // if retention moves the log start past the position mid-read, go on from the new start
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return p;
    }

    private static Map<TopicPartition, Long> positions(KafkaConsumer<byte[], byte[]> consumer,
                                                       List<TopicPartition> partitions, Duration stall) {
        return partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> consumer.position(tp, stall)));
    }

    private static boolean caughtUp(Map<TopicPartition, Long> position, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> position.get(e.getKey()) >= e.getValue());
    }
}
