package dev.zebrastream.window;

/**
 * One audio frame as a sensor publishes it: interleaved samples of {@code channels} channels.
 * A plain carrier, validated by {@link FrameDecoder} so that bad frames can still be built
 * from the wire and routed to the dead-letter topic with a reason.
 */
public record Frame(
        String sensorId,
        long sequence,
        long captureTimeMs,
        int sampleRate,
        int channels,
        SampleEncoding encoding,
        byte[] samples) {
}
