package dev.zebrastream.cli;

import dev.zebrastream.broker.EmbeddedKafkaBroker;
import dev.zebrastream.broker.TopicAdmin;
import dev.zebrastream.config.ZebraConfig;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code zebra broker}: the embedded single-node KRaft broker alone, with the topics, for local development. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Start the embedded Kafka broker (KRaft, single node) with the ZEBRA topics and print its address.")
final class BrokerCommand implements Callable<Integer>, ReportsProgress {

    @Mixin
    ModelOptions configOptions;

    @Option(names = "--port", defaultValue = "9092", paramLabel = "P", description = "listener port, 0 = any free (default: 9092)")
    int port;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "log directory parent, kept across runs (default: data.dir)")
    Path dataDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ZebraConfig config = configOptions.config();
        Path dir = (dataDir != null ? dataDir : config.dataDir()).resolve("kafka");
        try (Interruption interruption = new Interruption()) {
            try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, port)) {
                Properties admin = new Properties();
                admin.put("bootstrap.servers", broker.bootstrapServers());
                try (Admin a = Admin.create(admin)) {
                    TopicAdmin.ensureTopics(a, config.topics(), config.kafka().partitions());
                }
                spec.commandLine().getOut().println(broker.bootstrapServers());
                spec.commandLine().getOut().flush();
                interruption.awaitSignal();
            }
        }
        return 0;
    }
}
