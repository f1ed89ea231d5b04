package dev.zebrastream.eval;

import java.util.Locale;

/** Mean and sample standard deviation (n - 1 in the denominator; 0 for a single value) of n values. */
public record Stat(double mean, double std, int n) {

    public static Stat of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double mean = 0;
        for (double v : values) {
            mean += v / values.length;
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return new Stat(mean, values.length < 2 ? 0 : Math.sqrt(squares / (values.length - 1)), values.length);
    }

    /** In percent, as papers print accuracies: {@code 79.8 ± 1.2}. */
    public String percent() {
        return String.format(Locale.ROOT, "%.1f ± %.1f", 100 * mean, 100 * std);
    }
}
