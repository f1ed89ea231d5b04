package dev.zebrastream.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.stream.Collectors;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for a generated Avro record type in Avro's single-object encoding, so any Avro library
 * can decode the bytes with the {@code .avsc} files alone, without a schema registry. Records written
 * with an older schema in the {@link SchemaStore} are resolved to the current class. A {@code null}
 * value stays {@code null} (tombstones on compacted topics). Thread-safe: Avro's message codecs keep
 * their buffers per thread.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final String typeName;
    private final SchemaStore schemas;
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;

    public AvroSerde(Class<T> type, SchemaStore schemas) {
        SpecificData model = SpecificData.getForClass(type);
        this.typeName = type.getSimpleName();
        this.schemas = schemas;
        this.encoder = new BinaryMessageEncoder<>(model, schemas.current());
        this.decoder = new BinaryMessageDecoder<>(model, schemas.current(), schemas);
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, record) -> record == null ? null : encode(record);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> bytes == null ? null : decode(topic, bytes);
    }

    public byte[] encode(T record) {
        try {
            return toArray(encoder.encode(record));
        } catch (IOException | AvroRuntimeException e) {
            throw new SerializationException("cannot encode " + typeName + ": " + e.getMessage(), e);
        }
    }

    public T decode(String topic, byte[] bytes) {
        try {
            requireKnownWriter(SingleObjectHeader.fingerprint(bytes));
            return decoder.decode(bytes);
        } catch (SerializationException e) {
            throw failure(topic, e.getMessage(), e.getCause());
        } catch (IOException | RuntimeException e) {
            // Avro reports a short body as EOF and a corrupt one as bad lengths, indexes, limits
            // (SystemLimitException) or impossible values; none of them may escape as anything but a
            // SerializationException, which callers route to their dead-letter path.
            throw failure(topic, "truncated or corrupt body (" + e + ")", e);
        }
    }

    private void requireKnownWriter(long fingerprint) {
        if (!schemas.knows(fingerprint)) {
            throw new SerializationException("unknown schema fingerprint " + SingleObjectHeader.hex(fingerprint)
                    + " (known: " + schemas.fingerprints().stream().map(SingleObjectHeader::hex)
                    .collect(Collectors.joining(", ")) + ")");
        }
    }

    private SerializationException failure(String topic, String reason, Throwable cause) {
        return new SerializationException("cannot decode " + typeName + " from topic " + topic + ": " + reason, cause);
    }

    private static byte[] toArray(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
