package dev.zebrastream.config;

import dev.zebrastream.adapt.AdaptationSettings;
import dev.zebrastream.adapt.GuardPolicy;
import dev.zebrastream.adapt.ObjectiveWeights;
import dev.zebrastream.adapt.ZoConfig;
import dev.zebrastream.adapt.ZoMethod;
import dev.zebrastream.broker.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Every setting of the service in one typed place. Values come, lowest precedence first, from the
 * defaults in {@link Setting}, a properties file, {@code ZEBRA_*} environment variables and
 * command-line flags; {@link ConfigLoader} does the layering.
 */
public record ZebraConfig(
        Path modelDir,
        String device,
        int intraOpThreads,
        int batchSize,
        KafkaSettings kafka,
        Topics topics,
        StreamSettings stream,
        Path dataDir,
        String metricsHost,
        int metricsPort,
        boolean adaptEnabled,
        AdaptationSettings adaptation) {

    public ZebraConfig {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch.size must be at least 1, got " + batchSize);
        }
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("inference.threads must be 0 (runtime default) or positive, got "
                    + intraOpThreads);
        }
        if (metricsPort < 0 || metricsPort > 65535) {
            throw new IllegalArgumentException("metrics.port must be 0..65535, got " + metricsPort);
        }
    }

    static ZebraConfig from(Map<Setting, String> v) {
        return new ZebraConfig(
                resolveAgainstHome(Path.of(v.get(Setting.MODEL_DIR))),
                v.get(Setting.DEVICE),
                Setting.INFERENCE_THREADS.parseInt(v),
                Setting.BATCH_SIZE.parseInt(v),
                KafkaSettings.from(v),
                new Topics(v.get(Setting.TOPIC_FRAMES), v.get(Setting.TOPIC_EVENTS), v.get(Setting.TOPIC_POOL),
                        v.get(Setting.TOPIC_LABELS), v.get(Setting.TOPIC_PROMPTS), v.get(Setting.TOPIC_ALERTS),
                        v.get(Setting.TOPIC_DLQ)),
                StreamSettings.from(v),
                expandHome(v.get(Setting.DATA_DIR)),
                v.get(Setting.METRICS_HOST),
                Setting.METRICS_PORT.parseInt(v),
                Setting.ADAPT_ENABLED.parseBoolean(v),
                adaptation(v));
    }

    private static AdaptationSettings adaptation(Map<Setting, String> v) {
        ObjectiveWeights weights = new ObjectiveWeights(true, Setting.ADAPT_FUSION_WEIGHT.parseDouble(v),
                Setting.ADAPT_BETA.parseDouble(v), Setting.ADAPT_LAMBDA_U.parseDouble(v),
                Setting.ADAPT_LAMBDA_DIV.parseDouble(v));
        ZoConfig zo = new ZoConfig(Setting.ADAPT_STEPS.parseInt(v), Setting.ADAPT_DIRECTIONS.parseInt(v),
                ZoConfig.DEFAULT_MU, Setting.ADAPT_LEARNING_RATE.parseDouble(v), Setting.ADAPT_SUBSPACE.parseInt(v),
                Setting.ADAPT_SEED.parseLong(v), true, ZoMethod.parse(v.get(Setting.ADAPT_OPTIMIZER)));
        GuardPolicy guard = new GuardPolicy(Setting.ADAPT_MAX_ACCURACY_LOSS.parseDouble(v),
                GuardPolicy.defaults().minPoolMeanEntropy(), GuardPolicy.defaults().maxTopClassShare());
        return new AdaptationSettings(Setting.ADAPT_MIN_NEW_LABELS.parseInt(v),
                Setting.ADAPT_INTERVAL_SECONDS.parseLong(v) * 1000, 1, Setting.ADAPT_VALIDATION_FRACTION.parseDouble(v),
                Setting.ADAPT_CONTEXT_LENGTH.parseInt(v), weights, zo, guard, Setting.ADAPT_POOL_CAPACITY.parseInt(v));
    }

    /** A copy with another bootstrap address (the demo points everything at its embedded broker). */
    public ZebraConfig withBootstrap(String bootstrap) {
        return new ZebraConfig(modelDir, device, intraOpThreads, batchSize, kafka.withBootstrap(bootstrap), topics,
                stream, dataDir, metricsHost, metricsPort, adaptEnabled, adaptation);
    }

    /** A copy for a separate application: its own id, topics (prefixed by the id) and state directory. */
    public ZebraConfig withStream(StreamSettings newStream) {
        return new ZebraConfig(modelDir, device, intraOpThreads, batchSize, kafka, topics, newStream, dataDir,
                metricsHost, metricsPort, adaptEnabled, adaptation);
    }

    public ZebraConfig withApplication(String applicationId, Path stateDir) {
        return new ZebraConfig(modelDir, device, intraOpThreads, batchSize, kafka.withApplicationId(applicationId),
                topics.prefixed(applicationId + "."), stream, stateDir, metricsHost, metricsPort,
                adaptEnabled, adaptation);
    }

    /**
     * A relative path that does not exist here is looked up under the installation directory
     * ({@code -Dzebra.home}, set by the launcher), so {@code ./zebra} works from any directory.
     */
    /** A leading {@code ~/} names the user's home directory, as in a shell. */
    static Path expandHome(String path) {
        return path.startsWith("~/") ? Path.of(System.getProperty("user.home")).resolve(path.substring(2)) : Path.of(path);
    }

    static Path resolveAgainstHome(Path p) {
        String home = System.getProperty("zebra.home");
        if (p.isAbsolute() || Files.exists(p) || home == null) {
            return p;
        }
        return Path.of(home).resolve(p);
    }
}
