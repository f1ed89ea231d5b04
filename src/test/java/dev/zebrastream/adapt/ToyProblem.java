package dev.zebrastream.adapt;

import dev.zebrastream.classify.ScoreMath;
import java.util.SplittableRandom;

/**
 * A domain-shift toy problem with a known good context: audio of class c lies around
 * {@code W m* + offset_c}, while the zero-shot text embeddings only know {@code offset_c}. A context
 * whose rows average to {@code m*} explains the data; it is the reference the learner must reach.
 */
final class ToyProblem {

    static final int CLASSES = 5;
    static final int DIMENSION = 8;
    static final int CONTEXT_LENGTH = 2;
    static final int HIDDEN = 6;
    static final int[] BASE = {0, 1, 2};
    static final int[] NOVEL = {3, 4};
    static final int[] ALL = {0, 1, 2, 3, 4};

    final LinearPromptEncoder encoder = new LinearPromptEncoder(CLASSES, DIMENSION, CONTEXT_LENGTH, HIDDEN, 7);
    final float[] shift = new float[HIDDEN];
    final TrainingData data;

    ToyProblem(int shotsPerClass, int poolSize, double logitScale) {
        SplittableRandom random = new SplittableRandom(11);
        for (int h = 0; h < HIDDEN; h++) {
            shift[h] = (float) (0.6 * random.nextGaussian());
        }
        Windows shots = windows(BASE, shotsPerClass, random);
        Windows pool = windows(ALL, poolSize / CLASSES, random);
        data = new TrainingData(shots.audio(), shots.labels(), pool.audio(), encoder.offsets(), logitScale, BASE);
    }

    /** Audio embeddings with their classes. */
    record Windows(float[][] audio, int[] labels) {
    }

    /** Fresh windows of every class, for testing. */
    Windows testWindows(int perClass, long seed) {
        return windows(ALL, perClass, new SplittableRandom(seed));
    }

    private Windows windows(int[] classes, int perClass, SplittableRandom random) {
        float[][] centres = encoder.promptsForMean(shift);
        float[][] audio = new float[classes.length * perClass][];
        int[] labels = new int[audio.length];
        for (int i = 0; i < audio.length; i++) {
            labels[i] = classes[i % classes.length];
            audio[i] = ScoreMath.normalize(around(centres[labels[i]], random));
        }
        return new Windows(audio, labels);
    }

    /** A context whose rows all equal the true shift: the generator's own answer. */
    float[] knownContext() {
        float[] context = new float[CONTEXT_LENGTH * HIDDEN];
        for (int i = 0; i < context.length; i++) {
            context[i] = shift[i % HIDDEN];
        }
        return context;
    }

    double loss(ObjectiveWeights weights, float[] context) {
        return new ZebraObjective(data, weights).loss(
                ScoreMath.normalizeRows(encoder.encode(java.util.List.of(context)).get(0)));
    }

    private static float[] around(float[] centre, SplittableRandom random) {
        float[] unit = ScoreMath.normalize(centre);
        float[] x = new float[unit.length];
        for (int d = 0; d < x.length; d++) {
            x[d] = (float) (unit[d] + 0.15 * random.nextGaussian());
        }
        return x;
    }
}
