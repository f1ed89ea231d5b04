package dev.zebrastream.adapt;

import dev.zebrastream.classify.ScoreMath;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The adaptation objective as a function of the learned prompts' unit text embeddings {@code T [C][D]}:
 * <pre>
 *   L = CE(z(x_l), y_l) - beta H(p(x_l)) + lambdaU mean_u H(p(x_u)) - lambdaDiv H(mean_u p(x_u))
 * </pre>
 * with {@code z = a * scale * cos(x, T) + (1 - a) * scale * cos(x, T_zeroshot)}, means over the shots.
 * The labeled terms range over the base classes only (as CoOp and ZEBRA train); the pool terms over
 * all C classes. The zero-shot half of every logit is fixed, so it is computed once here: a loss
 * evaluation then costs one dot product per (window, class). Immutable and thread-safe.
 */
public final class ZebraObjective {

    /** Each term on its own (means over shots / windows), and the weighted total. */
    public record Terms(double crossEntropy, double labeledEntropy, double poolEntropy, double poolMeanEntropy,
                        double total) {

        public Map<String, Double> toMap() {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("crossEntropy", crossEntropy);
            m.put("labeledEntropy", labeledEntropy);
            m.put("poolEntropy", poolEntropy);
            m.put("poolMeanEntropy", poolMeanEntropy);
            m.put("total", total);
            return m;
        }
    }

    /** Windows scored against one list of classes, with the fixed zero-shot part of their logits. */
    private record Block(float[][] audio, int[] classes, double[][] zeroShotLogits) {

        int size() {
            return audio.length;
        }
    }

    private final ObjectiveWeights weights;
    private final double promptScale;
    private final Block labeled;
    private final int[] targets;
    private final Block pool;
    private final int classCount;
    private final int dimension;

    public ZebraObjective(TrainingData data, ObjectiveWeights weights) {
        this.weights = weights;
        this.promptScale = weights.promptWeight() * data.logitScale();
        double zeroShotScale = (1 - weights.promptWeight()) * data.logitScale();
        this.labeled = block(data.labeled(), data.baseClasses(), data.zeroShotText(), zeroShotScale);
        this.targets = positionsIn(data.labels(), data.baseClasses());
        this.pool = block(data.pool(), IntStream.range(0, data.classCount()).toArray(), data.zeroShotText(),
                zeroShotScale);
        this.classCount = data.classCount();
        this.dimension = data.dimension();
    }

    /** The loss and its gradient at one point, from one pass over the logits. */
    public record LossAndGradient(double loss, float[][] gradient) {
    }

    /** L at these prompt embeddings (rows used as given: pass unit vectors). Skips pool terms weighted 0. */
    public double loss(float[][] promptTextUnit) {
        return evaluate(promptTextUnit, weights.usesPool()).total();
    }

    /** Every term, the pool ones included even when their weight is 0 (they are still worth reporting). */
    public Terms terms(float[][] promptTextUnit) {
        return evaluate(promptTextUnit, true);
    }

    /**
     * dL/dT, treating the rows of {@code promptTextUnit} as free variables (the loss does not
     * re-normalise them).
     */
    public float[][] gradient(float[][] promptTextUnit) {
        requireShape(promptTextUnit);
        return gradient(logits(labeled, promptTextUnit), poolProbabilitiesIf(weights.usesPool(), promptTextUnit));
    }

    /** {@link #loss} and {@link #gradient} together: the logits and pool probabilities are computed once. */
    public LossAndGradient lossAndGradient(float[][] promptTextUnit) {
        requireShape(promptTextUnit);
        double[][] z = logits(labeled, promptTextUnit);
        double[][] poolP = poolProbabilitiesIf(weights.usesPool(), promptTextUnit);
        return new LossAndGradient(terms(z, poolP).total(), gradient(z, poolP));
    }

    /** Pool probabilities when asked for and there is a pool, else null (the pool terms are then 0). */
    private double[][] poolProbabilitiesIf(boolean withPool, float[][] promptTextUnit) {
        return withPool && pool.size() > 0 ? poolProbabilities(promptTextUnit) : null;
    }

    private float[][] gradient(double[][] z, double[][] poolP) {
        double[][] grad = new double[classCount][dimension];
        for (int n = 0; n < labeled.size(); n++) {
            double[] p = ScoreMath.softmax(z[n]);
            double[] dz = SoftmaxCalculus.crossEntropyGradient(p, targets[n]);
            axpy(-weights.beta(), SoftmaxCalculus.entropyGradient(p, ScoreMath.entropy(p)), dz);
            accumulate(grad, labeled, n, dz, 1.0 / labeled.size());
        }
        if (poolP != null) {
            addPoolGradient(grad, poolP);
        }
        return toFloat(grad);
    }

    private void addPoolGradient(double[][] grad, double[][] p) {
        double[] dMeanEntropyDp = negativeLog(mean(p));
        for (int u = 0; u < pool.size(); u++) {
            double[] dz = SoftmaxCalculus.entropyGradient(p[u], ScoreMath.entropy(p[u]));
            scale(dz, weights.lambdaU());
            // d H(mean p) / dp_u = -(log mean p + 1) / U; the constant drops out of softmaxBackward.
            axpy(-weights.lambdaDiv(), SoftmaxCalculus.softmaxBackward(p[u], dMeanEntropyDp), dz);
            accumulate(grad, pool, u, dz, 1.0 / pool.size());
        }
    }

