package dev.zebrastream.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.zebrastream.avro.AudioFrame;
import dev.zebrastream.avro.SampleEncoding;
import dev.zebrastream.testing.BadFrames;

class AvroSerdeTest {

    private static final String TOPIC = "zebra.test";

    static Stream<SpecificRecord> everyRecordType() {
        return Stream.of(SampleRecords.audioFrame(), SampleRecords.classification(), SampleRecords.pooledWindow(),
                SampleRecords.labeledWindow(), SampleRecords.promptVectors(), SampleRecords.entropyDriftAlert());
    }

    @ParameterizedTest
    @MethodSource("everyRecordType")
    void roundTripsEveryRecordType(SpecificRecord record) {
        AvroSerde<SpecificRecord> serde = serdeFor(record);
        byte[] bytes = serde.serializer().serialize(TOPIC, record);
        assertEquals(record, serde.deserializer().deserialize(TOPIC, bytes));
    }

    @ParameterizedTest
    @MethodSource("everyRecordType")
    void bytesStartWithMarkerAndTheSchemaFingerprint(SpecificRecord record) {
        byte[] bytes = serdeFor(record).encode(record);
        long fingerprint = SchemaNormalization.parsingFingerprint64(record.getSchema());
        byte[] expected = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN)
                .put((byte) 0xC3).put((byte) 0x01).putLong(fingerprint).array();
        assertArrayEquals(expected, Arrays.copyOf(bytes, 10));
    }

    @Test
    void nullStaysNullForTombstones() {
        AvroSerde<AudioFrame> serde = AvroSerdes.of(AudioFrame.class);
        assertNull(serde.serializer().serialize(TOPIC, null));
        assertNull(serde.deserializer().deserialize(TOPIC, null));
    }

    @Test
    void recordFromTheVersion1WriterDecodesWithDefaultChannels() throws IOException {
        Schema v1 = historySchema("AudioFrame.v1.avsc");
        GenericRecord old = new GenericData.Record(v1);
        old.put("sensor_id", "mic-old");
        old.put("sequence", 7L);
        old.put("capture_time_ms", SampleRecords.T0.toEpochMilli());
        old.put("sample_rate", 8000);
        old.put("encoding", new GenericData.EnumSymbol(v1.getField("encoding").schema(), "PCM_U8"));
        old.put("samples", ByteBuffer.wrap(new byte[] {-128, 0, 127}));
        byte[] bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(old).array();

        AudioFrame frame = AvroSerdes.of(AudioFrame.class).deserializer().deserialize(TOPIC, bytes);

        assertEquals("mic-old", frame.getSensorId());
        assertEquals(SampleRecords.T0, frame.getCaptureTimeMs());
        assertEquals(SampleEncoding.PCM_U8, frame.getEncoding());
        assertEquals(1, frame.getChannels(), "v1 frames are mono: the default fills the missing field");
    }

    @Test
    void storeKnowsCurrentAndHistoricalFingerprints() throws IOException {
        SchemaStore store = SchemaStore.withHistory(AudioFrame.getClassSchema());
        assertTrue(store.knows(SchemaStore.fingerprint(AudioFrame.getClassSchema())));
        assertTrue(store.knows(SchemaStore.fingerprint(historySchema("AudioFrame.v1.avsc"))));
    }

    @Test
    void historyThatCannotBeResolvedIsRejectedUpFront() {
        Schema incompatible = new Schema.Parser().parse("""
                {"type": "record", "name": "AudioFrame", "namespace": "dev.zebrastream.avro",
                 "fields": [{"name": "sensor_id", "type": "int"}]}""");
        assertThrows(IllegalArgumentException.class,
                () -> SchemaStore.of(AudioFrame.getClassSchema(), List.of(incompatible)));
    }

    @Test
    void garbageIsRejectedForItsMarker() {
        assertDecodeFails("plain text, not avro".getBytes(), "not Avro single-object encoding (bad marker");
    }

    @Test
    void wrongSecondMarkerByteIsRejected() {
        byte[] bytes = encodedFrame();
        bytes[1] = 0x02;
        assertDecodeFails(bytes, "bad marker: starts C3 02");
    }

    @Test
    void unknownFingerprintIsRejectedWithTheFingerprint() {
        byte[] bytes = encodedFrame();
        ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).putLong(0x0123456789abcdefL);
        assertDecodeFails(bytes, "unknown schema fingerprint 0x0123456789abcdef");
    }

    @Test
    void shortHeaderIsTruncated() {
        assertDecodeFails(Arrays.copyOf(encodedFrame(), 6), "truncated");
        assertDecodeFails(new byte[0], "truncated");
    }

    @Test
    void shortBodyIsTruncated() {
        byte[] bytes = encodedFrame();
        assertDecodeFails(Arrays.copyOf(bytes, bytes.length - 3), "truncated or corrupt body");
    }

    /**
     * 300 random corruptions per record type: each must either decode to a record that encodes again,
     * or fail as a SerializationException (the one failure callers route to their dead-letter path).
     * Any other exception fails the test. Both outcomes must occur, or the fuzzer tests nothing.
     */
    @ParameterizedTest
    @MethodSource("everyRecordType")
    void corruptBodiesDecodeOrFailAsSerializationException(SpecificRecord record) {
        AvroSerde<SpecificRecord> serde = serdeFor(record);
        byte[] clean = serde.encode(record);
        Random random = new Random(7);
        int decoded = 0;
        int refused = 0;
        for (int trial = 0; trial < 300; trial++) {
            byte[] bytes = Arrays.copyOf(clean, SingleObjectHeader.LENGTH + 1 + random.nextInt(clean.length - SingleObjectHeader.LENGTH));
            bytes[SingleObjectHeader.LENGTH + random.nextInt(bytes.length - SingleObjectHeader.LENGTH)] = (byte) random.nextInt();
            try {
                serde.encode(serde.decode(TOPIC, bytes));
                decoded++;
            } catch (SerializationException expected) {
                refused++;
            }
        }
        System.out.printf("avro fuzz %s: 300 corrupt bodies, %d decoded, %d refused as SerializationException%n",
                record.getClass().getSimpleName(), decoded, refused);
        assertEquals(300, decoded + refused);
        assertTrue(refused > 0, "no corruption was refused");
    }

    @Test
    void lengthsBeyondWhatAJavaArrayHoldsAreRefusedNotThrown() {
        for (BadFrames.Case c : BadFrames.corpus("mic-7", 0)) {
            if (c.code().equals("UNDECODABLE") && c.value() != null) {
                assertThrows(SerializationException.class, () -> AvroSerdes.of(AudioFrame.class).decode(TOPIC, c.value()),
                        c.name());
            }
        }
    }

    private static void assertDecodeFails(byte[] bytes, String reason) {
        AvroSerde<AudioFrame> serde = AvroSerdes.of(AudioFrame.class);
        SerializationException e = assertThrows(SerializationException.class,
                () -> serde.deserializer().deserialize(TOPIC, bytes));
        assertTrue(e.getMessage().contains(reason), () -> "message was: " + e.getMessage());
        assertTrue(e.getMessage().contains("AudioFrame") && e.getMessage().contains(TOPIC), e.getMessage());
    }

    private static byte[] encodedFrame() {
        return AvroSerdes.of(AudioFrame.class).encode(SampleRecords.audioFrame());
    }

    @SuppressWarnings("unchecked")
    private static AvroSerde<SpecificRecord> serdeFor(SpecificRecord record) {
        return AvroSerdes.of((Class<SpecificRecord>) record.getClass());
    }

    private static Schema historySchema(String file) throws IOException {
        try (InputStream in = AvroSerdeTest.class.getClassLoader().getResourceAsStream("schemas/history/" + file)) {
            return new Schema.Parser().parse(in);
        }
    }
}
