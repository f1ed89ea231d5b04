package dev.zebrastream.cli;

import dev.zebrastream.avro.Classification;
import dev.zebrastream.avro.EntropyDriftAlert;
import dev.zebrastream.config.Setting;
import dev.zebrastream.config.ZebraConfig;
import dev.zebrastream.demo.Demo;
import dev.zebrastream.demo.FleetSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code zebra demo}: the main job on one machine, with a live view until Ctrl-C or --duration. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start an embedded Kafka broker, the topics, the classifier topology and simulated sensors, "
                + "and show a live view of events and drift alerts until Ctrl-C.")
final class DemoCommand implements Callable<Integer>, ReportsProgress {

    private static final long REFRESH_MS = 2_000;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--sensors", defaultValue = "8", paramLabel = "N", description = "simulated sensors (default: 8)")
    int sensors;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "stop after this long and exit 0 (default: until Ctrl-C)")
    Double duration;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "broker and state directory, kept across runs (default: data.dir, ~/.local/state/zebra-stream)")
    Path dataDir;

    @Option(names = "--seed", defaultValue = "7", paramLabel = "S", description = "seed of the simulated sensors (default: 7)")
    long seed;

    @Option(names = "--json", description = "print events and alerts as JSON lines instead of the live view")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (sensors < 1) {
            throw new IllegalArgumentException("--sensors must be at least 1");
        }
        if (dataDir != null) {
            modelOptions.extra.put(Setting.DATA_DIR, dataDir.toString());
        }
        ZebraConfig config = modelOptions.config();
        PrintWriter out = spec.commandLine().getOut();
        FleetSummary summary = new FleetSummary();
        Demo.Listener listener = json ? jsonPrinter(out) : new Demo.Listener() {
            @Override
            public void onEvent(Classification event) {
                summary.onEvent(event);
            }

            @Override
            public void onAlert(EntropyDriftAlert alert) {
                summary.onAlert(alert);
            }
        };
        long started = System.nanoTime();
        long deadline = duration == null ? Long.MAX_VALUE : started + (long) (duration * 1e9);
        try (Interruption interruption = new Interruption()) {
            try (Demo demo = Demo.start(config, sensors, seed, listener)) {
                out.println("broker " + demo.bootstrapServers() + "; " + sensors + " sensors publishing; Ctrl-C to stop");
                out.flush();
                while (!interruption.await(REFRESH_MS) && System.nanoTime() < deadline) {
                    if (!json) {
                        out.println(summary.render((System.nanoTime() - started) / 1e9));
                    }
                    out.flush();
                }
            }
        }
        out.println("demo stopped");
        out.flush();
        return 0;
    }

    private static Demo.Listener jsonPrinter(PrintWriter out) {
        return new Demo.Listener() {
            @Override
            public synchronized void onEvent(Classification event) {
                out.println(event);
                out.flush();
            }

            @Override
            public synchronized void onAlert(EntropyDriftAlert alert) {
                out.println(alert);
                out.flush();
            }
        };
    }
}
