package dev.zebrastream.synth;

/** Ground truth of one event in a {@link SensorStream}: samples [startSample, endSample) in stream time. */
public record StreamEvent(String className, long startSample, long endSample, String domain, String caption) {
}
