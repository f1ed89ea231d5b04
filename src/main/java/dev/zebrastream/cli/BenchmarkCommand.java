package dev.zebrastream.cli;

import dev.zebrastream.bench.AdaptBenchmark;
import dev.zebrastream.bench.CapacityBenchmark;
import dev.zebrastream.bench.PipelineBenchmark;
import dev.zebrastream.bench.RestoreBenchmark;
import dev.zebrastream.bench.ScratchDir;
import dev.zebrastream.bench.PipelineResult;
import dev.zebrastream.config.ZebraConfig;
import dev.zebrastream.model.ClapModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
        subcommands = {BenchmarkCommand.Pipeline.class, BenchmarkCommand.Capacity.class, BenchmarkCommand.Restore.class,
                BenchmarkCommand.Adapt.class})
final class BenchmarkCommand extends CommandGroup {

    @Command(name = "pipeline", mixinStandardHelpOptions = true,
            description = "Embedded broker + topology + simulated sensors: sustained windows/s, frame-to-event latency "
                    + "p50/p90/p99, and the same model's raw inference windows/s in the same run.")
    static final class Pipeline implements Callable<Integer>, ReportsProgress {

        /** Enough windows to separate a throughput figure from start-up and noise. */
        private static final int MIN_WINDOWS = 5_000;

        @Mixin
        ModelOptions modelOptions;

        @Option(names = "--sensors", defaultValue = "8", paramLabel = "N", description = "simulated sensors (default: 8)")
        int sensors;

        @Option(names = "--seconds", paramLabel = "S",
                description = "audio per sensor for the throughput run (default: enough for 5,000 windows, at least 20 s)")
        Double seconds;

        @Option(names = "--latency-seconds", defaultValue = "60", paramLabel = "S",
                description = "length of the real-time latency run (default: 60)")
        double latencySeconds;

        @Mixin
        BenchmarkReport report;

        @Override
        public Integer call() throws Exception {
            ZebraConfig config = modelOptions.config();
            double audioSeconds = seconds != null ? seconds : Math.max(20, Math.ceil(MIN_WINDOWS / (double) sensors));
            try (ScratchDir scratch = ScratchDir.create("zebra-bench"); ClapModel model = modelOptions.loadModel(config)) {
                Path dir = scratch.path();
                PipelineBenchmark bench = new PipelineBenchmark(config, model, report.out());
                PipelineResult result = bench.run(sensors, audioSeconds, latencySeconds, dir);
                report.print(result, () -> bench.printTable(result));
            }
            return 0;
        }
    }

    @Command(name = "capacity", mixinStandardHelpOptions = true,
            description = "Embedded broker + topology + real-time sensors in steps of N (mixed rates, channels and "
                    + "encodings): the largest N held with p99 frame-to-event latency <= 1 s and no growing backlog.")
    static final class Capacity implements Callable<Integer>, ReportsProgress {

        @Mixin
        ModelOptions modelOptions;

        @Option(names = "--steps", defaultValue = "50,100,200,400,800", split = ",", paramLabel = "N,N,...",
                description = "sensor counts to try, in order; stops after the first not held (default: 50,100,200,400,800)")
        List<Integer> steps;

        @Option(names = "--step-seconds", defaultValue = "40", paramLabel = "S", description = "length of each step (default: 40)")
        double stepSeconds;

        @Option(names = "--warmup-seconds", defaultValue = "10", paramLabel = "S",
                description = "start of each step left out of the figures (default: 10)")
        double warmupSeconds;

        @Mixin
        BenchmarkReport report;

        @Override
        public Integer call() throws Exception {
            if (!(warmupSeconds >= 0 && warmupSeconds < stepSeconds)) {
                throw new IllegalArgumentException("--warmup-seconds must be at least 0 and less than --step-seconds");
            }
            ZebraConfig config = modelOptions.config();
            try (ScratchDir scratch = ScratchDir.create("zebra-capacity");
                 ClapModel model = modelOptions.loadModel(config)) {
                Path dir = scratch.path();
                CapacityBenchmark bench = new CapacityBenchmark(config, model, report.out());
                List<CapacityBenchmark.Step> result = bench.run(steps, stepSeconds, warmupSeconds, dir);
                report.print(Map.of("steps", result, "largestHeld", CapacityBenchmark.largestHeld(result)),
                        () -> bench.printTable(result));
            }
            return 0;
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = "Embedded broker + topology: N sensors leave open windows in the state, the local state is "
                    + "deleted as after a crash, a new instance restores it from the changelogs: restore time, time to "
                    + "RUNNING and to the first event, and whether the open windows were completed.")
    static final class Restore implements Callable<Integer>, ReportsProgress {

        @Mixin
        ModelOptions modelOptions;

        @Option(names = "--sensors", defaultValue = "300", paramLabel = "N", description = "sensors with state (default: 300)")
        int sensors;

        @Mixin
        BenchmarkReport report;

        @Override
        public Integer call() throws Exception {
            ZebraConfig config = modelOptions.config();
            try (ScratchDir scratch = ScratchDir.create("zebra-restore");
                 ClapModel model = modelOptions.loadModel(config)) {
                Path dir = scratch.path();
                RestoreBenchmark bench = new RestoreBenchmark(config, model, report.out());
                RestoreBenchmark.Result result = bench.run(sensors, dir);
                report.print(result, () -> bench.printTable(result));
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
