package dev.zebrastream.serde;

import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/** Factory in the style of Kafka's {@code Serdes}: {@code AvroSerdes.of(AudioFrame.class)}. */
public final class AvroSerdes {

    private AvroSerdes() {
    }

    /** A serde for {@code type} that also decodes every version kept under {@code schemas/history/}. */
    public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type) {
        return new AvroSerde<>(type, SchemaStore.withHistory(SpecificData.get().getSchema(type)));
    }
}
