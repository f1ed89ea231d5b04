package dev.zebrastream.adapt;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forward-only minimisation of a loss over a flat context vector, for runtimes that cannot
 * back-propagate (ONNX Runtime on the JVM). Each step draws K Gaussian directions u, evaluates the
 * current point and {@code c(z ± mu u)} for every direction in ONE batched call, estimates the
 * gradient as {@code mean_k (f(z + mu u_k) - f(z - mu u_k)) / (2 mu) * u_k} (antithetic central
 * differences cancel the even-order error terms) and takes an Adam step. All randomness comes from
 * one seeded generator, drawn in a fixed order, so a seed fixes the result.
 */
public final class ZerothOrderOptimizer {

    private static final Logger LOG = LoggerFactory.getLogger(ZerothOrderOptimizer.class);

    /** The default progress sink: one log line per report. */
    public static final Consumer<ZoProgress> LOG_PROGRESS = p -> LOG.info(p.describe());

    private final ZoConfig config;
    private final Consumer<ZoProgress> progress;

    /** @param progress receives a report about every 10% of the steps and after the last one */
    public ZerothOrderOptimizer(ZoConfig config, Consumer<ZoProgress> progress) {
        this.config = config;
        this.progress = progress;
    }

    /**
     * @param batchLoss loss of each given context, in order; called with {@code 2K + 1} contexts per step
     * @param start     the initial context
     */
    public ZoResult minimize(Function<List<float[]>, double[]> batchLoss, float[] start) {
        long started = System.currentTimeMillis();
        SplittableRandom root = new SplittableRandom(config.seed());
        SearchSpace space = SearchSpace.of(start, config.subspaceDim(), root.split());
        SplittableRandom directionRandom = root.split();
        Adam adam = new Adam(space.dimension());
        double[] z = space.origin();
        Tracker tracker = new Tracker(config.steps(), started);
        int reportEvery = Math.max(1, config.steps() / 10);
        for (int t = 0; t < config.steps(); t++) {
            double[][] directions = gaussians(config.directions(), space.dimension(), directionRandom);
            float[] current = space.context(z);
            double[] losses = evaluate(batchLoss, candidates(space, z, current, directions));
            tracker.record(t, current, losses[0]);
            adam.step(z, estimateGradient(losses, directions), config.learningRateAt(t));
            if ((t + 1) % reportEvery == 0 || t + 1 == config.steps()) {
                progress.accept(tracker.progress(t + 1, losses[0]));
            }
        }
        float[] last = space.context(z);
        tracker.record(config.steps(), last, evaluate(batchLoss, List.of(last))[0]);
        return tracker.result((long) config.steps() * config.evaluationsPerStep() + 1);
    }

    /** The current point first, then {@code z + mu u_k, z - mu u_k} for each direction. */
    private List<float[]> candidates(SearchSpace space, double[] z, float[] current, double[][] directions) {
        List<float[]> out = new ArrayList<>(config.evaluationsPerStep());
        out.add(current);
        for (double[] u : directions) {
            out.add(space.context(Vectors.shifted(z, u, config.mu())));
            out.add(space.context(Vectors.shifted(z, u, -config.mu())));
        }
        return out;
    }

    private double[] estimateGradient(double[] losses, double[][] directions) {
        double[] g = new double[directions[0].length];
        for (int k = 0; k < directions.length; k++) {
            double slope = (losses[1 + 2 * k] - losses[2 + 2 * k]) / (2 * config.mu() * directions.length);
            for (int i = 0; i < g.length; i++) {
                g[i] += slope * directions[k][i];
            }
        }
        return g;
    }

    private static double[] evaluate(Function<List<float[]>, double[]> batchLoss, List<float[]> contexts) {
        double[] losses = batchLoss.apply(contexts);
        if (losses.length != contexts.size()) {
            throw new IllegalStateException("batch loss returned " + losses.length + " values for "
                    + contexts.size() + " contexts");
        }
        for (double loss : losses) {
            if (!Double.isFinite(loss)) {
                throw new IllegalStateException("loss is not finite (" + loss + "); lower mu or the learning rate");
            }
        }
        return losses;
    }

    private static double[][] gaussians(int count, int dimension, SplittableRandom random) {
        double[][] out = new double[count][dimension];
        for (double[] u : out) {
            for (int i = 0; i < dimension; i++) {
                u[i] = random.nextGaussian();
            }
        }
        return out;
    }

    /** Loss curve and best iterate so far. */
    private static final class Tracker {

        private final double[] curve;
        private final long started;
        private float[] best;
        private double bestLoss = Double.POSITIVE_INFINITY;
        private int bestStep;

        Tracker(int steps, long started) {
            this.curve = new double[steps + 1];
            this.started = started;
        }

        void record(int step, float[] context, double loss) {
            curve[step] = loss;
            if (loss < bestLoss) {
                best = context;
                bestLoss = loss;
                bestStep = step;
            }
        }

        ZoProgress progress(int step, double loss) {
            return new ZoProgress(step, curve.length - 1, loss, bestLoss, System.currentTimeMillis() - started);
        }

        ZoResult result(long evaluations) {
            return new ZoResult(best, bestLoss, bestStep, curve, evaluations, System.currentTimeMillis() - started);
        }
    }
}
