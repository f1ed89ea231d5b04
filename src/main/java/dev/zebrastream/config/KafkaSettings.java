package dev.zebrastream.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/** How to reach Kafka and run the Streams application. */
public record KafkaSettings(
        String bootstrap,
        Path clientPropertiesFile,
        String applicationId,
        String processingGuarantee,
        int streamThreads,
        long commitIntervalMs,
        int partitions) {

    private static final Set<String> GUARANTEES = Set.of("exactly_once_v2", "at_least_once");

    public KafkaSettings {
        if (!GUARANTEES.contains(processingGuarantee)) {
            throw new IllegalArgumentException("processing.guarantee must be one of " + GUARANTEES
                    + ", got '" + processingGuarantee + "'");
        }
        if (streamThreads < 1 || partitions < 1 || commitIntervalMs < 1) {
            throw new IllegalArgumentException("stream.threads, topic.partitions and commit.interval.ms must be positive");
        }
    }

    static KafkaSettings from(Map<Setting, String> v) {
        String props = v.get(Setting.CLIENT_PROPERTIES);
        return new KafkaSettings(v.get(Setting.BOOTSTRAP), props.isBlank() ? null : Path.of(props),
                v.get(Setting.APPLICATION_ID), v.get(Setting.PROCESSING_GUARANTEE),
                Setting.STREAM_THREADS.parseInt(v), Setting.COMMIT_INTERVAL_MS.parseLong(v),
                Setting.PARTITIONS.parseInt(v));
    }

    KafkaSettings withBootstrap(String address) {
        return new KafkaSettings(address, clientPropertiesFile, applicationId, processingGuarantee, streamThreads,
                commitIntervalMs, partitions);
    }

    KafkaSettings withApplicationId(String id) {
        return new KafkaSettings(bootstrap, clientPropertiesFile, id, processingGuarantee, streamThreads,
                commitIntervalMs, partitions);
    }

    /**
     * Properties every client gets: the bootstrap address plus the pass-through file (security
     * settings such as {@code security.protocol}, {@code ssl.*}, {@code sasl.*}).
     */
    public Properties clientProperties() throws IOException {
        if (bootstrap.isBlank()) {
            throw new IllegalArgumentException("no Kafka bootstrap address: pass --bootstrap HOST:PORT or set kafka.bootstrap");
        }
        Properties p = new Properties();
        if (clientPropertiesFile != null) {
            try (Reader r = Files.newBufferedReader(clientPropertiesFile)) {
                p.load(r);
            } catch (NoSuchFileException e) {
                throw new NoSuchFileException(clientPropertiesFile.toString(), null,
                        "Kafka client properties file not found");
            }
        }
        p.put("bootstrap.servers", bootstrap);
        return p;
    }
}
