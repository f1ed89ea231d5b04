package dev.zebrastream.eval;

import java.util.List;

/**
 * Counts of (true class, predicted class) pairs over a fixed class list.
 *
 * @param classes the class names, in row and column order
 * @param counts  {@code counts[truth][prediction]}
 */
public record Confusion(List<String> classes, int[][] counts) {

    public Confusion(List<String> classes) {
        this(List.copyOf(classes), new int[classes.size()][classes.size()]);
    }

    public void add(String truth, String prediction) {
        counts[index(truth)][index(prediction)]++;
    }

    public int rowTotal(int truth) {
        int total = 0;
        for (int n : counts[truth]) {
            total += n;
        }
        return total;
    }

    /** Share of all counted pairs on the diagonal. */
    public double accuracy() {
        long hits = 0;
        long total = 0;
        for (int c = 0; c < counts.length; c++) {
            hits += counts[c][c];
            total += rowTotal(c);
        }
        return total == 0 ? 0 : hits / (double) total;
    }

    /** Mean over classes with at least one pair of their own accuracy: every class counts the same. */
    public double balancedAccuracy() {
        double sum = 0;
        int present = 0;
        for (int c = 0; c < counts.length; c++) {
            int total = rowTotal(c);
            if (total > 0) {
                sum += counts[c][c] / (double) total;
                present++;
            }
        }
        return present == 0 ? 0 : sum / present;
    }

    private int index(String name) {
        int i = classes.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("class '" + name + "' is not in the confusion matrix");
        }
        return i;
    }
}
