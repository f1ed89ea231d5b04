package dev.zebrastream.cli;

import dev.zebrastream.bench.AdaptBenchmark;
import dev.zebrastream.bench.PipelineBenchmark;
import dev.zebrastream.config.ZebraConfig;
import dev.zebrastream.model.ClapModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code zebra benchmark}: measurements that print figures (recorded in docs/benchmarks.md). */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Measure on this machine: the pipeline (raw inference, sustained windows/s, latency) and one "
                + "prompt adaptation.",
        subcommands = {BenchmarkCommand.Pipeline.class, BenchmarkCommand.Adapt.class})
final class BenchmarkCommand extends CommandGroup {

    @Command(name = "pipeline", mixinStandardHelpOptions = true,
            description = "Embedded broker + topology + simulated sensors: sustained windows/s, frame-to-event latency "
                    + "p50/p90/p99, and the same model's raw inference windows/s in the same run.")
    static final class Pipeline implements Callable<Integer>, ReportsProgress {

        @Mixin
        ModelOptions modelOptions;

        @Option(names = "--sensors", defaultValue = "8", paramLabel = "N", description = "simulated sensors (default: 8)")
        int sensors;

        @Option(names = "--seconds", defaultValue = "60", paramLabel = "S",
                description = "audio per sensor for the throughput run (default: 60)")
        double seconds;

        @Option(names = "--latency-seconds", defaultValue = "60", paramLabel = "S",
                description = "length of the real-time latency run (default: 60)")
        double latencySeconds;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            ZebraConfig config = modelOptions.config();
            Path dir = Files.createTempDirectory("zebra-bench");
            try (ClapModel model = modelOptions.loadModel(config)) {
                new PipelineBenchmark(config, model, spec.commandLine().getOut()).run(sensors, seconds, latencySeconds, dir);
            }
            return 0;
        }
    }

    @Command(name = "adapt", mixinStandardHelpOptions = true,
            description = "One re-adaptation as the stream service runs it (learning + guard), with the service's "
                    + "adaptation settings (adapt.*, from --config / ZEBRA_* / defaults), on synthetic audio embeddings "
                    + "and the real text encoder: wall time, optimiser iterations, prompts encoded, prompts/s.")
    static final class Adapt implements Callable<Integer> {

        @Mixin
        ModelOptions modelOptions;

        @Option(names = "--base-classes", defaultValue = "18", paramLabel = "N",
                description = "classes with labels (default: 18)")
        int baseClasses;

        @Option(names = "--shots", defaultValue = "16", paramLabel = "K",
                description = "labels per base class that the learner trains on (default: 16)")
        int shots;

        @Option(names = "--pool", defaultValue = "2000", paramLabel = "N", description = "pool windows (default: 2000)")
        int pool;

        @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "seed of the synthetic data")
        long seed;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            ZebraConfig config = modelOptions.config();
            try (ClapModel model = modelOptions.loadModel(config)) {
                new AdaptBenchmark(model, config.stream().classesOr(model.manifest().classes()), config.adaptation(),
                        spec.commandLine().getOut()).run(baseClasses, shots, pool, seed);
            }
            return 0;
        }
    }
}
