package dev.zebrastream.window;

import dev.zebrastream.window.InvalidFrameException.Reason;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Validates a {@link Frame} and mixes it down to mono floats. Every rejection carries a
 * {@link Reason} code and a short message, because both end up in dead-letter headers.
 */
public final class FrameDecoder {

    public static final int MIN_SAMPLE_RATE = 8_000;
    public static final int MAX_SAMPLE_RATE = 192_000;
    public static final int MAX_CHANNELS = 32;
    public static final double DEFAULT_MAX_PAYLOAD_SECONDS = 10.0;
    /**
     * How far a capture time may lie ahead of this service's clock. Every output record carries its
     * window's capture time as its timestamp, and Kafka brokers refuse timestamps more than an hour
     * in the future by default ({@code log.message.timestamp.after.max.ms}); ten minutes leaves room
     * for windows that end after the frame's own time and for sensor clocks that run a little fast.
     */
    public static final long MAX_CLOCK_AHEAD_MS = 10 * 60 * 1000L;

    private final double maxPayloadSeconds;

    public FrameDecoder() {
        this(DEFAULT_MAX_PAYLOAD_SECONDS);
    }

    /** @param maxPayloadSeconds longest frame accepted, in seconds of audio at the frame's own rate */
    public FrameDecoder(double maxPayloadSeconds) {
        if (!(maxPayloadSeconds > 0)) {
            throw new IllegalArgumentException("maxPayloadSeconds must be positive, got " + maxPayloadSeconds);
        }
        this.maxPayloadSeconds = maxPayloadSeconds;
    }

    /**
     * Validates the frame, including its capture time against {@code nowMs}, and mixes it down.
     *
     * @param nowMs this service's wall clock, in epoch milliseconds
     */
    public MonoFrame decode(Frame frame, long nowMs) throws InvalidFrameException {
        validateCaptureTime(frame.captureTimeMs(), nowMs);
        return new MonoFrame(frame.sensorId(), frame.sequence(), frame.captureTimeMs(), frame.sampleRate(), toMono(frame));
    }

    /** Mono samples: the mean of the channels of each sample frame. */
    public float[] toMono(Frame frame) throws InvalidFrameException {
        validateHeader(frame);
        int sampleFrames = validatePayloadSize(frame);
        return mixDown(frame, sampleFrames);
    }

    /** Negative times cannot be record timestamps; far-future ones are refused by brokers. */
    private static void validateCaptureTime(long captureTimeMs, long nowMs) throws InvalidFrameException {
        if (captureTimeMs < 0) {
            throw new InvalidFrameException(Reason.CAPTURE_TIME, "capture time " + captureTimeMs + " ms is before 1970");
        }
        if (captureTimeMs - nowMs > MAX_CLOCK_AHEAD_MS) {
            throw new InvalidFrameException(Reason.CAPTURE_TIME, "capture time " + captureTimeMs + " ms is "
                    + (captureTimeMs - nowMs) / 1000 + " s ahead of this service's clock (max "
                    + MAX_CLOCK_AHEAD_MS / 1000 + " s)");
        }
    }

    private static void validateHeader(Frame frame) throws InvalidFrameException {
        if (frame.sensorId() == null || frame.sensorId().isBlank()) {
            throw new InvalidFrameException(Reason.MISSING_FIELD, "missing sensor id");
        }
        if (frame.encoding() == null) {
            throw new InvalidFrameException(Reason.MISSING_FIELD, "missing sample encoding");
        }
        if (frame.sampleRate() < MIN_SAMPLE_RATE || frame.sampleRate() > MAX_SAMPLE_RATE) {
            throw new InvalidFrameException(Reason.SAMPLE_RATE,
                    "sample rate " + frame.sampleRate() + " Hz outside " + MIN_SAMPLE_RATE + ".." + MAX_SAMPLE_RATE);
        }
        if (frame.channels() < 1 || frame.channels() > MAX_CHANNELS) {
            throw new InvalidFrameException(Reason.CHANNELS,
                    "channel count " + frame.channels() + " outside 1.." + MAX_CHANNELS);
        }
    }

    /** Returns the number of sample frames (one sample per channel) in the payload. */
    private int validatePayloadSize(Frame frame) throws InvalidFrameException {
        int length = frame.samples() == null ? 0 : frame.samples().length;
        if (length == 0) {
            throw new InvalidFrameException(Reason.EMPTY_PAYLOAD, "empty payload");
        }
        int bytesPerSampleFrame = frame.channels() * frame.encoding().bytesPerSample();
        if (length % bytesPerSampleFrame != 0) {
            throw new InvalidFrameException(Reason.MISALIGNED_PAYLOAD, "payload " + length
                    + " bytes not a multiple of " + bytesPerSampleFrame + " (" + frame.channels() + " ch x "
                    + frame.encoding().bytesPerSample() + " B)");
        }
        int sampleFrames = length / bytesPerSampleFrame;
        double seconds = sampleFrames / (double) frame.sampleRate();
        if (seconds > maxPayloadSeconds) {
            throw new InvalidFrameException(Reason.OVERSIZED_PAYLOAD,
                    String.format("payload %.2f s exceeds max %.2f s", seconds, maxPayloadSeconds));
        }
        return sampleFrames;
    }

    /**
     * Float samples are audio at full scale 1.0; beyond this (the largest half-precision value, 96 dB
     * over full scale) they are not audio, and channel sums and filters could overflow to infinity.
     */
    static final float MAX_SAMPLE_MAGNITUDE = 65504f;

    private static float[] mixDown(Frame frame, int sampleFrames) throws InvalidFrameException {
        int channels = frame.channels();
        float[] interleaved = new float[sampleFrames * channels];
        frame.encoding().readAll(ByteBuffer.wrap(frame.samples()).order(ByteOrder.LITTLE_ENDIAN), interleaved);
        for (int index = 0; index < interleaved.length; index++) {
            // one comparison per sample: NaN fails it too
            if (!(Math.abs(interleaved[index]) <= MAX_SAMPLE_MAGNITUDE)) {
                throw rejected(interleaved[index], index);
            }
        }
        if (channels == 1) {
            return interleaved;
        }
        float[] mono = new float[sampleFrames];
        for (int i = 0; i < sampleFrames; i++) {
            float sum = 0f;
            for (int c = 0; c < channels; c++) {
                sum += interleaved[i * channels + c];
            }
            mono[i] = sum / channels;
        }
        return mono;
    }

    private static InvalidFrameException rejected(float sample, int index) {
        if (!Float.isFinite(sample)) {
            return new InvalidFrameException(Reason.NON_FINITE_SAMPLE, "non-finite sample at index " + index);
        }
        return new InvalidFrameException(Reason.SAMPLE_RANGE, "sample " + sample + " at index " + index
                + " is beyond +-" + (int) MAX_SAMPLE_MAGNITUDE);
    }
}
