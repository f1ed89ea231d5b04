package dev.zebrastream.config;

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
        int batchSize) {

    public ZebraConfig {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch.size must be at least 1, got " + batchSize);
        }
        if (intraOpThreads < 0) {
            throw new IllegalArgumentException("inference.threads must be 0 (runtime default) or positive, got "
                    + intraOpThreads);
        }
    }

    static ZebraConfig from(Map<Setting, String> values) {
        return new ZebraConfig(
                resolveAgainstHome(Path.of(values.get(Setting.MODEL_DIR))),
                values.get(Setting.DEVICE),
                Setting.INFERENCE_THREADS.parseInt(values),
                Setting.BATCH_SIZE.parseInt(values));
    }

    /**
     * A relative path that does not exist here is looked up under the installation directory
     * ({@code -Dzebra.home}, set by the launcher), so {@code ./zebra} works from any directory.
     */
    static Path resolveAgainstHome(Path p) {
        String home = System.getProperty("zebra.home");
        if (p.isAbsolute() || Files.exists(p) || home == null) {
            return p;
        }
        return Path.of(home).resolve(p);
    }
}
