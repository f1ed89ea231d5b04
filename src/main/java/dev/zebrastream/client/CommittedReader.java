package dev.zebrastream.client;

import dev.zebrastream.broker.RecordLimits;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/** The consumer settings every reader of the service's topics shares. */
final class CommittedReader {

    private CommittedReader() {
    }

    /** The client properties plus what a committed-only, non-committing, non-creating reader needs. */
    static Properties properties(Properties client) {
        Properties p = new Properties();
        p.putAll(client);
        // read_committed: what the exactly-once writers actually published
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // a topic made by a reader would get the broker's defaults (delete, not compact), and the
        // service's topic set-up leaves existing topics alone
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, RecordLimits.MAX_RECORD_BYTES);
        return p;
    }
}
