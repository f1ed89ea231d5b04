package dev.zebrastream.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/** How to reach Kafka and run the Streams application. */
public record KafkaSettings(
        String bootstrap,
        Path clientPropertiesFile,
        long timeoutMs,
        String applicationId,
        String processingGuarantee,
        int streamThreads,
        long commitIntervalMs,
        int partitions) {

    private static final Set<String> GUARANTEES = Set.of("exactly_once_v2", "at_least_once");
    /** Below a second even a healthy broker on another host may not answer a metadata request in time. */
    private static final long MIN_TIMEOUT_MS = 1000;

    public KafkaSettings {
        if (!GUARANTEES.contains(processingGuarantee)) {
            throw new IllegalArgumentException("processing.guarantee must be one of " + GUARANTEES
                    + ", got '" + processingGuarantee + "'");
        }
        if (streamThreads < 1 || partitions < 1 || commitIntervalMs < 1) {
            throw new IllegalArgumentException("stream.threads, topic.partitions and commit.interval.ms must be positive");
        }
        if (timeoutMs < MIN_TIMEOUT_MS) {
            throw new IllegalArgumentException("kafka.timeout.ms must be at least " + MIN_TIMEOUT_MS + ", got "
                    + timeoutMs);
        }
    }

    static KafkaSettings from(Map<Setting, String> v) {
        String props = v.get(Setting.CLIENT_PROPERTIES);
        return new KafkaSettings(v.get(Setting.BOOTSTRAP), props.isBlank() ? null : Path.of(props),
                Setting.KAFKA_TIMEOUT_MS.parseLong(v), v.get(Setting.APPLICATION_ID),
                v.get(Setting.PROCESSING_GUARANTEE), Setting.STREAM_THREADS.parseInt(v),
                Setting.COMMIT_INTERVAL_MS.parseLong(v), Setting.PARTITIONS.parseInt(v));
    }

    KafkaSettings withBootstrap(String address) {
        return new KafkaSettings(address, clientPropertiesFile, timeoutMs, applicationId, processingGuarantee,
                streamThreads, commitIntervalMs, partitions);
    }

    KafkaSettings withApplicationId(String id) {
        return new KafkaSettings(bootstrap, clientPropertiesFile, timeoutMs, id, processingGuarantee, streamThreads,
                commitIntervalMs, partitions);
    }

    /**
     * The connection alone: the bootstrap address plus the checked pass-through file (security settings
     * such as {@code security.protocol}, {@code ssl.*}, {@code sasl.*}). Kafka Streams starts from this:
     * a service rides out a broker restart on its own, longer timeouts.
     */
    public Properties connectionProperties() throws IOException {
        if (bootstrap.isBlank()) {
            throw new IllegalArgumentException("no Kafka bootstrap address: pass --bootstrap HOST:PORT or set kafka.bootstrap");
        }
        Properties p = clientPropertiesFile == null ? new Properties()
                : ClientPropertiesFile.read(clientPropertiesFile);
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return p;
    }

    /**
     * Properties for the clients of commands: the connection plus timeouts from {@code kafka.timeout.ms},
     * so a broker that does not answer (down, or refusing the security settings) fails a command within
     * that time instead of the clients' minutes. A timeout set in the pass-through file wins.
     */
    public Properties clientProperties() throws IOException {
        Properties p = connectionProperties();
        p.putIfAbsent(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(timeoutMs));
        p.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(timeoutMs));
        p.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(timeoutMs));
        // half: a request that times out is retried once within the command's time, and the producer
        // requires delivery.timeout.ms >= linger.ms + request.timeout.ms
        p.putIfAbsent(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(timeoutMs / 2));
        return p;
    }
}
