package dev.zebrastream.adapt;

/**
 * Outcome of a zeroth-order run.
 *
 * @param best        the context with the lowest loss seen at an iterate (not at a perturbed point)
 * @param bestLoss    its loss
 * @param bestStep    the iterate it was (0 = the start, {@code steps} = after the last step)
 * @param lossCurve   loss at every iterate, {@code steps + 1} values
 * @param evaluations loss evaluations spent
 * @param wallMillis  wall time of the run
 */
public record ZoResult(float[] best, double bestLoss, int bestStep, double[] lossCurve, long evaluations,
                       long wallMillis) {
}
