package dev.zebrastream.client;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads topics from the beginning or the end with a throw-away consumer group and hands every
 * committed record (read_committed: what the exactly-once topology actually published) to a callback.
 */
public final class TopicTail implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private volatile boolean running = true;

    public TopicTail(Properties clientProperties, List<String> topics, boolean fromBeginning) {
        Properties p = CommittedReader.properties(clientProperties);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "zebra-tail-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, fromBeginning ? "earliest" : "latest");
        consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(topics);
    }

    /** One poll; returns the number of records handed over. */
    public int poll(Duration timeout, Consumer<ConsumerRecord<byte[], byte[]>> handler) {
        int n = 0;
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(timeout)) {
            handler.accept(r);
            n++;
        }
        return n;
    }

    /** Polls until {@link #stop} or, when {@code idleTimeout} is positive, until nothing arrives for that long. */
    public void run(Duration idleTimeout, Consumer<ConsumerRecord<byte[], byte[]>> handler) {
        long idleSince = System.nanoTime();
        try {
            while (running) {
                if (poll(Duration.ofMillis(200), handler) > 0) {
                    idleSince = System.nanoTime();
                } else if (!idleTimeout.isZero() && System.nanoTime() - idleSince > idleTimeout.toNanos()) {
                    return;
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
            // stop() woke the consumer up: the normal way out of a blocking poll
        }
    }

    public void stop() {
        running = false;
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
