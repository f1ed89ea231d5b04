package dev.zebrastream.service;

import dev.zebrastream.config.ZebraConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** Kafka Streams properties from the typed configuration. */
final class StreamsProperties {

    /** Windows and assembler state carry seconds of float audio: allow records well beyond 1 MiB. */
    static final int MAX_REQUEST_BYTES = 8 * 1024 * 1024;

    private StreamsProperties() {
    }

    static Properties of(ZebraConfig config) throws IOException {
        Properties p = config.kafka().clientProperties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.kafka().applicationId());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.kafka().processingGuarantee());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.kafka().streamThreads());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.kafka().commitIntervalMs());
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir(config).toString());
        p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), MAX_REQUEST_BYTES);
        // A bad prompt record is logged and skipped by the global processor itself; opting in now
        // is what Kafka 5 will do by default.
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, "true");
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG), MAX_REQUEST_BYTES);
        return p;
    }

    static Path stateDir(ZebraConfig config) {
        return config.dataDir().resolve("streams");
    }
}
