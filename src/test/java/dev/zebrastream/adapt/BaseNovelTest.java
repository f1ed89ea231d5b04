package dev.zebrastream.adapt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zebrastream.classify.Classifier;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaseNovelTest {

    @Test
    void harmonicMeanOfBaseAndNovel() {
        assertEquals(2 * 0.8 * 0.6 / 1.4, BaseNovel.harmonicMean(0.8, 0.6), 1e-12);
        assertEquals(0.7, new BaseNovel(0.7, 0.7).hm(), 1e-12);
        assertEquals(0, BaseNovel.harmonicMean(0.9, 0), 0.0);
        assertEquals(0, BaseNovel.harmonicMean(0, 0), 0.0);
        assertEquals(68.23, 100 * BaseNovel.harmonicMean(0.8018, 0.5938), 0.01, "the paper's CoOp+ZEBRA row");
    }

    /**
     * Class 2 (novel) has the text embedding closest to every window, so it wins in the full label
     * space; base accuracy is measured among base classes only, where the windows are right.
     */
    @Test
    void accuracyIsMeasuredWithinTheRestrictedLabelSpace() {
        float[][] text = {{1, 0, 0}, {0, 1, 0}, {0.8f, 0.8f, 0.1f}};
        Classifier classifier = new Classifier(List.of("a", "b", "c"), text, null, 0, 100);
        float[][] audio = {{0.9f, 0.4f, 0}, {0.4f, 0.9f, 0}, {0.4f, 0.9f, 0}, {0, 0.2f, 1}};
        int[] labels = {0, 1, 0, 2};
        BaseNovel r = BaseNovel.evaluate(classifier, normalize(audio), labels, new int[] {0, 1}, new int[] {2});
        assertEquals(2 / 3.0, r.base(), 1e-12, "window 2 is labeled a but closer to b");
        assertEquals(1.0, r.novel(), 1e-12, "only one novel class: always right within its own space");
        assertEquals(2, Accuracy.predictWithin(classifier.logits(normalize(audio)[0]), new int[] {0, 1, 2}));
        assertTrue(Double.isNaN(Accuracy.restricted(classifier, normalize(audio), labels, new int[] {5})));
    }

    private static float[][] normalize(float[][] rows) {
        return dev.zebrastream.classify.ScoreMath.normalizeRows(rows);
    }
}
