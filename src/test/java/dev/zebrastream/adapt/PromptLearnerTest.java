package dev.zebrastream.adapt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zebrastream.classify.Classifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The learner end to end on {@link ToyProblem}: a domain shift that a learned context can undo. */
class PromptLearnerTest {

    private static final double PAPER_SCALE = 100;

    private final ToyProblem toy = new ToyProblem(4, 40, PAPER_SCALE);
    private final float[] init = ContextInit.random(ToyProblem.CONTEXT_LENGTH, ToyProblem.HIDDEN, 3);
    private final PromptLearner learner = new PromptLearner(p -> { });

    @Test
    void coopInFullSpaceGetsBelowTheGeneratorsOwnContext() {
        ObjectiveWeights coop = ObjectiveWeights.coop();
        LearnResult r = learner.learn(toy.encoder, toy.data, coop, zo(0, 0.05), init);
        double start = r.initialTerms().total();
        assertEquals(start, r.lossCurve()[0], 1e-9);
        assertTrue(r.finalTerms().total() < start / 10, "from " + start + " to " + r.finalTerms().total());
        assertTrue(r.finalTerms().total() <= toy.loss(coop, toy.knownContext()));
    }

    @Test
    void zebraInARandomSubspaceGetsBelowTheGeneratorsOwnContext() {
        ObjectiveWeights zebra = ObjectiveWeights.zebraPool(0.5, 0.5);
        LearnResult r = learner.learn(toy.encoder, toy.data, zebra, zo(8, 0.1), init);
        assertTrue(r.finalTerms().total() < r.initialTerms().total() / 3);
        assertTrue(r.finalTerms().total() <= toy.loss(zebra, toy.knownContext()));
        assertTrue(r.finalTerms().crossEntropy() < r.initialTerms().crossEntropy());
    }

    @Test
    void adaptationRaisesBaseAccuracyOnFreshWindowsWithoutHurtingNovelClasses() {
        LearnResult r = learner.learn(toy.encoder, toy.data, ObjectiveWeights.zebra(), zo(0, 0.05), init);
        BaseNovel zeroShot = evaluate(null);
        BaseNovel adapted = evaluate(toy.encoder.encode(List.of(r.context())).get(0));
        assertTrue(adapted.base() > zeroShot.base() + 0.1, zeroShot + " -> " + adapted);
        assertTrue(adapted.novel() >= zeroShot.novel() - 0.02, zeroShot + " -> " + adapted);
    }

    @Test
    void subspaceGaussNewtonRaisesBaseAccuracyWithFarFewerEncoderCalls() {
        ZoConfig gn = zo(0, 0.05).withMethod(ZoMethod.SUBSPACE_GN).withSteps(40);
        int before = toy.encoder.calls();
        LearnResult r = learner.learn(toy.encoder, toy.data, ObjectiveWeights.zebra(), gn, init);
        assertTrue(toy.encoder.calls() - before <= 40 * (1 + SubspaceGaussNewton.ATTEMPTS) + 3,
                "calls " + (toy.encoder.calls() - before));
        assertTrue(r.finalTerms().total() <= toy.loss(ObjectiveWeights.zebra(), toy.knownContext()) + 1e-3,
                r.finalTerms().total() + " vs the generator's " + toy.loss(ObjectiveWeights.zebra(), toy.knownContext()));
        BaseNovel zeroShot = evaluate(null);
        BaseNovel adapted = evaluate(toy.encoder.encode(List.of(r.context())).get(0));
        // It minimises the 4-shot training loss further than spsa's budget does, so the held-out gain is smaller.
        assertTrue(adapted.base() > zeroShot.base() + 0.05, zeroShot + " -> " + adapted);
        assertTrue(adapted.novel() >= zeroShot.novel() - 0.02, zeroShot + " -> " + adapted);
    }

    @Test
    void normalizedObjectiveGradientMatchesFiniteDifferences() {
        NormalizedObjective f = new NormalizedObjective(new ZebraObjective(toy.data, ObjectiveWeights.zebraPool(0.5, 0.5)));
        float[][] raw = toy.encoder.encode(List.of(init)).get(0);
        float[][] g = f.gradient(raw);
        double h = 1e-3;
        for (int c = 0; c < raw.length; c += 2) {
            for (int d = 0; d < raw[c].length; d += 3) {
                float keep = raw[c][d];
                raw[c][d] = (float) (keep + h);
                double up = f.loss(raw);
                raw[c][d] = (float) (keep - h);
                double down = f.loss(raw);
                raw[c][d] = keep;
                assertEquals((up - down) / (2 * h), g[c][d], 2e-3 + 1e-2 * Math.abs(g[c][d]), "c " + c + " d " + d);
            }
        }
    }

    @Test
    void sameSeedSameContext() {
        ZoConfig config = zo(0, 0.05).withSteps(30);
        LearnResult a = learner.learn(toy.encoder, toy.data, ObjectiveWeights.zebra(), config, init);
        LearnResult b = learner.learn(toy.encoder, toy.data, ObjectiveWeights.zebra(), config, init);
        assertArrayEquals(a.context(), b.context());
        assertArrayEquals(a.lossCurve(), b.lossCurve());
    }

    @Test
    void encodesEachStepInOneBatchedCall() {
        int before = toy.encoder.calls();
        learner.learn(toy.encoder, toy.data, ObjectiveWeights.zebra(), zo(0, 0.05).withSteps(20), init);
        assertEquals(20 + 1 + 2, toy.encoder.calls() - before, "steps, final point, start and end terms");
    }

    @Test
    void rejectsAContextOfTheWrongSize() {
        assertThrows(IllegalArgumentException.class, () -> learner.learn(toy.encoder, toy.data,
                ObjectiveWeights.zebra(), zo(0, 0.05), new float[5]));
    }

    private static ZoConfig zo(int subspaceDim, double learningRate) {
        return new ZoConfig(150, 8, 0.01, learningRate, subspaceDim, 1, true, ZoMethod.SPSA);
    }

    private BaseNovel evaluate(float[][] promptText) {
        Classifier classifier = new Classifier(toy.encoder.classNames(), toy.data.zeroShotText(), promptText,
                ObjectiveWeights.PAPER_FUSION_WEIGHT, PAPER_SCALE);
        ToyProblem.Windows test = toy.testWindows(50, 99);
        return BaseNovel.evaluate(classifier, test.audio(), test.labels(), ToyProblem.BASE, ToyProblem.NOVEL);
    }
}
