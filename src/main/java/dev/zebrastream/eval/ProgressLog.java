package dev.zebrastream.eval;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/** One line per finished run: where the benchmark is, how each method fares so far, and the time left. */
public final class ProgressLog {

    private final int total;
    private final Consumer<String> sink;
    private final long started = System.currentTimeMillis();
    private final Map<String, double[]> hmSumAndCount = new LinkedHashMap<>();
    private int done;

    public ProgressLog(int total, Consumer<String> sink) {
        this.total = total;
        this.sink = sink;
    }

    public synchronized void record(RunResult r) {
        done++;
        double[] acc = hmSumAndCount.computeIfAbsent(r.method(), m -> new double[2]);
        acc[0] += r.hm();
        acc[1]++;
        long elapsed = System.currentTimeMillis() - started;
        long left = done == 0 ? 0 : elapsed * (total - done) / done;
        sink.accept(String.format(Locale.ROOT,
                "run %d/%d %s %s %d-shot seed %d: base %.3f novel %.3f HM %.3f (%.1f s) | %s mean HM so far %.3f "
                        + "(%d runs) | elapsed %s, about %s left",
                done, total, r.setting(), r.method(), r.shots(), r.seed(), r.base(), r.novel(), r.hm(), r.seconds(),
                r.method(), acc[0] / acc[1], (int) acc[1], duration(elapsed), duration(left)));
    }

    public void note(String line) {
        sink.accept(line);
    }

    /** {@code 12m05s}. */
    public static String duration(long millis) {
        long s = millis / 1000;
        return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
