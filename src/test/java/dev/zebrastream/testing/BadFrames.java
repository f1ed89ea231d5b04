package dev.zebrastream.testing;

import dev.zebrastream.broker.RecordLimits;
import dev.zebrastream.window.SampleEncoding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * Every malformed shape of a frames-topic record we could think of, each with the dead-letter code
 * it must get. The bytes are written field by field with Avro's low-level encoder, so a case can hold
 * what no Avro writer would produce: lengths of 2^31, enum indexes past the symbols, negative times.
 */
public final class BadFrames {

    /** One bad record: a name for reports, its key and value, and the code its dead letter must carry. */
    public record Case(String name, byte[] key, byte[] value, String code) {
    }

    /** Fields of one wire frame; any value may be out of range. */
    public record Fields(String sensorId, long sequence, long captureTimeMs, int sampleRate, int channels,
                         int encodingIndex, byte[] samples) {

        public Fields with(long captureTimeMs) {
            return new Fields(sensorId, sequence, captureTimeMs, sampleRate, channels, encodingIndex, samples);
        }
    }

    private static final long TWO_GIB_MINUS_8 = (1L << 31) - 8;
    private static final long FINGERPRINT = currentFingerprint();

    private BadFrames() {
    }

    /** The corpus for sensor {@code id}, with capture times near {@code nowMs}. */
    public static List<Case> corpus(String id, long nowMs) {
        byte[] key = id.getBytes(StandardCharsets.UTF_8);
        Fields ok = new Fields(id, 1, nowMs, 16_000, 1, 0, new byte[3200]);
        List<Case> c = new ArrayList<>();
        c.add(new Case("random bytes", key, randomBytes(64, 3), "UNDECODABLE"));
        c.add(new Case("empty value", key, new byte[0], "UNDECODABLE"));
        c.add(new Case("tombstone", key, null, "UNDECODABLE"));
        c.add(new Case("unknown fingerprint", key, withFingerprint(encode(ok), 0x1234_5678_9abc_def0L), "UNDECODABLE"));
        c.add(new Case("truncated body", key, Arrays.copyOf(encode(ok), 20), "UNDECODABLE"));
        c.add(new Case("unknown encoding symbol", key, encode(new Fields(id, 1, nowMs, 16_000, 1, 9, new byte[4])),
                "UNDECODABLE"));
        c.add(new Case("bytes length 2^31-8", key, encodeWithLengths(ok, -1, TWO_GIB_MINUS_8), "UNDECODABLE"));
        c.add(new Case("string length 2^31-8", key, encodeWithLengths(ok, TWO_GIB_MINUS_8, -1), "UNDECODABLE"));
        c.add(new Case("negative bytes length", key, encodeWithLengths(ok, -1, -5), "UNDECODABLE"));
        c.add(new Case("null key", null, encode(ok), "KEY_MISMATCH"));
        c.add(new Case("wrong key", "someone-else".getBytes(StandardCharsets.UTF_8), encode(ok), "KEY_MISMATCH"));
        c.add(new Case("100 KiB key", new byte[100 * 1024], encode(ok), "KEY_MISMATCH"));
        c.add(new Case("blank sensor id", new byte[0], encode(new Fields("", 1, nowMs, 16_000, 1, 0, new byte[4])),
                "MISSING_FIELD"));
        c.add(new Case("NaN sample", key, encode(floats(ok, Float.NaN)), "NON_FINITE_SAMPLE"));
        c.add(new Case("+Inf sample", key, encode(floats(ok, Float.POSITIVE_INFINITY)), "NON_FINITE_SAMPLE"));
        c.add(new Case("-Inf sample", key, encode(floats(ok, Float.NEGATIVE_INFINITY)), "NON_FINITE_SAMPLE"));
        c.add(new Case("sample 3e38", key, encode(floats(ok, 3e38f)), "SAMPLE_RANGE"));
        for (int rate : new int[] {0, -16_000, 10_000_000, Integer.MIN_VALUE}) {
            c.add(new Case("rate " + rate, key, encode(new Fields(id, 1, nowMs, rate, 1, 0, new byte[4])), "SAMPLE_RATE"));
        }
        for (int channels : new int[] {0, -2, 1000}) {
            c.add(new Case("channels " + channels, key, encode(new Fields(id, 1, nowMs, 16_000, channels, 0,
                    new byte[4])), "CHANNELS"));
        }
        c.add(new Case("misaligned payload", key, encode(new Fields(id, 1, nowMs, 16_000, 2, 0, new byte[6])),
                "MISALIGNED_PAYLOAD"));
        c.add(new Case("empty payload", key, encode(new Fields(id, 1, nowMs, 16_000, 1, 0, new byte[0])),
                "EMPTY_PAYLOAD"));
        c.add(new Case("125 s frame", key, encode(new Fields(id, 1, nowMs, 8_000, 1, 4, new byte[1_000_000])),
                "OVERSIZED_PAYLOAD"));
        c.add(new Case("negative capture time", key, encode(ok.with(-1)), "CAPTURE_TIME"));
        c.add(new Case("capture time 2 h ahead", key, encode(ok.with(nowMs + 7_200_000)), "CAPTURE_TIME"));
        c.add(new Case("capture time Long.MAX", key, encode(ok.with(Long.MAX_VALUE)), "CAPTURE_TIME"));
        c.add(new Case("capture time Long.MIN", key, encode(ok.with(Long.MIN_VALUE)), "CAPTURE_TIME"));
        c.add(new Case("frame 160 B under the record limit", key, nearLimit(id, nowMs, key.length),
                "OVERSIZED_PAYLOAD"));
        return c;
    }

