package dev.zebrastream.adapt;

/** A human-labeled window: its id, class name and audio embedding. */
public record LabeledExample(String windowId, String label, float[] embedding) {
}
