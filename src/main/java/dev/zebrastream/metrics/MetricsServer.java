package dev.zebrastream.metrics;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;

/** Serves {@code /metrics} in the Prometheus text format. */
public final class MetricsServer implements AutoCloseable {

    private final HTTPServer server;

    private MetricsServer(HTTPServer server) {
        this.server = server;
    }

    public static MetricsServer start(PrometheusRegistry registry, int port) throws IOException {
        return new MetricsServer(HTTPServer.builder().hostname("127.0.0.1").port(port).registry(registry).buildAndStart());
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.close();
    }
}
