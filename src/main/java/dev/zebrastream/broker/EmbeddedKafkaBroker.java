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
    private final String saslBootstrapServers;
    private final String clusterId;
    private final Path dataDir;

    private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers, String saslBootstrapServers,
                                String clusterId, Path dataDir) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.saslBootstrapServers = saslBootstrapServers;
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
        return start(dataDir, port, null);
    }

    /**
     * As {@link #start(Path)}, with a second client listener, SASL_PLAINTEXT with the PLAIN mechanism for
     * {@code users}, on a free port ({@link #saslBootstrapServers()}).
     */
    public static EmbeddedKafkaBroker startWithSasl(Path dataDir, SaslPlainUsers users) {
        return start(dataDir, 0, users);
    }

    private static EmbeddedKafkaBroker start(Path dataDir, int port, SaslPlainUsers saslUsers) {
        long started = System.nanoTime();
        int plainPort = port == 0 ? freePort() : port;
        int controllerPort = freePort();
        int saslPort = saslUsers == null ? 0 : freePort();
        Properties settings = BrokerSettings.of(createDirectories(dataDir), plainPort, controllerPort);
        if (saslUsers != null) {
            BrokerSettings.addSaslListener(settings, saslPort, saslUsers);
        }
        String clusterId = LogDirFormatter.ensureFormatted(dataDir, settings);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(settings), Time.SYSTEM);
        startOrShutDown(server);
        String sasl = saslUsers == null ? null : address(saslPort);
        LOG.info("Kafka broker up in {} ms, on loopback only: clients {} (PLAINTEXT){}, controller {}; "
                + "cluster {}, data {}", (System.nanoTime() - started) / 1_000_000, address(plainPort),
                sasl == null ? "" : ", " + sasl + " (" + BrokerSettings.SASL_LISTENER + ", PLAIN)",
                address(controllerPort), clusterId, dataDir.toAbsolutePath());
        return new EmbeddedKafkaBroker(server, address(plainPort), sasl, clusterId, dataDir);
    }

    /** The broker's node id, for admin calls that address it (log directories, configs). */
    public int nodeId() {
        return BrokerSettings.NODE_ID;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The SASL_PLAINTEXT listener's address; only for a broker started {@link #startWithSasl with SASL}. */
    public String saslBootstrapServers() {
        if (saslBootstrapServers == null) {
            throw new IllegalStateException("this broker was started without a SASL listener");
        }
        return saslBootstrapServers;
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

    private static String address(int port) {
        return BrokerSettings.HOST + ":" + port;
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
