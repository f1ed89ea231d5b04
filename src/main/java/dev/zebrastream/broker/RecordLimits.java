package dev.zebrastream.broker;

/**
 * The one record size limit shared by the broker, the topics, every client and the state stores.
 * Frames, windows and assembler state carry seconds of float audio, beyond Kafka's 1 MiB default.
 */
public final class RecordLimits {

    /** Largest record (key, value and headers) a topic accepts and a client sends or fetches. */
    public static final int MAX_RECORD_BYTES = 8 * 1024 * 1024;

    private RecordLimits() {
    }
}
