package dev.zebrastream.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The {@code --client-properties} file. The Kafka clients only log a name they do not know, so a
 * misspelt {@code sasl.mechanism} would silently fall back to a default and the command would time out
 * later with nothing to say why; here every name is checked against the clients' own configuration
 * names, and every file the properties name (trust store, key store, ...) must exist.
 */
final class ClientPropertiesFile {

    /**
     * Every client gets the file, so a name is valid when one of them (or Kafka Streams) knows it; with one
     * of Kafka Streams' prefixes, when the client that the prefix addresses knows it.
     */
    private static final Set<String> NAMES = names();

    private ClientPropertiesFile() {
    }

    /** Reads and checks the file; a problem is an IllegalArgumentException naming the file and the property. */
    static Properties read(Path file) throws IOException {
        Properties p = TextFile.properties(file, "Kafka client properties file");
        for (String name : new TreeSet<>(p.stringPropertyNames())) {
            checkName(file, name);
            checkNamedFile(file, name, p.getProperty(name).trim());
        }
        return p;
    }

    private static void checkName(Path file, String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException(file + ": unknown Kafka client property '" + name + "'"
                    + Suggestions.didYouMean(name, NAMES));
        }
    }

    /** ssl.truststore.location, ssl.keystore.location, sasl.oauthbearer.*.file (also with a client prefix). */
    private static void checkNamedFile(Path file, String name, String value) {
        boolean namesFile = name.endsWith(".location") || name.endsWith(".file");
        if (namesFile && !value.isEmpty() && !Files.isReadable(Path.of(value))) {
            throw new IllegalArgumentException(file + ": " + name + " names " + value
                    + ", which does not exist or cannot be read");
        }
    }

    private static Set<String> names() {
        Set<String> all = new TreeSet<>(ProducerConfig.configNames());
        all.addAll(ConsumerConfig.configNames());
        all.addAll(AdminClientConfig.configNames());
        all.addAll(StreamsConfig.configDef().names());
        Map.of(StreamsConfig.PRODUCER_PREFIX, ProducerConfig.configNames(),
                StreamsConfig.CONSUMER_PREFIX, ConsumerConfig.configNames(),
                StreamsConfig.MAIN_CONSUMER_PREFIX, ConsumerConfig.configNames(),
                StreamsConfig.RESTORE_CONSUMER_PREFIX, ConsumerConfig.configNames(),
                StreamsConfig.GLOBAL_CONSUMER_PREFIX, ConsumerConfig.configNames(),
                StreamsConfig.ADMIN_CLIENT_PREFIX, AdminClientConfig.configNames())
                .forEach((prefix, names) -> names.forEach(name -> all.add(prefix + name)));
        return Set.copyOf(all);
    }
}
