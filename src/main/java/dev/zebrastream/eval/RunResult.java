package dev.zebrastream.eval;

/**
 * One benchmark run: a method adapted on {@code shots} shots per base class of {@code seed}'s labeled
 * set, evaluated on the setting's fixed test windows. Accuracies lie in [0, 1].
 *
 * @param seconds wall time of the adaptation and its evaluation
 */
public record RunResult(String method, String setting, String domain, int shots, long seed, double base,
                        double novel, double hm, double seconds) {
}
