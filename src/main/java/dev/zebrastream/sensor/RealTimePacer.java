package dev.zebrastream.sensor;

import dev.zebrastream.window.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes each sensor's frames (through a publisher it owns and closes) when the wall clock passes the end of their audio, as a real
 * sensor would. Rendering the generated audio can take a while (a new sound event, a room
 * impulse response), so a separate thread renders ahead into small per-sensor queues and the
 * publishing thread only hands over frames that are due: publishing stays punctual and the
 * measured frame-to-event latency is the pipeline's, not the simulator's.
 */
public final class RealTimePacer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RealTimePacer.class);
    private static final long TICK_MS = 10;
    /** Frames rendered ahead per sensor (about 3 s of audio at 0.1 s frames). */
    private static final int LOOKAHEAD_FRAMES = 30;

    private final List<SimulatedSensor> sensors;
    private final List<BlockingQueue<Frame>> ready = new ArrayList<>();
    private final FramePublisher publisher;
    private final ScheduledExecutorService publishing = daemon("sensor-publisher");
    private final ScheduledExecutorService rendering = daemon("sensor-renderer");

    public RealTimePacer(List<SimulatedSensor> sensors, FramePublisher publisher) {
        this.sensors = List.copyOf(sensors);
        this.publisher = publisher;
        for (int i = 0; i < sensors.size(); i++) {
            ready.add(new ArrayBlockingQueue<>(LOOKAHEAD_FRAMES));
        }
    }

    private static ScheduledExecutorService daemon(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    public void start() {
        rendering.scheduleWithFixedDelay(this::renderAhead, 0, TICK_MS, TimeUnit.MILLISECONDS);
        publishing.scheduleAtFixedRate(this::publishDue, 0, TICK_MS, TimeUnit.MILLISECONDS);
    }

    private void renderAhead() {
        guarded(() -> {
            for (int i = 0; i < sensors.size(); i++) {
                while (ready.get(i).remainingCapacity() > 0) {
                    ready.get(i).add(sensors.get(i).nextFrame());
                }
            }
        });
    }

    private void publishDue() {
        guarded(() -> {
            long now = System.currentTimeMillis();
            for (int i = 0; i < sensors.size(); i++) {
                SensorProfile profile = sensors.get(i).profile();
                long frameMs = Math.round(profile.frameSeconds() * 1000);
                for (Frame f = ready.get(i).peek(); f != null && f.captureTimeMs() + frameMs <= now;
                     f = ready.get(i).peek()) {
                    publisher.publish(ready.get(i).poll());
                }
            }
        });
    }

    private static void guarded(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.error("simulated sensors stopped: {}", e.toString());
            throw e;
        }
    }

    @Override
    public void close() throws InterruptedException {
        publishing.shutdownNow();
        rendering.shutdownNow();
        publishing.awaitTermination(5, TimeUnit.SECONDS);
        rendering.awaitTermination(5, TimeUnit.SECONDS);
        publisher.close();
    }
}
