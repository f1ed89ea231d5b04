package dev.zebrastream.eval;

import java.util.List;
import java.util.Map;

/**
 * Results of one setting.
 *
 * @param poolWeights         pool weights chosen on validation data (null when no pool method ran)
 * @param validationAccuracy  base validation accuracy of each candidate, keyed "lambdaU/lambdaDiv"
 */
public record SettingOutcome(EvalSetting setting, PoolWeights poolWeights, Map<String, Double> validationAccuracy,
                             List<RunResult> results) {

    public SettingOutcome {
        validationAccuracy = Map.copyOf(validationAccuracy);
        results = List.copyOf(results);
    }
}
