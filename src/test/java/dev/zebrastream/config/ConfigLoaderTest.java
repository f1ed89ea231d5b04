package dev.zebrastream.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void defaultsApplyWithoutFileEnvOrFlags() throws Exception {
        ZebraConfig c = ConfigLoader.load(null, Map.of(), Map.of());
        assertEquals("cpu", c.device());
        assertEquals(16, c.batchSize());
        assertTrue(c.modelDir().endsWith(Path.of("models", "tiny-clap")));
        assertEquals(Path.of(System.getProperty("user.home"), ".local", "state", "zebra-stream"), c.dataDir(),
                "state lives in a per-user directory, not in the working directory");
    }

    @Test
    void flagsBeatEnvironmentWhichBeatsFile() throws Exception {
        Path file = dir.resolve("zebra.properties");
        Files.writeString(file, "batch.size=4\ndevice=cuda:1\ninference.threads=3\n");
        Map<String, String> env = Map.of("ZEBRA_BATCH_SIZE", "8", "ZEBRA_DEVICE", "cuda:0");
        ZebraConfig c = ConfigLoader.load(file, env, Map.of(Setting.DEVICE, "cpu"));
        assertEquals(8, c.batchSize(), "environment overrides the file");
        assertEquals("cpu", c.device(), "flag overrides the environment");
        assertEquals(3, c.intraOpThreads(), "file overrides the default");
    }

    @Test
    void configFileCanComeFromEnvironment() throws Exception {
        Path file = dir.resolve("z.properties");
        Files.writeString(file, "batch.size=5\n");
        ZebraConfig c = ConfigLoader.load(null, Map.of(ConfigLoader.CONFIG_ENV, file.toString()), Map.of());
        assertEquals(5, c.batchSize());
    }

    @Test
    void misspeltKeyIsRejectedWithItsName() throws Exception {
        Path file = dir.resolve("bad.properties");
        Files.writeString(file, "batch.sise=4\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.load(file, Map.of(), Map.of()));
        assertTrue(e.getMessage().contains("unknown setting 'batch.sise' (did you mean 'batch.size'?)"), e.getMessage());
    }

    @Test
    void nonNumericAndOutOfRangeValuesAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.load(null, Map.of(), Map.of(Setting.BATCH_SIZE, "many")));
        assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.load(null, Map.of(), Map.of(Setting.BATCH_SIZE, "0")));
    }

    @Test
    void envNamesFollowKeys() {
        assertEquals("ZEBRA_MODEL_DIR", Setting.MODEL_DIR.envName());
        assertEquals("ZEBRA_INFERENCE_THREADS", Setting.INFERENCE_THREADS.envName());
    }
}
