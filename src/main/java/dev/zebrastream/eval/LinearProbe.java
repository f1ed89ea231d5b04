package dev.zebrastream.eval;

import dev.zebrastream.adapt.Adam;
import dev.zebrastream.classify.ScoreMath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A linear probe: multinomial logistic regression on frozen embeddings, scored by stratified k-fold
 * cross-validation. It measures how separable the classes are for the audio tower alone, whatever
 * the text tower makes of their names, so it separates "the model cannot hear it" from "the model
 * does not know what it is called". Full-batch Adam with a small L2 penalty; embeddings are scaled
 * by {@link #INPUT_SCALE} so that unit vectors give useful logits at a modest weight norm.
 */
public final class LinearProbe {

    static final double INPUT_SCALE = 10;
    private static final int ITERATIONS = 300;
    private static final double LEARNING_RATE = 0.01;
    private static final double L2 = 1e-4;

    private final int folds;
    private final long seed;

    public LinearProbe(int folds, long seed) {
        if (folds < 2) {
            throw new IllegalArgumentException("a probe needs at least 2 folds, got " + folds);
        }
        this.folds = folds;
        this.seed = seed;
    }

    /** The held-out prediction for every row: each row is predicted by the probe fitted on the other folds. */
    public int[] crossValidate(float[][] x, int[] labels, int classes) {
        int[] fold = stratifiedFolds(labels, classes);
        int[] predictions = new int[x.length];
        for (int k = 0; k < folds; k++) {
            List<Integer> train = new ArrayList<>();
            for (int i = 0; i < x.length; i++) {
                if (fold[i] != k) {
                    train.add(i);
                }
            }
            double[] weights = fit(x, labels, classes, train);
            for (int i = 0; i < x.length; i++) {
                if (fold[i] == k) {
                    predictions[i] = ScoreMath.argmax(logits(weights, x[i], classes));
                }
            }
        }
        return predictions;
    }

    /** Each class's rows, shuffled, dealt round-robin to the folds. */
    int[] stratifiedFolds(int[] labels, int classes) {
        Random random = new Random(seed);
        int[] fold = new int[labels.length];
        for (int c = 0; c < classes; c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    members.add(i);
                }
            }
            Collections.shuffle(members, random);
            for (int j = 0; j < members.size(); j++) {
                fold[members.get(j)] = j % folds;
            }
        }
        return fold;
    }

    /** Weights, row-major {@code [classes][dim + 1]} with the bias last in each row. */
    private static double[] fit(float[][] x, int[] labels, int classes, List<Integer> rows) {
        int width = x[0].length + 1;
        double[] w = new double[classes * width];
        Adam adam = new Adam(w.length);
        for (int step = 0; step < ITERATIONS; step++) {
            double[] gradient = new double[w.length];
            for (int i : rows) {
                double[] p = ScoreMath.softmax(logits(w, x[i], classes));
                p[labels[i]] -= 1;
                for (int c = 0; c < classes; c++) {
                    for (int j = 0; j < width - 1; j++) {
                        gradient[c * width + j] += p[c] * INPUT_SCALE * x[i][j] / rows.size();
                    }
                    gradient[c * width + width - 1] += p[c] / rows.size();
                }
            }
            for (int c = 0; c < classes; c++) {
                for (int j = 0; j < width - 1; j++) {
                    gradient[c * width + j] += L2 * w[c * width + j];
                }
            }
            adam.step(w, gradient, LEARNING_RATE);
        }
        return w;
    }

    private static double[] logits(double[] w, float[] x, int classes) {
        int width = x.length + 1;
        double[] out = new double[classes];
        for (int c = 0; c < classes; c++) {
            double sum = w[c * width + x.length];
            for (int j = 0; j < x.length; j++) {
                sum += w[c * width + j] * INPUT_SCALE * x[j];
            }
            out[c] = sum;
        }
        return out;
    }
}
