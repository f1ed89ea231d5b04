package dev.zebrastream.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zebrastream.classify.ScoreMath;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LinearProbeTest {

    private static final int CLASSES = 4;
    private static final int PER_CLASS = 20;
    private static final int DIM = 16;

    @Test
    void separatesClustersAndPredictsEachRowFromTheOtherFolds() {
        Random random = new Random(3);
        float[][] centres = unitRows(random, CLASSES);
        float[][] x = new float[CLASSES * PER_CLASS][];
        int[] y = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = i % CLASSES;
            x[i] = new float[DIM];
            for (int j = 0; j < DIM; j++) {
                x[i][j] = centres[y[i]][j] + (float) (0.15 * random.nextGaussian());
            }
        }
        int[] predicted = new LinearProbe(5, 1).crossValidate(ScoreMath.normalizeRows(x), y, CLASSES);
        assertTrue(accuracy(predicted, y) > 0.95, "clustered classes: " + accuracy(predicted, y));
    }

    @Test
    void randomLabelsStayNearChance() {
        Random random = new Random(4);
        float[][] x = unitRows(random, CLASSES * PER_CLASS);
        int[] y = new int[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = random.nextInt(CLASSES);
        }
        double accuracy = accuracy(new LinearProbe(5, 1).crossValidate(x, y, CLASSES), y);
        assertTrue(accuracy < 0.5, "held-out rows cannot be memorised: " + accuracy);
    }

    @Test
    void foldsAreStratified() {
        int[] y = {0, 0, 0, 0, 0, 1, 1, 1, 1, 1};
        int[] folds = new LinearProbe(5, 9).stratifiedFolds(y, 2);
        for (int k = 0; k < 5; k++) {
            int zeros = 0;
            int ones = 0;
            for (int i = 0; i < y.length; i++) {
                if (folds[i] == k) {
                    zeros += y[i] == 0 ? 1 : 0;
                    ones += y[i] == 1 ? 1 : 0;
                }
            }
            assertEquals(1, zeros, "fold " + k);
            assertEquals(1, ones, "fold " + k);
        }
        assertThrows(IllegalArgumentException.class, () -> new LinearProbe(1, 0));
    }

    private static float[][] unitRows(Random random, int n) {
        float[][] rows = new float[n][DIM];
        for (float[] row : rows) {
            for (int j = 0; j < DIM; j++) {
                row[j] = (float) random.nextGaussian();
            }
        }
        return ScoreMath.normalizeRows(rows);
    }

    private static double accuracy(int[] predicted, int[] truth) {
        int hits = 0;
        for (int i = 0; i < truth.length; i++) {
            hits += predicted[i] == truth[i] ? 1 : 0;
        }
        return hits / (double) truth.length;
    }
}