    /**
     * A float frame whose record is 160 bytes under the record limit: 131 s of 16 kHz audio, so it
     * is refused, and its dead-letter copy (the same bytes plus headers) would be over the limit.
     */
    private static byte[] nearLimit(String id, long nowMs, int keyBytes) {
        int target = RecordLimits.MAX_RECORD_BYTES - 160 - keyBytes - 100;
        int overhead = encode(new Fields(id, 1, nowMs, 16_000, 1, 3, new byte[0])).length + 4;
        int samples = (target - overhead) / 4 * 4;
        return encode(new Fields(id, 1, nowMs, 16_000, 1, 3, new byte[samples]));
    }

    private static Fields floats(Fields base, float bad) {
        byte[] payload = SampleEncoding.FLOAT32LE.encode(new float[] {0f, 0.5f, bad, 0f}, 1);
        return new Fields(base.sensorId(), base.sequence(), base.captureTimeMs(), base.sampleRate(), 1, 3, payload);
    }

    public static byte[] encode(Fields f) {
        return encodeWithLengths(f, -1, -1);
    }

    /** Writes the frame; a non-negative length override is written instead of the real one, with no content. */
    private static byte[] encodeWithLengths(Fields f, long sensorIdLength, long samplesLength) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(header(FINGERPRINT));
            BinaryEncoder e = EncoderFactory.get().directBinaryEncoder(out, null);
            if (sensorIdLength >= 0) {
                e.writeLong(sensorIdLength);
            } else {
                e.writeString(f.sensorId());
            }
            e.writeLong(f.sequence());
            e.writeLong(f.captureTimeMs());
            e.writeInt(f.sampleRate());
            e.writeInt(f.channels());
            e.writeEnum(f.encodingIndex());
            if (samplesLength != -1) {
                e.writeLong(samplesLength);
            } else {
                e.writeBytes(f.samples());
            }
            e.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] header(long fingerprint) {
        return ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN).put((byte) 0xC3).put((byte) 0x01)
                .putLong(fingerprint).array();
    }

    private static byte[] withFingerprint(byte[] value, long fingerprint) {
        byte[] copy = value.clone();
        System.arraycopy(header(fingerprint), 0, copy, 0, 10);
        return copy;
    }

    private static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }

    private static long currentFingerprint() {
        Schema schema = dev.zebrastream.avro.AudioFrame.getClassSchema();
        return SchemaNormalization.parsingFingerprint64(schema);
    }
}
