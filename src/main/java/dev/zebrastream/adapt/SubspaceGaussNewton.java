package dev.zebrastream.adapt;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Forward-only trust-region minimisation that differentiates the cheap part exactly and only
 * finite-differences the text encoder. The loss is {@code F(T(z))}: T the encoder's class embeddings, F
 * analytic ({@link EmbeddingLoss}). Each iteration:
 * <ol>
 *   <li>probes r orthonormal directions u_j (the previous step's direction, then seeded random ones; all
 *       coordinates when r covers the space) in ONE batched encoder call: {@code V_j = (T(z + eps u_j) - T(z)) / eps},
 *       a Jacobian-vector product per direction, with eps = {@link ZoConfig#mu()};</li>
 *   <li>minimises the {@link LinearisedModel} {@code F(T(z) + sum_j a_j V_j)} over {@code |a| <= radius}
 *       with many cheap analytic steps;</li>
 *   <li>encodes the candidate {@code z + U a} (one more call) and compares the actual decrease with the
 *       predicted one: ratio below {@value #ACCEPT}: rejected, radius / 4, re-solved on the same model (at
 *       most {@value #ATTEMPTS} tries); below {@value #SHRINK}: accepted, radius / 2; above {@value #GROW} at
 *       the boundary: accepted, radius x 2.</li>
 * </ol>
 * The loss never increases between iterates. The initial radius is {@code learningRate * sqrt(dimension)},
 * the length of an Adam step of that learning rate, so the setting means the same for both optimisers.
 * Randomness comes from one seeded generator drawn in a fixed order, and parallel work is per index,
 * so a seed fixes the result.
 */
public final class SubspaceGaussNewton {

    static final double ACCEPT = 0.05;
    static final double SHRINK = 0.25;
    static final double GROW = 0.75;
    static final int ATTEMPTS = 3;
    /** Analytic steps on the linearised model per solve. */
    static final int INNER_STEPS = 40;
    /** The radius never exceeds this many times its initial value. */
    static final double MAX_RADIUS_FACTOR = 32;

    private final ZoConfig config;
    private final Consumer<ZoProgress> progress;

    /** @param progress receives a report about every 10% of the iterations and after the last one */
    public SubspaceGaussNewton(ZoConfig config, Consumer<ZoProgress> progress) {
        this.config = config;
        this.progress = progress;
    }

    /**
     * One solve of the model: the radius it was solved in, whether its candidate was encoded (the model
     * predicted a decrease) and whether it was accepted.
     */
    record Attempt(double radius, boolean encoded, boolean accepted) {
    }

    /** A record of one run's trust-region decisions, for tests. */
    record Trace(List<Attempt> attempts) {

        long rejected() {
            return attempts.stream().filter(a -> !a.accepted()).count();
        }
    }

    private Trace trace;

    /** The trust-region decisions of the last {@link #minimize} call. */
    Trace trace() {
        return trace;
    }

    /**
     * @param encode raw class embeddings {@code [C][E]} of each context, in order; called once per
     *               iteration with r contexts and once per tried candidate with one
     * @param loss   F and its exact gradient
     * @param start  the initial context
     */
    public ZoResult minimize(Function<List<float[]>, List<float[][]>> encode, EmbeddingLoss loss, float[] start) {
        long started = System.currentTimeMillis();
        SplittableRandom root = new SplittableRandom(config.seed());
        SearchSpace space = SearchSpace.of(start, config.subspaceDim(), root.split());
        SplittableRandom directionRandom = root.split();
        int dimension = space.dimension();
        double initialRadius = config.learningRate() * Math.sqrt(dimension);
        double radius = initialRadius;
        double[] z = space.origin();
        float[][] embeddings = encodeChecked(encode, List.of(space.context(z))).get(0);
        double value = finite(loss.loss(embeddings));
        long evaluations = 1;
        double[] curve = new double[config.steps() + 1];
        curve[0] = value;
        int bestStep = 0;
        double[] previousStep = null;
        List<Attempt> attempts = new ArrayList<>();
        int reportEvery = Math.max(1, config.steps() / 10);
        for (int t = 0; t < config.steps(); t++) {
            double[][] basis = SubspaceBasis.draw(dimension, config.directions(), previousStep, directionRandom);
            LinearisedModel model = new LinearisedModel(loss, embeddings, jacobianColumns(encode, space, z,
                    embeddings, basis));
            evaluations += basis.length;
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                LinearisedModel.Step step = model.minimize(radius, INNER_STEPS);
                double predicted = value - step.value();
                if (!(predicted > 0)) {
                    attempts.add(new Attempt(radius, false, false));
                    radius /= 4;
                    continue;
                }
                double[] candidate = move(z, basis, step.coefficients());
                float[][] candidateEmbeddings = encodeChecked(encode, List.of(space.context(candidate))).get(0);
                evaluations++;
                double candidateValue = loss.loss(candidateEmbeddings);
                double ratio = (value - candidateValue) / predicted;
                attempts.add(new Attempt(radius, true, ratio >= ACCEPT));
                if (!(ratio >= ACCEPT)) {
                    radius /= 4;
                    continue;
                }
                previousStep = minus(candidate, z);
                z = candidate;
                embeddings = candidateEmbeddings;
                value = candidateValue;
                bestStep = t + 1;
                if (ratio < SHRINK) {
                    radius /= 2;
                } else if (ratio > GROW && step.norm() > 0.8 * radius) {
                    radius = Math.min(2 * radius, MAX_RADIUS_FACTOR * initialRadius);
                }
                break;
            }
            curve[t + 1] = value;
            if ((t + 1) % reportEvery == 0 || t + 1 == config.steps()) {
                progress.accept(new ZoProgress(t + 1, config.steps(), value, value,
                        System.currentTimeMillis() - started));
            }
        }
        trace = new Trace(List.copyOf(attempts));
        return new ZoResult(space.context(z), value, bestStep, curve, evaluations,
                System.currentTimeMillis() - started);
    }

    /** {@code V_j = (T(z + eps u_j) - T(z)) / eps} for every row u_j of the basis, in one encoder call. */
    private float[][][] jacobianColumns(Function<List<float[]>, List<float[][]>> encode, SearchSpace space,
                                        double[] z, float[][] at, double[][] basis) {
        double eps = config.mu();
        List<float[]> probes = new ArrayList<>(basis.length);
        for (double[] u : basis) {
            probes.add(space.context(Vectors.shifted(z, u, eps)));
        }
        List<float[][]> probed = encodeChecked(encode, probes);
        float[][][] columns = new float[basis.length][][];
        IntStream.range(0, basis.length).parallel().forEach(j -> {
            float[][] shifted = probed.get(j);
            float[][] v = new float[at.length][at[0].length];
            for (int c = 0; c < at.length; c++) {
                for (int d = 0; d < at[c].length; d++) {
                    v[c][d] = (float) ((shifted[c][d] - (double) at[c][d]) / eps);
                }
            }
            columns[j] = v;
        });
        return columns;
    }

    private static List<float[][]> encodeChecked(Function<List<float[]>, List<float[][]>> encode,
                                                 List<float[]> contexts) {
        List<float[][]> out = encode.apply(contexts);
        if (out.size() != contexts.size()) {
            throw new IllegalStateException("encoder returned " + out.size() + " embedding sets for "
                    + contexts.size() + " contexts");
        }
        return out;
    }

    private static double finite(double loss) {
        if (!Double.isFinite(loss)) {
            throw new IllegalStateException("loss is not finite at the start (" + loss + ")");
        }
        return loss;
    }

    private static double[] move(double[] z, double[][] basis, double[] a) {
        double[] out = z.clone();
        for (int j = 0; j < basis.length; j++) {
            if (a[j] != 0) {
                for (int i = 0; i < out.length; i++) {
                    out[i] += a[j] * basis[j][i];
                }
            }
        }
        return out;
    }

    private static double[] minus(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] - b[i];
        }
        return out;
    }
}
