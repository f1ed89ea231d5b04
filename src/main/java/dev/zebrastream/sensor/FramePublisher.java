package dev.zebrastream.sensor;

import dev.zebrastream.broker.RecordLimits;
import dev.zebrastream.avro.AudioFrame;
import dev.zebrastream.serde.AvroSerdes;
import dev.zebrastream.stream.AvroMapping;
import dev.zebrastream.stream.core.Frame;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes frames to the frames topic, keyed by sensor id (so one sensor stays on one partition). */
public final class FramePublisher implements AutoCloseable {

    private final KafkaProducer<String, AudioFrame> producer;
    private final String topic;
    private final AtomicLong failures = new AtomicLong();

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
                        failures.incrementAndGet();
                    }
                });
    }

    /** Frames the broker did not accept (after the producer's own retries). */
    public long failures() {
        return failures.get();
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
