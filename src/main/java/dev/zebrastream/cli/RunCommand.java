package dev.zebrastream.cli;

import dev.zebrastream.config.Setting;
import dev.zebrastream.config.ZebraConfig;
import dev.zebrastream.model.ClapModel;
import dev.zebrastream.service.AdaptationService;
import dev.zebrastream.service.ClassifierService;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code zebra run}: the classifier topology against an existing Kafka cluster, until Ctrl-C. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the classifier against an existing Kafka cluster (start more instances with the same "
                + "application id to scale out).")
final class RunCommand implements Callable<Integer>, ReportsProgress {

    @Mixin
    ModelOptions modelOptions;

    @Mixin
    KafkaOptions kafkaOptions;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "local state directory (default: data.dir, ~/.local/state/zebra-stream)")
    Path dataDir;

    @Option(names = "--adapt", description = "also run the adaptation service in this instance (adapt.enabled)")
    boolean adapt;

    @Override
    public Integer call() throws Exception {
        kafkaOptions.applyTo(modelOptions);
        if (dataDir != null) {
            modelOptions.extra.put(Setting.DATA_DIR, dataDir.toString());
        }
        if (adapt) {
            modelOptions.extra.put(Setting.ADAPT_ENABLED, "true");
        }
        ZebraConfig config = modelOptions.config();
        config.kafka().clientProperties();
        try (Interruption interruption = new Interruption()) {
            try (ClapModel model = modelOptions.loadModel(config);
                 ClassifierService service = ClassifierService.start(config, model);
                 AdaptationService adaptation = config.adaptEnabled() ? new AdaptationService(config, model).start() : null) {
                while (!interruption.await(1_000)) {
                    if (service.state() == org.apache.kafka.streams.KafkaStreams.State.ERROR) {
                        return 1;
                    }
                }
            }
        }
        return 0;
    }
}
