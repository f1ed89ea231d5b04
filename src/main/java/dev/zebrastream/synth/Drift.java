package dev.zebrastream.synth;

/** From {@code fromSample} on (stream time), new segments are recorded under {@code domain}. */
public record Drift(long fromSample, DomainSpec domain) {
}
