package dev.zebrastream.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runner on {@link ShiftedToyData}: every cell present, accuracies in range, progress reported. */
class BenchmarkRunnerTest {

    private static final List<Long> SEEDS = List.of(0L, 1L);
    private final ShiftedToyData toy = new ShiftedToyData(7);
    private final EvalSetting setting = EvalSettings.parse("factory-mild/steps=40/directions=4/subspace=0/m=2/lr=0.05");
    private final SettingData data = toy.data(setting, SEEDS);
    private final List<String> lines = new ArrayList<>();

    @Test
    void runsEveryMethodShotAndSeedAndChoosesPoolWeightsOnValidationData() {
        BenchmarkGrid grid = new BenchmarkGrid(List.of(Method.ZEROSHOT, Method.COOP, Method.ZEBRA_POOL), List.of(1, 4),
                SEEDS);
        SettingOutcome outcome = runner(grid).run(data, grid, null);
        assertEquals(3 * 2 * 2, outcome.results().size());
        for (RunResult r : outcome.results()) {
            assertTrue(r.base() >= 0 && r.base() <= 1 && r.novel() >= 0 && r.novel() <= 1, r.toString());
            assertEquals(setting.name(), r.setting());
            assertEquals("factory-1", r.domain());
        }
        assertTrue(PoolWeights.candidates().contains(outcome.poolWeights()));
        assertEquals(PoolWeights.candidates().size(), outcome.validationAccuracy().size());
        long runLines = lines.stream().filter(l -> l.startsWith("run ")).count();
        assertEquals(grid.runsPerSetting(), runLines);
        assertTrue(lines.get(lines.size() - 1).startsWith("run 9/9 "), lines.get(lines.size() - 1));
    }

    @Test
    void learningTheDomainShiftBeatsZeroShotOnBaseClasses() {
        BenchmarkGrid grid = new BenchmarkGrid(List.of(Method.ZEROSHOT, Method.COOP), List.of(16), List.of(0L));
        List<RunResult> r = runner(grid).run(data, grid, null).results();
        assertTrue(r.get(1).base() > r.get(0).base(), r.toString());
    }

    @Test
    void fixedPoolWeightsSkipTheSelectionAndNoPoolMethodNeedsNone() {
        BenchmarkGrid pool = new BenchmarkGrid(List.of(Method.POOL_ONLY), List.of(1), List.of(0L));
        SettingOutcome fixed = runner(pool).run(data, pool, new PoolWeights(0.5, 0.2));
        assertEquals(new PoolWeights(0.5, 0.2), fixed.poolWeights());
        assertTrue(fixed.validationAccuracy().isEmpty());
        BenchmarkGrid plain = new BenchmarkGrid(List.of(Method.ZEBRA), List.of(1), List.of(0L));
        assertNull(runner(plain).run(data, plain, new PoolWeights(0.5, 0.2)).poolWeights());
        assertNotNull(fixed.results().get(0));
    }

    private BenchmarkRunner runner(BenchmarkGrid grid) {
        return new BenchmarkRunner(new SettingAdapter(toy::encoder), new ProgressLog(grid.runsPerSetting(), lines::add));
    }
}
