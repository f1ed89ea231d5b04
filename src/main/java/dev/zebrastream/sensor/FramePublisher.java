package dev.zebrastream.sensor;

import dev.zebrastream.broker.RecordLimits;
import dev.zebrastream.avro.AudioFrame;
import dev.zebrastream.serde.AvroSerdes;
import dev.zebrastream.stream.AvroMapping;
import dev.zebrastream.window.Frame;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes frames to the frames topic, keyed by sensor id (so one sensor stays on one partition). */
public final class FramePublisher implements AutoCloseable {

    private final KafkaProducer<String, AudioFrame> producer;
    private final String topic;
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

    public FramePublisher(Properties clientProperties, String topic) {
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, RecordLimits.MAX_RECORD_BYTES);
        this.producer = new KafkaProducer<>(p, new StringSerializer(), AvroSerdes.of(AudioFrame.class).serializer());
        this.topic = topic;
    }

    public void publish(Frame frame) {
        producer.send(new ProducerRecord<>(topic, null, frame.captureTimeMs(), frame.sensorId(),
                AvroMapping.toAvro(frame)), (meta, error) -> {
                    if (error != null) {
                        firstFailure.compareAndSet(null, error);
                    }
                });
    }

    /**
     * Throws when a frame was not accepted by the broker (after the producer's own retries, within
     * max.block.ms and delivery.timeout.ms), so that a caller can stop: a broker that does not answer one
     * send will make every further send wait as long again.
     */
    public void throwIfFailed() {
        Exception failure = firstFailure.get();
        if (failure != null) {
            throw new KafkaException("publishing to " + topic + " failed: " + failure.getMessage(), failure);
        }
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
