package dev.zebrastream.stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

class ConsumerLivenessTest {

    private static final String CLIENT = "zebra-stream-1234-StreamThread-1-consumer";
    private final Map<MetricName, Metric> metrics = new HashMap<>();
    private final ConsumerLiveness liveness = new ConsumerLiveness();

    @Test
    void livePartitionHasFetchesCompletingAndNoLag() {
        liveness.watch(() -> metrics);
        put("fetch-total", Map.of("client-id", CLIENT), 10);
        put("records-lag", Map.of("client-id", CLIENT, "topic", "frames", "partition", "1"), 0);
        assertTrue(liveness.isLive("frames", 1));
        put("records-lag", Map.of("client-id", CLIENT, "topic", "frames", "partition", "1"), 40);
        assertFalse(liveness.isLive("frames", 1), "a backlog is still being read");
        assertFalse(liveness.isLive("frames", 2), "a partition never fetched is not live");
    }

    @Test
    void fetchesThatStopCompletingMeanTheBrokerIsGone() throws Exception {
        livePartitionThenNoFetchFor2600Ms();
        String log = dev.zebrastream.testing.StdErrCapture.of(
                () -> assertFalse(liveness.isLive("frames", 0), "no fetch completed for 2.6 s"));
        assertTrue(log.contains("broker unreachable"), "polling without answers is a lost broker: " + log);
        put("fetch-total", Map.of("client-id", CLIENT), 11);
        assertTrue(liveness.isLive("frames", 0), "fetches complete again");
    }

    @Test
    void aThreadTooBusyToPollIsNotLiveButNotABrokerLossEither() throws Exception {
        livePartitionThenNoFetchFor2600Ms();
        put("last-poll-seconds-ago", "consumer-metrics", Map.of("client-id", CLIENT), 3);
        String log = dev.zebrastream.testing.StdErrCapture.of(
                () -> assertFalse(liveness.isLive("frames", 0), "no fetch completed: frames may be waiting"));
        assertFalse(log.contains("broker unreachable"), "busy, not disconnected: " + log);
    }

    /** Partition 0 live and polled, then 2.6 s without a completed fetch. */
    private void livePartitionThenNoFetchFor2600Ms() throws InterruptedException {
        liveness.watch(() -> metrics);
        put("fetch-total", Map.of("client-id", CLIENT), 10);
        put("records-lag", Map.of("client-id", CLIENT, "topic", "frames", "partition", "0"), 0);
        put("last-poll-seconds-ago", "consumer-metrics", Map.of("client-id", CLIENT), 0);
        assertTrue(liveness.isLive("frames", 0));
        Thread.sleep(2_600);
    }

    @Test
    void restoreConsumerFetchesDoNotCount() {
        liveness.watch(() -> metrics);
        put("records-lag", Map.of("client-id", CLIENT, "topic", "frames", "partition", "0"), 0);
        put("fetch-total", Map.of("client-id", "zebra-stream-1234-StreamThread-1-restore-consumer"), 5);
        assertFalse(liveness.isLive("frames", 0));
    }

    private void put(String name, Map<String, String> tags, double value) {
        put(name, "consumer-fetch-manager-metrics", tags, value);
    }

    private void put(String name, String group, Map<String, String> tags, double value) {
        MetricName n = new MetricName(name, group, "", tags);
        metrics.put(n, new Metric() {
            @Override
            public MetricName metricName() {
                return n;
            }

            @Override
            public Object metricValue() {
                return value;
            }
        });
    }
}
