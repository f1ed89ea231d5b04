package dev.zebrastream.window;

/**
 * A frame that cannot become audio. {@link #reason()} is a stable code for metrics and
 * dead-letter headers; the message is a short, specific description of this frame's fault.
 */
public class InvalidFrameException extends Exception {

    /** Stable codes; dashboards and dead-letter consumers match on these names. */
    public enum Reason {
        MISSING_FIELD,
        SAMPLE_RATE,
        CHANNELS,
        EMPTY_PAYLOAD,
        MISALIGNED_PAYLOAD,
        OVERSIZED_PAYLOAD,
        NON_FINITE_SAMPLE,
        SAMPLE_RANGE,
        CAPTURE_TIME
    }

    private final Reason reason;

    public InvalidFrameException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
