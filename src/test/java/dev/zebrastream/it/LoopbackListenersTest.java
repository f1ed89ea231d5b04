package dev.zebrastream.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zebrastream.broker.EmbeddedKafkaBroker;
import dev.zebrastream.broker.SaslPlainUsers;
import dev.zebrastream.config.Setting;
import dev.zebrastream.metrics.MetricsServer;
import dev.zebrastream.testing.ListeningSockets;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every port the service opens (the embedded broker's client listeners and controller, the metrics
 * endpoint) listens on loopback only by default: the kernel's list of this JVM's listening sockets shows no
 * other address, and a connection to the machine's network address is refused. A socket on every interface
 * is seen by the same checks, so they can fail.
 */
class LoopbackListenersTest {

    @TempDir
    Path dir;

    @Test
    void theBrokerItsControllerAndTheMetricsEndpointListenOnLoopbackOnly() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startWithSasl(dir, new SaslPlainUsers(Map.of("u", "p")));
             MetricsServer metrics = MetricsServer.start(new PrometheusRegistry(), Setting.METRICS_HOST.defaultValue(), 0)) {
            List<Integer> ports = List.of(port(broker.bootstrapServers()), port(broker.saslBootstrapServers()),
                    metrics.port());
            assertTrue(metrics.address().isLoopbackAddress(), metrics.address().toString());
            Optional<List<InetSocketAddress>> listening = ListeningSockets.ofThisProcess();
            System.out.println("listening sockets of this JVM: " + listening.map(Object::toString).orElse("no /proc"));
            if (listening.isPresent()) {
                List<Integer> seen = listening.get().stream().map(InetSocketAddress::getPort).toList();
                assertTrue(seen.containsAll(ports), "the kernel lists " + seen + ", expected " + ports);
                assertTrue(listening.get().size() >= ports.size() + 1, "and the controller: " + listening.get());
                listening.get().forEach(a -> assertTrue(a.getAddress().isLoopbackAddress(), "loopback only: " + a));
            }
            Optional<InetAddress> network = ListeningSockets.nonLoopbackAddress();
            System.out.println("network address of this machine: " + network.map(Object::toString).orElse("none"));
            for (int port : ports) {
                assertTrue(ListeningSockets.answers(InetAddress.getLoopbackAddress(), port), "loopback " + port);
                network.ifPresent(a -> assertFalse(ListeningSockets.answers(a, port), a + ":" + port + " answers"));
            }
            System.out.println("ports " + ports + " answer on loopback only");
        }
    }

    @Test
    void aListenerOnEveryInterfaceIsSeenByTheSameChecks() throws Exception {
        try (ServerSocket everywhere = new ServerSocket(0);
             MetricsServer metrics = MetricsServer.start(new PrometheusRegistry(), "0.0.0.0", 0)) {
            Optional<List<InetSocketAddress>> listening = ListeningSockets.ofThisProcess();
            listening.ifPresent(all -> {
                List<InetSocketAddress> open = all.stream().filter(a -> !a.getAddress().isLoopbackAddress()).toList();
                System.out.println("not loopback: " + open);
                assertEquals(2, open.stream().filter(a -> a.getPort() == everywhere.getLocalPort()
                        || a.getPort() == metrics.port()).count(), all.toString());
            });
            Optional<InetAddress> network = ListeningSockets.nonLoopbackAddress();
            network.ifPresent(a -> {
                assertTrue(ListeningSockets.answers(a, everywhere.getLocalPort()));
                assertTrue(ListeningSockets.answers(a, metrics.port()), "metrics.host=0.0.0.0 opens the endpoint");
            });
        }
    }

    private static int port(String hostAndPort) {
        return Integer.parseInt(hostAndPort.substring(hostAndPort.lastIndexOf(':') + 1));
    }
}
