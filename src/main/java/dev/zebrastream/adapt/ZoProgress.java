package dev.zebrastream.adapt;

/**
 * A progress report after {@code step} of {@code steps} steps; {@code loss} is that of the iterate the
 * step started from (the one the optimiser evaluated exactly).
 */
public record ZoProgress(int step, int steps, double loss, double bestLoss, long elapsedMillis) {

    public String describe() {
        return String.format("forward-only step %d/%d: loss %.4f (best %.4f), %.1f s", step, steps, loss, bestLoss,
                elapsedMillis / 1000.0);
    }
}
