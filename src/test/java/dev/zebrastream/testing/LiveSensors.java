package dev.zebrastream.testing;

import dev.zebrastream.avro.AudioFrame;
import dev.zebrastream.broker.RecordLimits;
import dev.zebrastream.sensor.SimulatedSensor;
import dev.zebrastream.serde.AvroSerdes;
import dev.zebrastream.stream.AvroMapping;
import dev.zebrastream.window.Frame;
import dev.zebrastream.window.InvalidFrameException;
import dev.zebrastream.window.StoredSamples;
import dev.zebrastream.window.WindowConfig;
import dev.zebrastream.window.WindowOutput;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sensors that publish at real time: each frame leaves when the wall clock passes the end of its
 * audio. The frames are rendered up front so the test knows exactly what was sent. The producer
 * is idempotent and retries for five minutes, as a sensor that rides out a broker outage would.
 */
public final class LiveSensors implements AutoCloseable {

    private final Map<String, List<Frame>> frames = new LinkedHashMap<>();
    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final Thread thread;
    private volatile Exception failure;

    public LiveSensors(List<SimulatedSensor> sensors, double seconds, Properties client, String topic) {
        for (SimulatedSensor s : sensors) {
            List<Frame> list = new ArrayList<>();
            while (s.stream().position() < seconds * s.profile().sampleRate()) {
                list.add(s.nextFrame());
            }
            frames.put(s.sensorId(), list);
        }
        Properties p = new Properties();
        p.putAll(client);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "300000");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "300000");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, RecordLimits.MAX_RECORD_BYTES);
        this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.thread = new Thread(this::publishAll, "live-sensors");
        thread.setDaemon(true);
        thread.start();
    }

    private void publishAll() {
        List<Frame> all = frames.values().stream().flatMap(List::stream)
                .sorted(Comparator.comparingLong(LiveSensors::dueMs)).toList();
        try {
            for (Frame f : all) {
                long wait = dueMs(f) - System.currentTimeMillis();
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                byte[] value = AvroSerdes.of(AudioFrame.class).encode(AvroMapping.toAvro(f));
                producer.send(new ProducerRecord<>(topic, null, f.captureTimeMs(),
                        f.sensorId().getBytes(StandardCharsets.UTF_8), value), (meta, e) -> {
                            if (e != null) {
                                failure = e;
                            }
                        });
            }
            producer.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long dueMs(Frame f) {
        int bytesPerFrame = f.channels() * f.encoding().bytesPerSample();
        return f.captureTimeMs() + 1000L * (f.samples().length / bytesPerFrame) / f.sampleRate();
    }

    /** Every frame each sensor sends, by sensor id. */
    public Map<String, List<Frame>> frames() {
        return frames;
    }

    /** The shipped model's rate; window ids do not depend on the audio's rate or precision. */
    private static final WindowOutput WINDOW_OUTPUT = new WindowOutput(16_000, StoredSamples.FLOAT24);

    /**
     * The ids of the windows an uninterrupted service makes of these frames with 1 s windows and
     * hops (the shipped model's), the final idle flush included.
     */
    public List<String> expectedWindowIds() throws InvalidFrameException {
        List<String> ids = new ArrayList<>();
        for (List<Frame> sensorFrames : frames.values()) {
            ExpectedWindows.of(List.of(sensorFrames), WindowConfig.of(1.0, 1.0), WINDOW_OUTPUT).forEach(w -> ids.add(w.id()));
        }
        return ids;
    }

    /** Waits until every frame has been handed to the broker; fails if any was refused. */
    public void awaitDone() throws Exception {
        thread.join();
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() {
        thread.interrupt();
        producer.close();
    }
}