    private Terms evaluate(float[][] promptTextUnit, boolean withPool) {
        requireShape(promptTextUnit);
        return terms(logits(labeled, promptTextUnit), poolProbabilitiesIf(withPool, promptTextUnit));
    }

    /** The terms from the labeled logits and the pool probabilities (null: pool terms 0). */
    private Terms terms(double[][] z, double[][] p) {
        double ce = 0;
        double entropy = 0;
        for (int n = 0; n < labeled.size(); n++) {
            ce += SoftmaxCalculus.crossEntropy(z[n], targets[n]);
            entropy += ScoreMath.entropy(ScoreMath.softmax(z[n]));
        }
        ce /= labeled.size();
        entropy /= labeled.size();
        double poolEntropy = 0;
        double poolMeanEntropy = 0;
        if (p != null) {
            for (double[] row : p) {
                poolEntropy += ScoreMath.entropy(row) / p.length;
            }
            poolMeanEntropy = ScoreMath.entropy(mean(p));
        }
        double total = ce - weights.beta() * entropy + weights.lambdaU() * poolEntropy
                - weights.lambdaDiv() * poolMeanEntropy;
        return new Terms(ce, entropy, poolEntropy, poolMeanEntropy, total);
    }

    private double[][] poolProbabilities(float[][] promptTextUnit) {
        double[][] p = logits(pool, promptTextUnit);
        for (int u = 0; u < p.length; u++) {
            p[u] = ScoreMath.softmax(p[u]);
        }
        return p;
    }

    /** Fused logits of every window of the block: the prompt half now, the zero-shot half from the cache. */
    private double[][] logits(Block block, float[][] promptTextUnit) {
        float[][] promptRows = rows(promptTextUnit, block.classes());
        double[][] z = new double[block.size()][];
        for (int i = 0; i < z.length; i++) {
            z[i] = ScoreMath.logits(block.audio()[i], promptRows, promptScale);
            axpy(1.0, block.zeroShotLogits()[i], z[i]);
        }
        return z;
    }

    /** grad[T_c] += weight * promptScale * dz_c * x for each class c of the block (dz_c/dT_c = promptScale * x). */
    private void accumulate(double[][] grad, Block block, int i, double[] dz, double weight) {
        float[] x = block.audio()[i];
        for (int k = 0; k < dz.length; k++) {
            double coefficient = weight * promptScale * dz[k];
            double[] row = grad[block.classes()[k]];
            for (int d = 0; d < x.length; d++) {
                row[d] += coefficient * x[d];
            }
        }
    }

    private void requireShape(float[][] promptTextUnit) {
        if (promptTextUnit.length != classCount || promptTextUnit[0].length != dimension) {
            throw new IllegalArgumentException("prompt embeddings must be " + classCount + " x " + dimension);
        }
    }

    private static Block block(float[][] audio, int[] classes, float[][] zeroShotText, double zeroShotScale) {
        float[][] zeroShotRows = rows(zeroShotText, classes);
        double[][] fixed = new double[audio.length][];
        for (int i = 0; i < audio.length; i++) {
            fixed[i] = ScoreMath.logits(audio[i], zeroShotRows, zeroShotScale);
        }
        return new Block(audio, classes, fixed);
    }

    private static float[][] rows(float[][] matrix, int[] indices) {
        float[][] out = new float[indices.length][];
        for (int k = 0; k < indices.length; k++) {
            out[k] = matrix[indices[k]];
        }
        return out;
    }

    /** Each label's position within the base-class list: the CE target in the base-restricted softmax. */
    private static int[] positionsIn(int[] labels, int[] classes) {
        int[] positions = new int[labels.length];
        for (int n = 0; n < labels.length; n++) {
            int label = labels[n];
            positions[n] = IntStream.range(0, classes.length).filter(k -> classes[k] == label).findFirst()
                    .orElseThrow();
        }
        return positions;
    }

    private static double[] mean(double[][] rows) {
        double[] m = new double[rows[0].length];
        for (double[] row : rows) {
            axpy(1.0 / rows.length, row, m);
        }
        return m;
    }

    /** -log q, with 0 where q is 0 (every p that multiplies it is then 0 as well). */
    private static double[] negativeLog(double[] q) {
        double[] out = new double[q.length];
        for (int k = 0; k < q.length; k++) {
            out[k] = q[k] > 0 ? -Math.log(q[k]) : 0;
        }
        return out;
    }

    /** y += alpha * x. */
    private static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += alpha * x[i];
        }
    }

    private static void scale(double[] v, double alpha) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= alpha;
        }
    }

    private static float[][] toFloat(double[][] m) {
        float[][] out = new float[m.length][m[0].length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[i].length; j++) {
                out[i][j] = (float) m[i][j];
            }
        }
        return out;
    }
}
