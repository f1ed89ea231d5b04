package dev.zebrastream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zebrastream.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `zebra benchmark adapt` end to end on the shipped model, kept tiny through a config file. */
class BenchmarkAdaptCommandTest {

    @Test
    void tinyAdaptationPrintsItsFigures(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("zebra.properties");
        Files.writeString(config, "adapt.optimizer=subspace-gn\nadapt.steps=2\nadapt.directions=3\n");
        CliRun run = CliRun.of("benchmark", "adapt", "--config", config.toString(), "--base-classes", "3",
                "--shots", "2", "--pool", "20", "--threads", "1");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("optimiser subspace-gn: 2 iterations x 3 directions"), run.out());
        assertTrue(run.out().contains("optimiser iterations: 2; context sets encoded: "), run.out());
        assertTrue(run.out().contains("wall time of the adaptation (learning + guard): "), run.out());
    }
}
