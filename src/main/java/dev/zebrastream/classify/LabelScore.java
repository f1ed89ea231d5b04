package dev.zebrastream.classify;

/** A class label with its probability. */
public record LabelScore(String label, double score) {
}
