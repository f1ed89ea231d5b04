package dev.zebrastream.service;

import dev.zebrastream.broker.RecordLimits;
import dev.zebrastream.config.ZebraConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.UsePartitionTimeOnInvalidTimestamp;

/** Kafka Streams properties from the typed configuration. */
final class StreamsProperties {

    private StreamsProperties() {
    }

    static Properties of(ZebraConfig config) throws IOException {
        Properties p = config.kafka().connectionProperties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.kafka().applicationId());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.kafka().processingGuarantee());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.kafka().streamThreads());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.kafka().commitIntervalMs());
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir(config).toString());
        p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), RecordLimits.MAX_RECORD_BYTES);
        // A bad prompt record is logged and skipped by the global processor itself; opting in now
        // is what Kafka 5 will do by default.
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, "true");
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG), RecordLimits.MAX_RECORD_BYTES);
        membership(p, config);
        // While the broker is away each client logs one warning per failed reconnect; backing off to
        // 5 s keeps an outage readable and still reconnects within seconds of the broker's return.
        p.putIfAbsent(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, "5000");
        p.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, UnwritableOutputHandler.class.getName());
        // A record without a valid timestamp (only a hand-made produce request can write one) is
        // processed at its partition's time instead of stopping the stream.
        p.put(StreamsConfig.DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_CONFIG, UsePartitionTimeOnInvalidTimestamp.class.getName());
        return p;
    }

    /**
     * Static membership: an instance that restarts with the same data directory rejoins under the
     * same {@code group.instance.id} and gets its partitions back at once, instead of waiting for
     * its dead predecessor's session to expire. A shorter session timeout (10 s, not 45 s) then bounds
     * how long an instance that does not come back keeps its sensors unserved. Both can be
     * overridden in the client properties file.
     */
    private static void membership(Properties p, ZebraConfig config) throws IOException {
        p.putIfAbsent(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
                config.kafka().applicationId() + "-" + InstanceId.of(config.dataDir()));
        p.putIfAbsent(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), "10000");
    }

    static Path stateDir(ZebraConfig config) {
        return config.dataDir().resolve("streams");
    }
}
