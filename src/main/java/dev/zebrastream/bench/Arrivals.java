package dev.zebrastream.bench;

import dev.zebrastream.client.TopicTail;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Committed records arriving on a topic: how many, and when the first and the last came. */
final class Arrivals {

    private static final Logger LOG = LoggerFactory.getLogger(Arrivals.class);

    int count;
    long firstNanos;
    long lastNanos;

    private void add() {
        long now = System.nanoTime();
        if (count++ == 0) {
            firstNanos = now;
        }
        lastNanos = now;
    }

    /**
     * Reads the topic from the start (read_committed) until {@code expected} records arrived or the
     * timeout passed, handing each to {@code each}; logs progress every 10 s.
     */
    static Arrivals await(Properties client, String topic, int expected, Duration timeout,
                          Consumer<ConsumerRecord<byte[], byte[]>> each) {
        Arrivals arrivals = new Arrivals();
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastLog = System.nanoTime();
        try (TopicTail tail = new TopicTail(client, List.of(topic), true)) {
            while (arrivals.count < expected && System.nanoTime() < deadline) {
                tail.poll(Duration.ofMillis(100), r -> {
                    arrivals.add();
                    each.accept(r);
                });
                if (System.nanoTime() - lastLog > 10e9) {
                    LOG.info("{}/{} windows classified", arrivals.count, expected);
                    lastLog = System.nanoTime();
                }
            }
        }
        return arrivals;
    }

    /** Bytes on the broker's disk in the application's changelog topics (state-store writes). */
    static long changelogBytes(Properties client, String applicationId, int node) throws Exception {
        try (Admin admin = Admin.create(client)) {
            long total = 0;
            for (var dir : admin.describeLogDirs(List.of(node)).allDescriptions().get().get(node).values()) {
                for (var replica : dir.replicaInfos().entrySet()) {
                    String topic = replica.getKey().topic();
                    if (topic.startsWith(applicationId + "-") && topic.endsWith("-changelog")) {
                        total += replica.getValue().size();
                    }
                }
            }
            return total;
        }
    }
}
