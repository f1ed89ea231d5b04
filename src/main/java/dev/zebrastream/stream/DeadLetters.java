package dev.zebrastream.stream;

import dev.zebrastream.metrics.StreamMetrics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Sends a record that cannot be processed to the dead-letter topic: the original key and value
 * bytes, untouched, plus headers saying why, where and from which input offset.
 */
final class DeadLetters {

    static final String REASON = "zebra.error.reason";
    static final String STAGE = "zebra.error.stage";
    static final String SOURCE_TOPIC = "zebra.error.source.topic";
    static final String SOURCE_PARTITION = "zebra.error.source.partition";
    static final String SOURCE_OFFSET = "zebra.error.source.offset";

    private final ProcessorContext<Object, Object> context;
    private final String sinkName;
    private final StreamMetrics metrics;

    DeadLetters(ProcessorContext<Object, Object> context, String sinkName, StreamMetrics metrics) {
        this.context = context;
        this.sinkName = sinkName;
        this.metrics = metrics;
    }

    void send(Record<byte[], byte[]> original, String stage, String reason) {
        Record<Object, Object> letter = new Record<>(original.key(), original.value(), original.timestamp(),
                original.headers());
        Headers h = letter.headers();
        put(h, REASON, reason);
        put(h, STAGE, stage);
        context.recordMetadata().ifPresent(m -> source(h, m));
        context.forward(letter, sinkName);
        metrics.deadLetter(stage);
    }

    private static void source(Headers h, RecordMetadata m) {
        put(h, SOURCE_TOPIC, m.topic());
        put(h, SOURCE_PARTITION, Integer.toString(m.partition()));
        put(h, SOURCE_OFFSET, Long.toString(m.offset()));
    }

    private static void put(Headers h, String key, String value) {
        h.remove(key);
        h.add(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
