package dev.zebrastream.stream;

import dev.zebrastream.window.Presence;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Liveness of input partitions from the stream threads' own consumer metrics: a partition is live
 * while the consumers complete fetch requests (a healthy consumer completes one at least every
 * {@code fetch.max.wait.ms}, 500 ms by default, even with no data) and its {@code records-lag} is 0.
 * No completed fetch while the consumers poll means the broker is unreachable (logged once, with its
 * return); lag, or a stream thread too busy to poll, means frames may still be on their way.
 * Thread-safe: every stream thread's punctuator may ask.
 */
public final class ConsumerLiveness implements Presence.Liveness {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerLiveness.class);
    private static final String GROUP = "consumer-fetch-manager-metrics";
    /** Several fetch periods: one slow fetch is not an outage. */
    private static final long MAX_FETCH_SILENCE_MS = 2_500;

    private volatile Supplier<Map<MetricName, ? extends Metric>> metrics = Map::of;
    private double fetchesSeen;
    private long lastFetchProgressMs;
    private boolean contact = true;

    /** Starts reading the metrics of the running client (e.g. {@code KafkaStreams::metrics}). */
    public void watch(Supplier<Map<MetricName, ? extends Metric>> source) {
        this.metrics = source;
    }

    @Override
    public synchronized boolean isLive(String topic, int partition) {
        Map<MetricName, ? extends Metric> now = metrics.get();
        long nowMs = System.currentTimeMillis();
        double fetches = completedFetches(now);
        if (fetches > fetchesSeen) {
            fetchesSeen = fetches;
            lastFetchProgressMs = nowMs;
        }
        boolean fetching = nowMs - lastFetchProgressMs <= MAX_FETCH_SILENCE_MS;
        // A stream thread busy with a backlog polls rarely and so completes few fetches: not live
        // either (frames may be waiting), but not a lost broker.
        reportContact(fetching || !polling(now), nowMs);
        return fetching && lag(now, topic, partition) == 0;
    }

    /** Whether a stream thread's consumer called poll within the fetch-silence limit. */
    private static boolean polling(Map<MetricName, ? extends Metric> metrics) {
        double sinceLastPoll = Double.MAX_VALUE;
        for (Map.Entry<MetricName, ? extends Metric> e : metrics.entrySet()) {
            MetricName n = e.getKey();
            if (n.group().equals("consumer-metrics") && n.name().equals("last-poll-seconds-ago") && isMainConsumer(n)
                    && e.getValue().metricValue() instanceof Number seconds) {
                sinceLastPoll = Math.min(sinceLastPoll, seconds.doubleValue());
            }
        }
        return sinceLastPoll * 1000 <= MAX_FETCH_SILENCE_MS;
    }

    /**
     * One line when broker contact is lost and one when it is back, in place of the clients' own
     * warning per failed reconnect (quietened in simplelogger.properties).
     */
    private void reportContact(boolean fetching, long nowMs) {
        if (contact && !fetching && fetchesSeen > 0) {
            contact = false;
            LOG.warn("no fetch from the broker has completed for {} s: broker unreachable; open windows are held "
                    + "and frames are read when it returns", (nowMs - lastFetchProgressMs) / 1000);
        } else if (!contact && fetching) {
            contact = true;
            LOG.info("broker contact is back");
        }
    }

    private static double completedFetches(Map<MetricName, ? extends Metric> metrics) {
        double total = 0;
        for (Map.Entry<MetricName, ? extends Metric> e : metrics.entrySet()) {
            MetricName n = e.getKey();
            if (n.group().equals(GROUP) && n.name().equals("fetch-total") && isMainConsumer(n)) {
                total += value(e.getValue());
            }
        }
        return total;
    }

    /** The partition's lag, or -1 (not live) while the consumer has not fetched it yet. */
    private static double lag(Map<MetricName, ? extends Metric> metrics, String topic, int partition) {
        String p = Integer.toString(partition);
        for (Map.Entry<MetricName, ? extends Metric> e : metrics.entrySet()) {
            MetricName n = e.getKey();
            if (n.group().equals(GROUP) && n.name().equals("records-lag") && topic.equals(n.tags().get("topic"))
                    && p.equals(n.tags().get("partition")) && isMainConsumer(n)) {
                return value(e.getValue());
            }
        }
        return -1;
    }

    /** The stream threads' consumers, not the restore or global-store consumers. */
    private static boolean isMainConsumer(MetricName n) {
        String client = n.tags().getOrDefault("client-id", "");
        return client.endsWith("-consumer") && !client.endsWith("restore-consumer") && !client.endsWith("global-consumer");
    }

    private static double value(Metric metric) {
        return metric.metricValue() instanceof Double d && !d.isNaN() ? d : 0;
    }
}
