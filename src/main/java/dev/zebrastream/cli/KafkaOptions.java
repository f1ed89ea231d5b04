package dev.zebrastream.cli;

import dev.zebrastream.config.Setting;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --bootstrap} and {@code --client-properties}, for commands that talk to an existing Kafka. */
final class KafkaOptions {

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "Kafka bootstrap servers (or kafka.bootstrap)")
    String bootstrap;

    @Option(names = "--client-properties", paramLabel = "FILE",
            description = "Kafka client properties (security.protocol, ssl.*, sasl.*) passed to every client")
    Path clientProperties;

    /** Copies the flags into the model options' overrides, so the usual precedence applies. */
    void applyTo(ModelOptions options) {
        if (bootstrap != null) {
            options.extra.put(Setting.BOOTSTRAP, bootstrap);
        }
        if (clientProperties != null) {
            options.extra.put(Setting.CLIENT_PROPERTIES, clientProperties.toString());
        }
    }
}
