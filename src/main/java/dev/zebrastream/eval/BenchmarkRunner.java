package dev.zebrastream.eval;

import dev.zebrastream.adapt.BaseNovel;
import dev.zebrastream.adapt.LearnResult;
import dev.zebrastream.adapt.ObjectiveWeights;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Runs every method x shots x seed of a grid on one setting's data. */
public final class BenchmarkRunner {

    private final SettingAdapter adapter;
    private final ProgressLog progress;

    public BenchmarkRunner(SettingAdapter adapter, ProgressLog progress) {
        this.adapter = adapter;
        this.progress = progress;
    }

    /** @param fixedPool pool weights to use as given, or null to choose them on validation data */
    public SettingOutcome run(SettingData data, BenchmarkGrid grid, PoolWeights fixedPool) {
        Map<String, Double> validation = new LinkedHashMap<>();
        PoolWeights pool = !grid.usesPool() ? null
                : fixedPool != null ? fixedPool : choosePoolWeights(data, grid, validation);
        List<RunResult> results = new ArrayList<>();
        for (Method method : grid.methods()) {
            if (method.learns()) {
                for (int shots : grid.shots()) {
                    for (long seed : grid.seeds()) {
                        results.add(report(adapted(data, method, method.weights(pool), shots, seed)));
                    }
                }
            } else {
                results.addAll(zeroShot(data, grid));
            }
        }
        return new SettingOutcome(data.setting(), pool, validation, results);
    }

    /**
     * The candidate whose ZEBRA + pool adaptation scores best on held-out base-class validation windows
     * (labeled, never test windows); ties go to the earlier, smaller candidate.
     */
    private PoolWeights choosePoolWeights(SettingData data, BenchmarkGrid grid, Map<String, Double> scores) {
        PoolWeights best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (PoolWeights candidate : PoolWeights.candidates()) {
            ObjectiveWeights weights = Method.ZEBRA_POOL.weights(candidate);
            LearnResult learned = adapter.learn(data, weights, grid.selectionShots(), grid.selectionSeed());
            double score = adapter.evaluate(data, data.validation(), learned.context(), weights).base();
            scores.put(candidate.lambdaU() + "/" + candidate.lambdaDiv(), score);
            progress.note(String.format(Locale.ROOT, "%s: pool weights lambdaU=%s lambdaDiv=%s -> base validation "
                    + "accuracy %.3f", data.setting().name(), candidate.lambdaU(), candidate.lambdaDiv(), score));
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    private RunResult adapted(SettingData data, Method method, ObjectiveWeights weights, int shots, long seed) {
        long started = System.nanoTime();
        LearnResult learned = adapter.learn(data, weights, shots, seed);
        BaseNovel score = adapter.evaluate(data, data.test(), learned.context(), weights);
        return result(data, method, shots, seed, score, started);
    }

    /** Zero-shot depends on neither shots nor seed: scored once, reported in every cell so tables line up. */
    private List<RunResult> zeroShot(SettingData data, BenchmarkGrid grid) {
        long started = System.nanoTime();
        BaseNovel score = adapter.evaluate(data, data.test(), null, null);
        List<RunResult> rows = new ArrayList<>();
        for (int shots : grid.shots()) {
            for (long seed : grid.seeds()) {
                rows.add(result(data, Method.ZEROSHOT, shots, seed, score, started));
            }
        }
        progress.record(rows.get(0));
        return rows;
    }

    private RunResult report(RunResult r) {
        progress.record(r);
        return r;
    }

    private static RunResult result(SettingData data, Method method, int shots, long seed, BaseNovel score,
                                    long startedNanos) {
        return new RunResult(method.id(), data.setting().name(), data.setting().domain(), shots, seed, score.base(),
                score.novel(), score.hm(), (System.nanoTime() - startedNanos) / 1e9);
    }
}
