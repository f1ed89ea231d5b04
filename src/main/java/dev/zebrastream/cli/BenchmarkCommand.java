package dev.zebrastream.cli;

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
        description = "Measure the pipeline on this machine: raw inference, sustained windows/s and latency.",
        subcommands = {BenchmarkCommand.Pipeline.class})
final class BenchmarkCommand extends CommandGroup {

    @Command(name = "pipeline", mixinStandardHelpOptions = true,
            description = "Embedded broker + topology + simulated sensors: sustained windows/s, frame-to-event latency "
                    + "p50/p90/p99, and the same model's raw inference windows/s in the same run.")
    static final class Pipeline implements Callable<Integer> {

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
}
