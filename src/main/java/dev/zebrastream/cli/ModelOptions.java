package dev.zebrastream.cli;

import dev.zebrastream.config.ConfigLoader;
import dev.zebrastream.config.Setting;
import dev.zebrastream.config.ZebraConfig;
import dev.zebrastream.model.ClapModel;
import dev.zebrastream.model.ExecutionDevice;
import dev.zebrastream.model.ModelException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Flags shared by every command that loads the model; they override the configuration file. */
final class ModelOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "properties file with settings (default: $ZEBRA_CONFIG when set)")
    Path configFile;

    @Option(names = "--model", paramLabel = "DIR", description = "model directory (default: models/tiny-clap)")
    String modelDir;

    @Option(names = "--device", paramLabel = "cpu|cuda[:N]", description = "inference device (default: cpu)")
    String device;

    @Option(names = "--threads", paramLabel = "N", description = "ONNX Runtime intra-op threads (0 = default)")
    String threads;

    @Option(names = "--batch-size", paramLabel = "N", description = "windows per inference batch (default: 16)")
    String batchSize;

    /** Settings a command sets from its own flags (e.g. --bootstrap, --data-dir). */
    final Map<Setting, String> extra = new EnumMap<>(Setting.class);

    ZebraConfig config() throws IOException {
        Map<Setting, String> flags = new EnumMap<>(extra);
        putIfSet(flags, Setting.MODEL_DIR, modelDir);
        putIfSet(flags, Setting.DEVICE, device);
        putIfSet(flags, Setting.INFERENCE_THREADS, threads);
        putIfSet(flags, Setting.BATCH_SIZE, batchSize);
        return ConfigLoader.load(configFile, flags);
    }

    ClapModel loadModel(ZebraConfig config) throws ModelException {
        return ClapModel.load(config.modelDir(), ExecutionDevice.parse(config.device()), config.intraOpThreads());
    }

    private static void putIfSet(Map<Setting, String> flags, Setting s, String value) {
        if (value != null) {
            flags.put(s, value);
        }
    }
}
