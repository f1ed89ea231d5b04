package dev.zebrastream.adapt;

import dev.zebrastream.classify.Classifier;

/** Base and novel accuracy of one method, and their harmonic mean, the paper's headline number. */
public record BaseNovel(double base, double novel) {

    public static BaseNovel evaluate(Classifier classifier, float[][] audioUnit, int[] labels, int[] baseClasses,
                                     int[] novelClasses) {
        return new BaseNovel(Accuracy.restricted(classifier, audioUnit, labels, baseClasses),
                Accuracy.restricted(classifier, audioUnit, labels, novelClasses));
    }

    /** HM = 2 b n / (b + n); 0 when both are 0. */
    public static double harmonicMean(double base, double novel) {
        return base + novel == 0 ? 0 : 2 * base * novel / (base + novel);
    }

    public double hm() {
        return harmonicMean(base, novel);
    }
}
