package dev.zebrastream.synth;

/** One clip of a corpus plan: which class, its index within the class, the domain spec and the clip's own seed. */
public record ClipRequest(String className, int index, DomainSpec domain, long seed) {
}
