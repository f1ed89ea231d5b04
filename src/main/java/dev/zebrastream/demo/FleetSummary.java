package dev.zebrastream.demo;

import dev.zebrastream.avro.Classification;
import dev.zebrastream.avro.DriftState;
import dev.zebrastream.avro.EntropyDriftAlert;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** What the live view shows: per sensor, events so far, the latest label, entropy, drift state. */
public final class FleetSummary {

    private final Map<String, SensorRow> rows = new TreeMap<>();
    private long events;
    private long alerts;
    private long promptVersion;

    private static final class SensorRow {
        long events;
        String lastLabel = "-";
        double lastScore;
        double meanEntropy;
        boolean drifting;
        long lastLatencyMs;
    }

    public synchronized void onEvent(Classification c) {
        SensorRow row = rows.computeIfAbsent(c.getSensorId(), k -> new SensorRow());
        row.events++;
        row.lastLabel = c.getTop().get(0).getLabel();
        row.lastScore = c.getTop().get(0).getScore();
        // A running mean, so the entropy column settles instead of flickering with every window.
        row.meanEntropy += (c.getEntropy() - row.meanEntropy) / Math.min(row.events, 20);
        // The latest latency: a mean would carry the start-up catch-up for a long time.
        row.lastLatencyMs = c.getLatencyMs();
        promptVersion = c.getPromptVersion();
        events++;
    }

    public synchronized void onAlert(EntropyDriftAlert a) {
        rows.computeIfAbsent(a.getSensorId(), k -> new SensorRow()).drifting = a.getState() == DriftState.RAISED;
        alerts++;
    }

    public synchronized long events() {
        return events;
    }

    public synchronized String render(double elapsedSeconds) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "ZEBRA Stream demo  t=%.0fs  events=%d  alerts=%d  prompt version=%d%n",
                elapsedSeconds, events, alerts, promptVersion));
        sb.append(String.format(Locale.ROOT, "%-10s %7s  %-22s %6s %8s %9s  %s%n", "sensor", "events", "latest label",
                "score", "entropy", "latency", "drift"));
        rows.forEach((sensor, r) -> sb.append(String.format(Locale.ROOT, "%-10s %7d  %-22s %6.2f %8.2f %7dms  %s%n",
                sensor, r.events, r.lastLabel, r.lastScore, r.meanEntropy, r.lastLatencyMs,
                r.drifting ? "ALERT" : "ok")));
        return sb.toString();
    }
}
