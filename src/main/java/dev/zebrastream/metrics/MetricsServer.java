package dev.zebrastream.metrics;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves {@code /metrics} in the Prometheus text format. */
public final class MetricsServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsServer.class);

    private final HTTPServer server;
    private final InetAddress address;

    private MetricsServer(HTTPServer server, InetAddress address) {
        this.server = server;
        this.address = address;
    }

    /**
     * Listens on {@code host} (metrics.host: loopback unless an operator opens it up) and {@code port}.
     *
     * @throws BindException naming the port when something else listens there already
     */
    public static MetricsServer start(PrometheusRegistry registry, String host, int port) throws IOException {
        InetAddress address = InetAddress.getByName(host);
        HTTPServer server;
        try {
            server = HTTPServer.builder().inetAddress(address).port(port).registry(registry).buildAndStart();
        } catch (BindException e) {
            // the JDK says only "Address already in use"
            throw new BindException("metrics port " + port
                    + " is already in use (metrics.port; 0 turns the endpoint off)");
        }
        MetricsServer metrics = new MetricsServer(server, address);
        LOG.info("metrics on http://{}:{}/metrics ({})", address.getHostAddress(), metrics.port(),
                address.isLoopbackAddress() ? "loopback only" : "reachable from other hosts");
        return metrics;
    }

    public int port() {
        return server.getPort();
    }

    /** The address it listens on. */
    public InetAddress address() {
        return address;
    }

    @Override
    public void close() {
        server.close();
    }
}
