package dev.zebrastream.adapt;

import dev.zebrastream.classify.Classifier;

/**
 * Accuracy in a restricted label space, as CoOp's base-to-novel protocol measures it: base test
 * windows are classified among the base classes only, novel ones among the novel classes only.
 */
public final class Accuracy {

    private Accuracy() {
    }

    /**
     * Fraction of the windows labeled with a class of {@code classSubset} whose highest fused logit
     * within the subset is their label; NaN when no window has such a label.
     *
     * @param audioUnit unit audio embeddings
     * @param labels    class index (into the classifier's labels) of each window
     */
    public static double restricted(Classifier classifier, float[][] audioUnit, int[] labels, int[] classSubset) {
        int counted = 0;
        int correct = 0;
        for (int i = 0; i < audioUnit.length; i++) {
            if (contains(classSubset, labels[i])) {
                counted++;
                if (predictWithin(classifier.logits(audioUnit[i]), classSubset) == labels[i]) {
                    correct++;
                }
            }
        }
        return counted == 0 ? Double.NaN : (double) correct / counted;
    }

    /** The class of the subset with the highest logit (ties: the one listed first). */
    public static int predictWithin(double[] logits, int[] classSubset) {
        int best = classSubset[0];
        for (int c : classSubset) {
            if (logits[c] > logits[best]) {
                best = c;
            }
        }
        return best;
    }

    private static boolean contains(int[] set, int value) {
        for (int v : set) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }
}
