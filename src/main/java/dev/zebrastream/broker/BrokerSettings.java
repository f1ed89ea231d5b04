package dev.zebrastream.broker;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * Configuration of the single-node KRaft broker+controller: every replication factor is 1 (there is
 * one node), internal topics have few partitions, and thread pools are small, so the broker fits a
 * 2-core laptop next to the classifier.
 */
final class BrokerSettings {

    static final int NODE_ID = 1;
    /** Every listener, the controller's included, is on loopback only: this broker is for one machine. */
    static final String HOST = "127.0.0.1";
    static final String SASL_LISTENER = "SASL_PLAINTEXT";

    private BrokerSettings() {
    }

    static Properties of(Path logDir, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.putAll(identity(logDir, brokerPort, controllerPort));
        p.putAll(singleReplica());
        p.putAll(smallFootprint());
        return p;
    }

    private static Properties identity(Path logDir, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", Integer.toString(NODE_ID));
        p.setProperty("controller.quorum.bootstrap.servers", HOST + ":" + controllerPort);
        p.setProperty("listeners",
                "PLAINTEXT://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toAbsolutePath().toString());
        return p;
    }

    /** Adds a client listener with SASL over plain TCP and the PLAIN mechanism for {@code users}. */
    static void addSaslListener(Properties p, int port, SaslPlainUsers users) {
        String listener = SASL_LISTENER + "://" + HOST + ":" + port;
        p.setProperty("listeners", p.getProperty("listeners") + "," + listener);
        p.setProperty("advertised.listeners", p.getProperty("advertised.listeners") + "," + listener);
        p.setProperty("listener.security.protocol.map",
                p.getProperty("listener.security.protocol.map") + "," + SASL_LISTENER + ":" + SASL_LISTENER);
        // listener-scoped, so the inter-broker and controller listeners stay as they are
        String prefix = "listener.name." + SASL_LISTENER.toLowerCase(Locale.ROOT) + ".";
        p.setProperty(prefix + "sasl.enabled.mechanisms", "PLAIN");
        p.setProperty(prefix + "plain.sasl.jaas.config", users.jaasConfig());
    }

    /** One node: every topic, including the offsets and transaction logs that exactly-once needs, has one replica. */
    private static Properties singleReplica() {
        Properties p = new Properties();
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        return p;
    }

    private static Properties smallFootprint() {
        Properties p = new Properties();
        p.setProperty("num.network.threads", "2");
        p.setProperty("num.io.threads", "2");
        p.setProperty("background.threads", "2");
        p.setProperty("num.recovery.threads.per.data.dir", "1");
        p.setProperty("num.replica.fetchers", "1");
        p.setProperty("log.cleaner.threads", "1");
        // The default 128 MiB dedupe buffer is allocated up front; compacted topics here are small.
        p.setProperty("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        // 50 partitions each (the defaults) make the first consumer group and transaction slow to start.
        p.setProperty("offsets.topic.num.partitions", "3");
        p.setProperty("transaction.state.log.num.partitions", "3");
        p.setProperty("share.coordinator.state.topic.num.partitions", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("log.retention.check.interval.ms", "30000");
        // Pooled windows carry seconds of float32 audio, more than the 1 MiB default.
        p.setProperty("message.max.bytes", Integer.toString(RecordLimits.MAX_RECORD_BYTES));
        p.setProperty("replica.fetch.max.bytes", Integer.toString(RecordLimits.MAX_RECORD_BYTES));
        return p;
    }
}
