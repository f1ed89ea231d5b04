package dev.zebrastream.window;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zebrastream.window.InvalidFrameException.Reason;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {

    private final FrameDecoder decoder = new FrameDecoder();

    @Test
    void signed16BitScalesToUnitRange() throws InvalidFrameException {
        byte[] payload = le(6).putShort((short) 16384).putShort((short) -32768).putShort((short) 32767).array();
        assertArrayEquals(new float[] {0.5f, -1f, 32767 / 32768f}, decoder.toMono(frame(SampleEncoding.PCM_S16LE, 1, payload)));
    }

    @Test
    void signed24BitIsSignExtended() throws InvalidFrameException {
        byte[] payload = {0x00, 0x00, 0x40, 0x00, 0x00, (byte) 0x80, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        assertArrayEquals(new float[] {0.5f, -1f, -1f / 8388608}, decoder.toMono(frame(SampleEncoding.PCM_S24LE, 1, payload)));
    }

    @Test
    void signed32BitScalesToUnitRange() throws InvalidFrameException {
        byte[] payload = le(8).putInt(0x40000000).putInt(Integer.MIN_VALUE).array();
        assertArrayEquals(new float[] {0.5f, -1f}, decoder.toMono(frame(SampleEncoding.PCM_S32LE, 1, payload)));
    }

    @Test
    void float32IsTakenAsIs() throws InvalidFrameException {
        byte[] payload = le(8).putFloat(0.25f).putFloat(-1.5f).array();
        assertArrayEquals(new float[] {0.25f, -1.5f}, decoder.toMono(frame(SampleEncoding.FLOAT32LE, 1, payload)));
    }

    @Test
    void unsigned8BitIsCentredOn128() throws InvalidFrameException {
        byte[] payload = {(byte) 192, 0, (byte) 128};
        assertArrayEquals(new float[] {0.5f, -1f, 0f}, decoder.toMono(frame(SampleEncoding.PCM_U8, 1, payload)));
    }

    @Test
    void channelsAreAveraged() throws InvalidFrameException {
        byte[] stereo = le(8).putShort((short) 16384).putShort((short) 0).putShort((short) -8192).putShort((short) -8192)
                .array();
        MonoFrame mono = decoder.decode(frame(SampleEncoding.PCM_S16LE, 2, stereo), 0);
        assertArrayEquals(new float[] {0.25f, -0.25f}, mono.samples());
        assertEquals("mic-1", mono.sensorId());
        assertEquals(7, mono.sequence());
    }

    @Test
    void invalidFramesNameTheirFault() {
        byte[] two = new byte[4];
        assertRejected(Reason.SAMPLE_RATE, "sample rate 7999 Hz outside 8000..192000",
                new Frame("mic-1", 0, 0, 7999, 1, SampleEncoding.PCM_S16LE, two));
        assertRejected(Reason.SAMPLE_RATE, "sample rate 192001 Hz outside 8000..192000",
                new Frame("mic-1", 0, 0, 192_001, 1, SampleEncoding.PCM_S16LE, two));
        assertRejected(Reason.CHANNELS, "channel count 0 outside 1..32", frame(SampleEncoding.PCM_S16LE, 0, two));
        assertRejected(Reason.CHANNELS, "channel count 33 outside 1..32", frame(SampleEncoding.PCM_S16LE, 33, two));
        assertRejected(Reason.EMPTY_PAYLOAD, "empty payload", frame(SampleEncoding.PCM_S16LE, 1, new byte[0]));
        assertRejected(Reason.EMPTY_PAYLOAD, "empty payload", frame(SampleEncoding.PCM_S16LE, 1, null));
        assertRejected(Reason.MISALIGNED_PAYLOAD, "payload 9 bytes not a multiple of 4 (2 ch x 2 B)",
                frame(SampleEncoding.PCM_S16LE, 2, new byte[9]));
        assertRejected(Reason.MISSING_FIELD, "missing sample encoding", frame(null, 1, two));
        assertRejected(Reason.MISSING_FIELD, "missing sensor id",
                new Frame(" ", 0, 0, 16_000, 1, SampleEncoding.PCM_S16LE, two));
    }

    @Test
    void oversizedPayloadIsRejectedAgainstTheConfiguredLimit() throws InvalidFrameException {
        Frame twoSeconds = frame(SampleEncoding.PCM_U8, 1, new byte[32_000]);
        assertEquals(32_000, decoder.toMono(twoSeconds).length, "within the default 10 s");
        InvalidFrameException error = assertThrows(InvalidFrameException.class,
                () -> new FrameDecoder(1.0).toMono(twoSeconds));
        assertEquals(Reason.OVERSIZED_PAYLOAD, error.reason());
        assertEquals("payload 2.00 s exceeds max 1.00 s", error.getMessage());
    }

    @Test
    void floatsFarBeyondFullScaleAreRejectedSoNoSumOverflows() {
        assertRejected(Reason.SAMPLE_RANGE, "sample 70000.0 at index 1 is beyond +-65504",
                frame(SampleEncoding.FLOAT32LE, 1, le(8).putFloat(65504f).putFloat(70000f).array()));
    }

    @Test
    void nonFiniteFloatsAreRejectedWithTheirIndex() {
        assertRejected(Reason.NON_FINITE_SAMPLE, "non-finite sample at index 1",
                frame(SampleEncoding.FLOAT32LE, 1, le(8).putFloat(0f).putFloat(Float.NaN).array()));
        assertRejected(Reason.NON_FINITE_SAMPLE, "non-finite sample at index 0",
                frame(SampleEncoding.FLOAT32LE, 1, le(4).putFloat(Float.NEGATIVE_INFINITY).array()));
    }

    @Test
    void captureTimesBeforeEpochOrFarAheadOfTheClockAreRejected() throws InvalidFrameException {
        long now = 1_800_000_000_000L;
        byte[] two = new byte[2];
        InvalidFrameException negative = assertThrows(InvalidFrameException.class,
                () -> decoder.decode(new Frame("mic-1", 0, -1, 16_000, 1, SampleEncoding.PCM_S16LE, two), now));
        assertEquals(Reason.CAPTURE_TIME, negative.reason());
        assertEquals("capture time -1 ms is before 1970", negative.getMessage());
        long twoHours = 2 * 3600 * 1000L;
        InvalidFrameException future = assertThrows(InvalidFrameException.class,
                () -> decoder.decode(new Frame("mic-1", 0, now + twoHours, 16_000, 1, SampleEncoding.PCM_S16LE, two), now));
        assertEquals(Reason.CAPTURE_TIME, future.reason());
        assertEquals("capture time 1800007200000 ms is 7200 s ahead of this service's clock (max 600 s)",
                future.getMessage());
        long justInside = now + FrameDecoder.MAX_CLOCK_AHEAD_MS;
        assertEquals(justInside, decoder.decode(new Frame("mic-1", 0, justInside, 16_000, 1,
                SampleEncoding.PCM_S16LE, two), now).captureTimeMs());
        assertEquals(0, decoder.decode(new Frame("mic-1", 0, 0, 16_000, 1, SampleEncoding.PCM_S16LE, two), now)
                .captureTimeMs(), "an old backlog is fine");
    }

    private void assertRejected(Reason reason, String message, Frame frame) {
        InvalidFrameException error = assertThrows(InvalidFrameException.class, () -> decoder.toMono(frame));
        assertEquals(reason, error.reason());
        assertEquals(message, error.getMessage());
    }

    private static Frame frame(SampleEncoding encoding, int channels, byte[] payload) {
        return new Frame("mic-1", 7, 1_000, 16_000, channels, encoding, payload);
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
