package dev.zebrastream.eval;

import java.util.Collections;
import java.util.List;

/** Which methods, shot counts and seeds every setting runs. */
public record BenchmarkGrid(List<Method> methods, List<Integer> shots, List<Long> seeds) {

    public BenchmarkGrid {
        methods = List.copyOf(methods);
        shots = List.copyOf(shots);
        seeds = List.copyOf(seeds);
        if (methods.isEmpty() || shots.isEmpty() || seeds.isEmpty()) {
            throw new IllegalArgumentException("need at least one method, shot count and seed");
        }
        for (int k : shots) {
            if (k < 1 || k > SettingData.SHOTS_RENDERED) {
                throw new IllegalArgumentException("shots must lie in 1.." + SettingData.SHOTS_RENDERED + ", got " + k);
            }
        }
    }

    /** Adaptations per setting, plus one evaluation for zero-shot (which neither shots nor seeds change). */
    public int runsPerSetting() {
        long learning = methods.stream().filter(Method::learns).count();
        return (int) learning * shots.size() * seeds.size() + (methods.contains(Method.ZEROSHOT) ? 1 : 0);
    }

    public boolean usesPool() {
        return methods.stream().anyMatch(Method::usesPool);
    }

    /** The shot count and seed the pool weights are chosen at: the most shots, the first seed. */
    public int selectionShots() {
        return Collections.max(shots);
    }

    public long selectionSeed() {
        return seeds.get(0);
    }
}
