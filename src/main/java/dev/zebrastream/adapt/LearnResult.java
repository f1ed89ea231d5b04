package dev.zebrastream.adapt;

/**
 * Outcome of one prompt adaptation.
 *
 * @param context      the learned context, {@code M * H} floats row-major (the best iterate seen)
 * @param lossCurve    objective at every iterate, {@code steps + 1} values
 * @param initialTerms objective terms at the initial context
 * @param finalTerms   objective terms at {@code context}
 * @param steps        optimiser steps taken
 * @param bestStep     the iterate {@code context} comes from
 * @param evaluations  context sets the optimiser encoded (each is one prompt per class)
 * @param wallMillis   wall time of the whole adaptation, encoder calls included
 */
public record LearnResult(float[] context, double[] lossCurve, ZebraObjective.Terms initialTerms,
                          ZebraObjective.Terms finalTerms, int steps, int bestStep, long evaluations,
                          long wallMillis) {
}
