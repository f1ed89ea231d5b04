package dev.zebrastream.config;

import java.util.Collection;

/** "Did you mean" for a mistyped name: the closest known name within a few edits. */
final class Suggestions {

    private Suggestions() {
    }

    /** {@code " (did you mean 'x'?)"} for the closest of {@code known}, or "" when none is close enough. */
    static String didYouMean(String name, Collection<String> known) {
        // a third of the name at most, so that short names do not "match" unrelated ones
        int allowed = Math.min(3, name.length() / 3);
        String best = null;
        int bestDistance = allowed + 1;
        for (String candidate : known) {
            int d = distance(name, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
