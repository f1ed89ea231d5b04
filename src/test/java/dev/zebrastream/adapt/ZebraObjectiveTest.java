package dev.zebrastream.adapt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zebrastream.classify.ScoreMath;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ZebraObjectiveTest {

    private static final int C = 5;
    private static final int D = 8;
    private static final int[] BASE = {0, 2, 3};
    /** Small enough that the softmaxes are not saturated, so every term has a visible gradient. */
    private static final double SCALE = 8;

    private final SplittableRandom random = new SplittableRandom(3);
    private final float[][] prompts = ScoreMath.normalizeRows(LinearPromptEncoder.gaussian(C, D, random));
    private final TrainingData data = randomData(12, 10);

    static Stream<Arguments> weightings() {
        return Stream.of(
                Arguments.of("cross-entropy, prompts alone", ObjectiveWeights.coop()),
                Arguments.of("cross-entropy, fused", ObjectiveWeights.zebra().withBeta(0)),
                Arguments.of("labeled entropy", ObjectiveWeights.zebra().withBeta(0.7)),
                Arguments.of("pool entropy", ObjectiveWeights.coop().withPool(0.8, 0)),
                Arguments.of("pool mean entropy", ObjectiveWeights.coop().withPool(0, 0.9)),
                Arguments.of("all terms", ObjectiveWeights.zebraPool(0.6, 0.4).withBeta(0.3)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("weightings")
    void gradientMatchesCentralFiniteDifferences(String name, ObjectiveWeights weights) {
        ZebraObjective objective = new ZebraObjective(data, weights);
        float[][] analytic = objective.gradient(prompts);
        double largest = 0;
        for (int c = 0; c < C; c++) {
            for (int d = 0; d < D; d++) {
                double numeric = finiteDifference(objective, c, d);
                largest = Math.max(largest, Math.abs(numeric));
                assertEquals(numeric, analytic[c][d], 1e-5 + 1e-4 * Math.abs(numeric), name + " at " + c + "," + d);
            }
        }
        assertTrue(largest > 1e-2, "the gradient must not be trivially zero");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("weightings")
    void lossAndGradientTogetherEqualTheSeparateCalls(String name, ObjectiveWeights weights) {
        ZebraObjective objective = new ZebraObjective(data, weights);
        ZebraObjective.LossAndGradient both = objective.lossAndGradient(prompts);
        assertEquals(objective.loss(prompts), both.loss(), 0.0, name);
        float[][] separate = objective.gradient(prompts);
        for (int c = 0; c < C; c++) {
            assertArrayEquals(separate[c], both.gradient()[c], 0f, name + " row " + c);
        }
    }

    @Test
    void termsDifferFromEachOtherSoTheGradientChecksAreNotRedundant() {
        float[][] coop = new ZebraObjective(data, ObjectiveWeights.coop()).gradient(prompts);
        float[][] withPool = new ZebraObjective(data, ObjectiveWeights.coop().withPool(0, 0.9)).gradient(prompts);
        assertNotEquals(coop[1][0], withPool[1][0], 1e-4, "pool terms reach the novel class 1");
        assertEquals(0f, coop[1][0], "cross-entropy over base classes leaves novel class 1 alone");
    }

    @Test
    void coopIsPlainCrossEntropyOfPromptLogitsOverBaseClasses() {
        double expected = 0;
        for (int n = 0; n < data.labeled().length; n++) {
            double[] z = ScoreMath.logits(data.labeled()[n], baseRows(prompts), SCALE);
            expected -= Math.log(ScoreMath.softmax(z)[indexInBase(data.labels()[n])]);
        }
        expected /= data.labeled().length;
        assertEquals(expected, new ZebraObjective(data, ObjectiveWeights.coop()).loss(prompts), 1e-9);
    }

    @Test
    void zebraIsCrossEntropyOfFusedLogitsMinusBetaEntropy() {
        double expected = 0;
        for (int n = 0; n < data.labeled().length; n++) {
            double[] z = ScoreMath.fusedLogits(data.labeled()[n], baseRows(data.zeroShotText()), baseRows(prompts),
                    0.5, SCALE);
            double[] p = ScoreMath.softmax(z);
            expected += -Math.log(p[indexInBase(data.labels()[n])]) - 0.05 * ScoreMath.entropy(p);
        }
        expected /= data.labeled().length;
        assertEquals(expected, new ZebraObjective(data, ObjectiveWeights.zebra()).loss(prompts), 1e-9);
    }

    @Test
    void eachTermEntersWithItsWeightAndVanishesAtWeightZero() {
        ZebraObjective.Terms t = new ZebraObjective(data, ObjectiveWeights.zebra()).terms(prompts);
        assertTrue(t.labeledEntropy() > 0 && t.poolEntropy() > 0 && t.poolMeanEntropy() > 0);
        assertEquals(t.crossEntropy(), lossWith(ObjectiveWeights.zebra().withBeta(0)), 1e-12);
        assertEquals(t.crossEntropy() - 0.3 * t.labeledEntropy(), lossWith(ObjectiveWeights.zebra().withBeta(0.3)),
                1e-12);
        assertEquals(t.crossEntropy() + 0.5 * t.poolEntropy(),
                lossWith(ObjectiveWeights.zebra().withBeta(0).withPool(0.5, 0)), 1e-12);
        assertEquals(t.crossEntropy() - 0.5 * t.poolMeanEntropy(),
                lossWith(ObjectiveWeights.zebra().withBeta(0).withPool(0, 0.5)), 1e-12);
    }

    @Test
    void poolContentsDoNotMatterWhenPoolTermsAreOff() {
        TrainingData otherPool = new TrainingData(data.labeled(), data.labels(),
                LinearPromptEncoder.gaussian(3, D, random), data.zeroShotText(), SCALE, BASE);
        double a = new ZebraObjective(data, ObjectiveWeights.zebra()).loss(prompts);
        double b = new ZebraObjective(otherPool, ObjectiveWeights.zebra()).loss(prompts);
        assertEquals(a, b, 0.0);
        assertNotEquals(a, new ZebraObjective(otherPool, ObjectiveWeights.zebraPool(1, 1)).loss(prompts), 1e-6);
    }

    @Test
    void termsTotalIsTheLoss() {
        ObjectiveWeights w = ObjectiveWeights.zebraPool(0.6, 0.4);
        ZebraObjective objective = new ZebraObjective(data, w);
        ZebraObjective.Terms terms = objective.terms(prompts);
        assertEquals(objective.loss(prompts), terms.total(), 1e-12);
        assertEquals(terms.poolMeanEntropy(), terms.toMap().get("poolMeanEntropy"));
        assertEquals(5, terms.toMap().size());
    }

    @Test
    void crossEntropyStaysFiniteWhenTheSoftmaxSaturates() {
        TrainingData sharp = new TrainingData(data.labeled(), data.labels(), data.pool(), data.zeroShotText(), 1e4,
                BASE);
        ZebraObjective objective = new ZebraObjective(sharp, ObjectiveWeights.zebraPool(1, 1));
        assertTrue(Double.isFinite(objective.loss(prompts)));
        for (float[] row : objective.gradient(prompts)) {
            for (float g : row) {
                assertTrue(Float.isFinite(g));
            }
        }
    }

    @Test
    void rejectsLabelsOutsideTheBaseClasses() {
        assertThrows(IllegalArgumentException.class, () -> new TrainingData(data.labeled(),
                new int[data.labels().length], data.pool(), data.zeroShotText(), SCALE, new int[] {2, 3}));
    }

    private double lossWith(ObjectiveWeights weights) {
        return new ZebraObjective(data, weights).loss(prompts);
    }

    /** Central difference in one coordinate, divided by the step that float rounding actually made. */
    private double finiteDifference(ZebraObjective objective, int c, int d) {
        float original = prompts[c][d];
        float plus = original + 1e-3f;
        float minus = original - 1e-3f;
        prompts[c][d] = plus;
        double up = objective.loss(prompts);
        prompts[c][d] = minus;
        double down = objective.loss(prompts);
        prompts[c][d] = original;
        return (up - down) / ((double) plus - minus);
    }

    private TrainingData randomData(int shots, int poolSize) {
        int[] labels = new int[shots];
        for (int n = 0; n < shots; n++) {
            labels[n] = BASE[n % BASE.length];
        }
        return new TrainingData(LinearPromptEncoder.gaussian(shots, D, random), labels,
                LinearPromptEncoder.gaussian(poolSize, D, random), LinearPromptEncoder.gaussian(C, D, random), SCALE,
                BASE);
    }

    private static float[][] baseRows(float[][] rows) {
        float[][] out = new float[BASE.length][];
        for (int k = 0; k < BASE.length; k++) {
            out[k] = rows[BASE[k]];
        }
        return out;
    }

    private static int indexInBase(int label) {
        for (int k = 0; k < BASE.length; k++) {
            if (BASE[k] == label) {
                return k;
            }
        }
        throw new IllegalArgumentException("not a base class: " + label);
    }
}
