package dev.zebrastream.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) running in this JVM, on
 * loopback, with its data in a directory that is kept across restarts. For the demo, local development
 * and integration tests; production uses an external cluster.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final String clusterId;
    private final Path dataDir;

    private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers, String clusterId, Path dataDir) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.clusterId = clusterId;
        this.dataDir = dataDir;
    }

    /** Starts on free ports with data under {@code dataDir}. */
    public static EmbeddedKafkaBroker start(Path dataDir) {
        return start(dataDir, 0);
    }

    /**
     * Starts with data under {@code dataDir} (created and formatted on first use, reused after) and the
     * client listener on {@code port}, or on a free port when {@code port} is 0. Returns once the broker
     * accepts requests.
     */
    public static EmbeddedKafkaBroker start(Path dataDir, int port) {
        long started = System.nanoTime();
        int brokerPort = port == 0 ? freePort() : port;
        Properties settings = BrokerSettings.of(createDirectories(dataDir), brokerPort, freePort());
        String clusterId = LogDirFormatter.ensureFormatted(dataDir, settings);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(settings), Time.SYSTEM);
        startOrShutDown(server);
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, "localhost:" + brokerPort, clusterId, dataDir);
        LOG.info("Kafka broker up at {} (cluster {}, data {}) in {} ms", broker.bootstrapServers, clusterId,
                dataDir.toAbsolutePath(), (System.nanoTime() - started) / 1_000_000);
        return broker;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String clusterId() {
        return clusterId;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Shuts the broker down cleanly, so the next start on the same directory skips log recovery. */
    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        LOG.info("Kafka broker at {} stopped", bootstrapServers);
    }

    /** A half-started server holds ports, threads and the log-directory lock; release them before failing. */
    private static void startOrShutDown(KafkaRaftServer server) {
        try {
            server.startup();
        } catch (RuntimeException e) {
            server.shutdown();
            server.awaitShutdown();
            throw e;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Kafka data directory " + dir, e);
        }
    }
}
