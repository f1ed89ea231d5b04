package dev.zebrastream.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zebrastream.adapt.BaseNovel;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellSummaryTest {

    @Test
    void statIsTheMeanAndTheSampleStandardDeviation() {
        Stat s = Stat.of(0.5, 0.6, 0.7);
        assertEquals(0.6, s.mean(), 1e-12);
        assertEquals(0.1, s.std(), 1e-12);
        assertEquals(3, s.n());
        assertEquals("60.0 ± 10.0", s.percent());
        assertEquals(0.0, Stat.of(0.4).std());
    }

    @Test
    void hmOfACellIsTheMeanOfThePerSeedHarmonicMeans() {
        List<RunResult> runs = List.of(run("coop", 16, 0, 0.9, 0.3), run("coop", 16, 1, 0.5, 0.5),
                run("coop", 8, 0, 0.6, 0.6), run("zebra", 16, 0, 0.8, 0.8));
        List<CellSummary> cells = CellSummary.of(runs);
        assertEquals(3, cells.size());
        CellSummary coop16 = cells.get(0);
        assertEquals(List.of("coop", 16), List.of(coop16.method(), coop16.shots()));
        assertEquals(0.7, coop16.base().mean(), 1e-12);
        assertEquals(0.4, coop16.novel().mean(), 1e-12);
        double expectedHm = (BaseNovel.harmonicMean(0.9, 0.3) + 0.5) / 2;
        assertEquals(expectedHm, coop16.hm().mean(), 1e-12);
        assertEquals(Stat.of(BaseNovel.harmonicMean(0.9, 0.3), 0.5).std(), coop16.hm().std(), 1e-12);
        assertEquals(8, cells.get(1).shots());
        assertEquals("zebra", cells.get(2).method());
    }

    static RunResult run(String method, int shots, long seed, double base, double novel) {
        return new RunResult(method, "s", "hall-3", shots, seed, base, novel, BaseNovel.harmonicMean(base, novel), 1.5);
    }
}
