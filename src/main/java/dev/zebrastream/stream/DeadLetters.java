package dev.zebrastream.stream;

import dev.zebrastream.broker.RecordLimits;
import dev.zebrastream.metrics.StreamMetrics;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Sends a record that cannot be processed to the dead-letter topic: the original key, value and
 * headers plus headers saying why, where and from which input offset.
 *
 * <p>The copy always fits the record limit, because a dead letter that the broker refuses would
 * stop the stream for every sensor: a key over {@link #MAX_KEY_BYTES} and a value over what is left
 * are cut, original headers over {@link #MAX_ORIGINAL_HEADER_BYTES} are dropped, and
 * {@link #TRUNCATED} then lists the original sizes.
 */
final class DeadLetters {

    /** Stable code of the fault, e.g. {@code UNDECODABLE}, {@code KEY_MISMATCH}, {@code CAPTURE_TIME}. */
    static final String CODE = "zebra.error.code";
    static final String REASON = "zebra.error.reason";
    static final String STAGE = "zebra.error.stage";
    static final String SOURCE_TOPIC = "zebra.error.source.topic";
    static final String SOURCE_PARTITION = "zebra.error.source.partition";
    static final String SOURCE_OFFSET = "zebra.error.source.offset";
    /** Present only on a cut copy: "key=K,value=V,headers=H" with the original sizes in bytes. */
    static final String TRUNCATED = "zebra.error.truncated";

    static final int MAX_KEY_BYTES = 4 * 1024;
    static final int MAX_ORIGINAL_HEADER_BYTES = 16 * 1024;
    private static final int MAX_REASON_CHARS = 1_000;
    /** Room for this class's own headers and the record and batch framing. */
    private static final int FRAMING_BYTES = 8 * 1024;
    static final int MAX_VALUE_BYTES = RecordLimits.MAX_RECORD_BYTES - MAX_KEY_BYTES - MAX_ORIGINAL_HEADER_BYTES
            - FRAMING_BYTES;

    private final ProcessorContext<Object, Object> context;
    private final String sinkName;
    private final StreamMetrics metrics;

    DeadLetters(ProcessorContext<Object, Object> context, String sinkName, StreamMetrics metrics) {
        this.context = context;
        this.sinkName = sinkName;
        this.metrics = metrics;
    }

    void send(Record<byte[], byte[]> original, String stage, String code, String reason) {
        byte[] key = cut(original.key(), MAX_KEY_BYTES);
        byte[] value = cut(original.value(), MAX_VALUE_BYTES);
        int headerBytes = size(original.headers());
        Headers h = headerBytes <= MAX_ORIGINAL_HEADER_BYTES ? copy(original.headers()) : new RecordHeaders();
        if (key != original.key() || value != original.value() || headerBytes > MAX_ORIGINAL_HEADER_BYTES) {
            put(h, TRUNCATED, "key=" + length(original.key()) + ",value=" + length(original.value()) + ",headers="
                    + headerBytes);
        }
        put(h, CODE, code);
        put(h, REASON, reason.length() > MAX_REASON_CHARS ? reason.substring(0, MAX_REASON_CHARS) + "…" : reason);
        put(h, STAGE, stage);
        context.recordMetadata().ifPresent(m -> source(h, m));
        context.forward(new Record<Object, Object>(key, value, original.timestamp(), h), sinkName);
        metrics.deadLetter(stage);
    }

    private static byte[] cut(byte[] bytes, int max) {
        return bytes == null || bytes.length <= max ? bytes : Arrays.copyOf(bytes, max);
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    private static int size(Headers headers) {
        int total = 0;
        for (Header header : headers) {
            total += header.key().getBytes(StandardCharsets.UTF_8).length + length(header.value());
        }
        return total;
    }

    private static Headers copy(Headers headers) {
        return new RecordHeaders(headers.toArray());
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
