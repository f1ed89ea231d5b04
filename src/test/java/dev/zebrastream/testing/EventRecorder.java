package dev.zebrastream.testing;

import dev.zebrastream.avro.Classification;
import dev.zebrastream.client.TopicTail;
import dev.zebrastream.serde.AvroSerde;
import dev.zebrastream.serde.AvroSerdes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Reads the events topic (read_committed) in the background from the beginning and notes when each
 * event arrived, so a test can see what the service committed and when it went quiet.
 */
public final class EventRecorder implements AutoCloseable {

    /** One committed event and the wall-clock time it was read. */
    public record Arrival(Classification event, long arrivedMs) {
    }

    private final List<Arrival> arrivals = new ArrayList<>();
    /**
     * The reader's throw-away group commits nothing, so after a broker restart it may start over from
     * the beginning: a record read again at the same offset is the same record, not a duplicate.
     */
    private final Set<String> offsetsSeen = ConcurrentHashMap.newKeySet();
    private final TopicTail tail;
    private final Thread thread;

    public EventRecorder(Properties client, String topic) {
        AvroSerde<Classification> serde = AvroSerdes.of(Classification.class);
        this.tail = new TopicTail(client, List.of(topic), true);
        this.thread = new Thread(() -> tail.run(Duration.ZERO, r -> {
            if (offsetsSeen.add(r.partition() + ":" + r.offset())) {
                add(serde.decode(r.topic(), r.value()));
            }
        }), "event-recorder");
        thread.setDaemon(true);
        thread.start();
    }

    private synchronized void add(Classification c) {
        arrivals.add(new Arrival(c, System.currentTimeMillis()));
    }

    public synchronized List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    public List<String> windowIds() {
        return arrivals().stream().map(a -> a.event().getWindowId()).toList();
    }

    /** Waits until {@code done} holds for the events so far, or the timeout passes; returns whether it held. */
    public boolean await(Predicate<List<Arrival>> done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (done.test(arrivals())) {
                return true;
            }
            Thread.sleep(100);
        }
        return done.test(arrivals());
    }

    /** Milliseconds from {@code sinceMs} until the first event of a sensor in {@code sensors} arrived, or -1. */
    public long firstArrivalAfter(long sinceMs, Predicate<String> sensors) {
        return arrivals().stream().filter(a -> a.arrivedMs() > sinceMs && sensors.test(a.event().getSensorId()))
                .mapToLong(a -> a.arrivedMs() - sinceMs).min().orElse(-1);
    }

    /** The longest time between two consecutive events of any one sensor, among events after {@code sinceMs}. */
    public long longestSilenceAfter(long sinceMs) {
        Map<String, Long> last = new HashMap<>();
        long longest = 0;
        for (Arrival a : arrivals()) {
            if (a.arrivedMs() < sinceMs) {
                last.put(a.event().getSensorId(), a.arrivedMs());
                continue;
            }
            Long previous = last.put(a.event().getSensorId(), a.arrivedMs());
            longest = Math.max(longest, a.arrivedMs() - (previous == null ? sinceMs : previous));
        }
        return longest;
    }

    @Override
    public void close() throws InterruptedException {
        tail.stop();
        thread.join(10_000);
        tail.close();
    }
}
