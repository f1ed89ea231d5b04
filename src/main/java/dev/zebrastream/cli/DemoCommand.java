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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code zebra demo}: the main job on one machine, with a live view until Ctrl-C or --duration. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start an embedded Kafka broker, the topics, the classifier topology and simulated sensors, "
                + "and show a live view of events and drift alerts until Ctrl-C.")
final class DemoCommand implements Callable<Integer> {

    private static final long REFRESH_MS = 2_000;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--sensors", defaultValue = "8", paramLabel = "N", description = "simulated sensors (default: 8)")
    int sensors;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "stop after this long and exit 0 (default: until Ctrl-C)")
    Double duration;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "broker and state directory, kept across runs (default: ./data)")
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
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        // On Ctrl-C the JVM halts once its hooks return, so the hook waits for the clean shutdown below.
        Thread hook = new Thread(() -> {
            stop.countDown();
            awaitQuietly(closed);
        }, "demo-shutdown");
        long started = System.nanoTime();
        try (Demo demo = Demo.start(config, sensors, seed, listener)) {
            Runtime.getRuntime().addShutdownHook(hook);
            out.println("broker " + demo.bootstrapServers() + "; " + sensors + " sensors publishing; Ctrl-C to stop");
            out.flush();
            long deadline = duration == null ? Long.MAX_VALUE : started + (long) (duration * 1e9);
            while (!stop.await(REFRESH_MS, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline) {
                if (!json) {
                    out.print(summary.render((System.nanoTime() - started) / 1e9));
                    out.println();
                }
                out.flush();
            }
        } finally {
            closed.countDown();
        }
        if (stop.getCount() > 0) {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        out.println("demo stopped");
        out.flush();
        return 0;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
