package dev.zebrastream.eval;

/** Correct / total counts. */
public final class Tally {

    private long correct;
    private long total;

    public void add(boolean hit) {
        total++;
        if (hit) {
            correct++;
        }
    }

    public long correct() {
        return correct;
    }

    public long total() {
        return total;
    }

    public double accuracy() {
        return total == 0 ? Double.NaN : correct / (double) total;
    }
}
