package dev.zebrastream.sensor;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes each sensor's frames when the wall clock reaches their capture time. */
public final class RealTimePacer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RealTimePacer.class);
    private static final long TICK_MS = 20;

    private final List<SimulatedSensor> sensors;
    private final FramePublisher publisher;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sensor-pacer");
        t.setDaemon(true);
        return t;
    });

    public RealTimePacer(List<SimulatedSensor> sensors, FramePublisher publisher) {
        this.sensors = List.copyOf(sensors);
        this.publisher = publisher;
    }

    public void start() {
        timer.scheduleAtFixedRate(this::tick, 0, TICK_MS, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            long now = System.currentTimeMillis();
            for (SimulatedSensor s : sensors) {
                while (s.nextCaptureMs() <= now) {
                    publisher.publish(s.nextFrame());
                }
            }
        } catch (RuntimeException e) {
            LOG.error("simulated sensors stopped: {}", e.toString());
            throw e;
        }
    }

    @Override
    public void close() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(5, TimeUnit.SECONDS);
        publisher.flush();
    }
}
