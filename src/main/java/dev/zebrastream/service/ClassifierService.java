package dev.zebrastream.service;

import dev.zebrastream.config.ZebraConfig;
import dev.zebrastream.metrics.MetricsServer;
import dev.zebrastream.metrics.StreamMetrics;
import dev.zebrastream.model.ClapModel;
import dev.zebrastream.stream.ConsumerLiveness;
import dev.zebrastream.stream.PromptRegistry;
import dev.zebrastream.stream.WindowClassifier;
import dev.zebrastream.stream.ZebraTopology;
import dev.zebrastream.broker.TopicAdmin;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The classifier as a running service: the model, the topics (created when missing), the
 * topology on Kafka Streams and the Prometheus endpoint. Close it to stop everything cleanly.
 */
public final class ClassifierService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClassifierService.class);

    private final KafkaStreams streams;
    private final MetricsServer metricsServer;
    private final PromptRegistry prompts;
    private final RestoreProgress restores;
    private final WindowClassifier classifier;

    private ClassifierService(KafkaStreams streams, MetricsServer metricsServer, PromptRegistry prompts,
                              RestoreProgress restores, WindowClassifier classifier) {
        this.streams = streams;
        this.classifier = classifier;
        this.metricsServer = metricsServer;
        this.prompts = prompts;
        this.restores = restores;
    }

    /** Starts the service on an already loaded model (which the caller keeps and closes). */
    public static ClassifierService start(ZebraConfig config, ClapModel model) throws Exception {
        StreamMetrics metrics = new StreamMetrics(new PrometheusRegistry());
        // first: a port that is taken fails the command at once, before any wait for Kafka
        MetricsServer server = config.metricsPort() > 0
                ? MetricsServer.start(metrics.registry(), config.metricsHost(), config.metricsPort()) : null;
        try {
            return start(config, model, metrics, server);
        } catch (Exception e) {
            if (server != null) {
                server.close();
            }
            throw e;
        }
    }

    private static ClassifierService start(ZebraConfig config, ClapModel model, StreamMetrics metrics,
                                           MetricsServer server) throws Exception {
        int framePartitions;
        ConsumerLiveness liveness = new ConsumerLiveness();
        try (Admin admin = Admin.create(config.kafka().clientProperties())) {
            TopicAdmin.ensureTopics(admin, config.topics(), config.kafka().partitions());
            framePartitions = TopicAdmin.partitionCount(admin, config.topics().audioFrames());
        }
        List<String> classes = config.stream().classesOr(model.manifest().classes());
        PromptRegistry prompts = new PromptRegistry(model, config.stream().promptSetId(), classes);
        ZebraTopology.Parts parts = ZebraTopology.parts(config, model, prompts, metrics)
                .onCluster(framePartitions, liveness);
        Topology topology = ZebraTopology.build(config.topics(), parts);
        KafkaStreams streams = new KafkaStreams(topology, StreamsProperties.of(config));
        liveness.watch(streams::metrics);
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("stream thread failed: {}", e.toString());
            return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        metrics.consumerLag(() -> maxLag(streams.metrics()));
        RestoreProgress restores = new RestoreProgress();
        streams.setGlobalStateRestoreListener(restores);
        streams.start();
        LOG.info("classifier started: application {} on {}, {} classes", config.kafka().applicationId(),
                config.kafka().bootstrap(), classes.size());
        return new ClassifierService(streams, server, prompts, restores, parts.classifier());
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    public PromptRegistry prompts() {
        return prompts;
    }

    /** State restored from changelogs since start: records and seconds from first start to last end. */
    public RestoreProgress.Summary restored() {
        return restores.summary();
    }

    /** Blocks until the topology is RUNNING (or fails, or the timeout passes). */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            KafkaStreams.State st = streams.state();
            if (st == KafkaStreams.State.RUNNING) {
                return true;
            }
            if (st == KafkaStreams.State.ERROR || st == KafkaStreams.State.NOT_RUNNING) {
                return false;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static double maxLag(Map<MetricName, ? extends Metric> metrics) {
        double max = 0;
        for (Map.Entry<MetricName, ? extends Metric> e : metrics.entrySet()) {
            if (e.getKey().name().equals("records-lag-max") && e.getValue().metricValue() instanceof Double d
                    && !d.isNaN()) {
                max = Math.max(max, d);
            }
        }
        return max;
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
        try {
            classifier.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (metricsServer != null) {
            metricsServer.close();
        }
    }
}
