package dev.zebrastream.testing;

import dev.zebrastream.model.ClapModel;
import dev.zebrastream.model.ExecutionDevice;
import dev.zebrastream.model.ModelException;
import java.nio.file.Path;

/** The shipped model, loaded once per test JVM (ONNX sessions are expensive to create). */
public final class TestModels {

    public static final Path TINY_CLAP = Path.of("models", "tiny-clap");
    private static ClapModel tinyClap;

    private TestModels() {
    }

    public static synchronized ClapModel tinyClap() throws ModelException {
        if (tinyClap == null) {
            tinyClap = ClapModel.load(TINY_CLAP, ExecutionDevice.CPU, 1);
        }
        return tinyClap;
    }
}
