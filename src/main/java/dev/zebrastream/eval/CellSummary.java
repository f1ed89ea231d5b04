package dev.zebrastream.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One method at one shot count in one setting, over its seeds. HM is the mean of the per-seed HMs (the
 * number the benchmark's bar compares), not the HM of the mean accuracies.
 */
public record CellSummary(String setting, String domain, String method, int shots, Stat base, Stat novel, Stat hm) {

    /** Groups runs by (setting, method, shots), in the order the groups first appear. */
    public static List<CellSummary> of(List<RunResult> results) {
        Map<List<Object>, List<RunResult>> groups = new LinkedHashMap<>();
        for (RunResult r : results) {
            groups.computeIfAbsent(List.of(r.setting(), r.method(), r.shots()), k -> new ArrayList<>()).add(r);
        }
        return groups.values().stream().map(CellSummary::summarise).toList();
    }

    private static CellSummary summarise(List<RunResult> runs) {
        RunResult first = runs.get(0);
        return new CellSummary(first.setting(), first.domain(), first.method(), first.shots(),
                Stat.of(runs.stream().mapToDouble(RunResult::base).toArray()),
                Stat.of(runs.stream().mapToDouble(RunResult::novel).toArray()),
                Stat.of(runs.stream().mapToDouble(RunResult::hm).toArray()));
    }
}
