package dev.zebrastream.bench;

import dev.zebrastream.broker.TopicAdmin;
import dev.zebrastream.config.ZebraConfig;
import org.apache.kafka.clients.admin.Admin;

/** Topic set-up of the benchmarks that publish before the classifier starts. */
final class BenchTopics {

    private BenchTopics() {
    }

    /**
     * Creates the application's topics with the configured partitions, as the service would: a
     * producer writing first would have the broker create the frames topic with one partition,
     * leaving a single stream task however many threads are configured.
     */
    static void create(ZebraConfig config) throws Exception {
        try (Admin admin = Admin.create(config.kafka().clientProperties())) {
            TopicAdmin.ensureTopics(admin, config.topics(), config.kafka().partitions());
        }
    }
}
