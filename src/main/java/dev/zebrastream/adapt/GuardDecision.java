package dev.zebrastream.adapt;

import java.util.List;
import java.util.Map;

/**
 * Whether a candidate prompt version may be published; {@code reasons} has one line per check
 * (passed or failed), {@code metrics} the numbers behind them for the record's metrics.
 */
public record GuardDecision(boolean accept, List<String> reasons, Map<String, Double> metrics) {

    public GuardDecision {
        reasons = List.copyOf(reasons);
        metrics = Map.copyOf(metrics);
    }
}
