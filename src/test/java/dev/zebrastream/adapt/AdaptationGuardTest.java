package dev.zebrastream.adapt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AdaptationGuardTest {

    private final AdaptationGuard guard = new AdaptationGuard(GuardPolicy.defaults());
    private final PoolStats spread = PoolStats.of(new double[][] {
        {0.7, 0.2, 0.1}, {0.1, 0.8, 0.1}, {0.2, 0.1, 0.7}, {0.6, 0.3, 0.1}});
    private final PoolStats collapsed = PoolStats.of(new double[][] {
        {0.9, 0.05, 0.05}, {0.8, 0.1, 0.1}, {0.95, 0.03, 0.02}, {0.4, 0.5, 0.1}});

    @Test
    void poolStatsMeasureTheMeanPredictionAndTheTopClassShare() {
        assertEquals(0.5, spread.topClassShare(), 1e-12);
        assertEquals(0.75, collapsed.topClassShare(), 1e-12);
        assertTrue(spread.meanPredictionEntropy() > 0.9);
        assertTrue(collapsed.meanPredictionEntropy() < 0.8);
        assertEquals(1.0, PoolStats.of(new double[][] {{1, 0}, {0, 1}}).meanPredictionEntropy(), 1e-12);
    }

    @Test
    void acceptsABetterOrSlightlyWorseCandidateWithSpreadPoolPredictions() {
        assertTrue(guard.decide(0.80, 0.85, spread, spread).accept());
        GuardDecision withinTolerance = guard.decide(0.80, 0.785, spread, spread);
        assertTrue(withinTolerance.accept(), withinTolerance.reasons().toString());
        assertEquals(1.0, withinTolerance.metrics().get("guard.accepted"));
        assertEquals(0.785, withinTolerance.metrics().get("guard.validation.candidate"));
    }

    @Test
    void rejectsACandidateThatLosesValidationAccuracyBeyondTheTolerance() {
        GuardDecision d = guard.decide(0.80, 0.77, spread, spread);
        assertFalse(d.accept());
        assertTrue(d.reasons().stream().anyMatch(r -> r.startsWith("failed: validation accuracy")), d.reasons()::toString);
        assertEquals(0.0, d.metrics().get("guard.accepted"));
    }

    @Test
    void rejectsACandidateWhosePoolPredictionsCollapse() {
        GuardDecision d = guard.decide(0.80, 0.90, spread, collapsed);
        assertFalse(d.accept());
        assertTrue(d.reasons().stream().anyMatch(r -> r.startsWith("failed: pool collapse: top pool class share")),
                d.reasons()::toString);
    }

    @Test
    void rejectsWhenTheMeanPredictionEntropyFallsBelowTheFloor() {
        AdaptationGuard strict = new AdaptationGuard(new GuardPolicy(0.02, 0.95, 1.0));
        GuardDecision d = strict.decide(0.8, 0.8, spread, collapsed);
        assertFalse(d.accept());
        assertTrue(d.reasons().stream().anyMatch(r -> r.startsWith("failed: pool collapse: mean pool prediction")),
                d.reasons()::toString);
    }

    @Test
    void aPoolDominatedByOneClassUnderTheCurrentVersionOnlyRequiresNoFurtherCollapse() {
        PoolStats worse = new PoolStats(4, collapsed.meanPredictionEntropy() - 0.1, 1.0);
        assertTrue(guard.decide(0.8, 0.8, collapsed, collapsed).accept());
        assertFalse(guard.decide(0.8, 0.8, collapsed, worse).accept());
    }

    @Test
    void rejectsWithoutValidationLabelsAndSkipsCollapseChecksWithoutPool() {
        assertFalse(guard.decide(Double.NaN, 0.9, spread, spread).accept());
        GuardDecision noPool = guard.decide(0.8, 0.8, PoolStats.empty(), PoolStats.empty());
        assertTrue(noPool.accept(), noPool.reasons().toString());
    }
}
