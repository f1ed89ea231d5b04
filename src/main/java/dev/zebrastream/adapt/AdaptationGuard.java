package dev.zebrastream.adapt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides whether a newly learned prompt version may replace the current one: it must not lose
 * held-out validation accuracy beyond a tolerance, and must not collapse its predictions on the
 * unlabeled pool. A pool that is genuinely dominated by one class would fail the absolute collapse
 * limits for every version, so when the current version already breaks a limit the candidate only
 * has to be no worse than it.
 */
public final class AdaptationGuard {

    private final GuardPolicy policy;

    public AdaptationGuard(GuardPolicy policy) {
        this.policy = policy;
    }

    /**
     * @param currentAccuracy   validation accuracy of the current version (NaN: no validation labels)
     * @param candidateAccuracy validation accuracy of the candidate
     */
    public GuardDecision decide(double currentAccuracy, double candidateAccuracy, PoolStats currentPool,
                                PoolStats candidatePool) {
        List<String> reasons = new ArrayList<>();
        boolean accept = checkAccuracy(currentAccuracy, candidateAccuracy, reasons);
        if (candidatePool.isEmpty()) {
            reasons.add("ok: no pool windows, collapse checks skipped");
        } else {
            accept &= checkLimit("mean pool prediction entropy", candidatePool.meanPredictionEntropy(),
                    currentPool.meanPredictionEntropy(), policy.minPoolMeanEntropy(), true, reasons);
            accept &= checkLimit("top pool class share", candidatePool.topClassShare(),
                    currentPool.topClassShare(), policy.maxTopClassShare(), false, reasons);
        }
        return new GuardDecision(accept, reasons, metrics(currentAccuracy, candidateAccuracy, candidatePool, accept));
    }

    private boolean checkAccuracy(double current, double candidate, List<String> reasons) {
        if (Double.isNaN(current) || Double.isNaN(candidate)) {
            reasons.add("failed: no validation accuracy (no held-out labels)");
            return false;
        }
        boolean ok = candidate >= current - policy.maxAccuracyLoss();
        reasons.add(String.format("%s: validation accuracy %.4f vs current %.4f (may lose at most %.4f)",
                ok ? "ok" : "failed", candidate, current, policy.maxAccuracyLoss()));
        return ok;
    }

    /**
     * A collapse limit: a floor ({@code atLeast}) or a cap. Passes within the limit, or when the current
     * version is outside it as well and the candidate is no worse.
     */
    private static boolean checkLimit(String name, double candidate, double current, double limit, boolean atLeast,
                                      List<String> reasons) {
        boolean withinLimit = atLeast ? candidate >= limit : candidate <= limit;
        boolean currentOutside = !Double.isNaN(current) && (atLeast ? current < limit : current > limit);
        boolean noWorse = atLeast ? candidate >= current : candidate <= current;
        boolean ok = withinLimit || (currentOutside && noWorse);
        reasons.add(String.format("%s: %s %.4f (%s %.4f%s)", ok ? "ok" : "failed: pool collapse", name, candidate,
                atLeast ? "floor" : "cap", limit,
                currentOutside ? String.format(", current version %.4f", current) : ""));
        return ok;
    }

    private static Map<String, Double> metrics(double currentAccuracy, double candidateAccuracy,
                                               PoolStats candidatePool, boolean accept) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("guard.validation.current", currentAccuracy);
        m.put("guard.validation.candidate", candidateAccuracy);
        m.put("guard.pool.windows", (double) candidatePool.size());
        m.put("guard.pool.meanPredictionEntropy", candidatePool.meanPredictionEntropy());
        m.put("guard.pool.topClassShare", candidatePool.topClassShare());
        m.put("guard.accepted", accept ? 1.0 : 0.0);
        return m;
    }
}
