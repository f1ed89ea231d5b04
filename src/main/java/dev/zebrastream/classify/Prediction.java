package dev.zebrastream.classify;

import java.util.List;

/**
 * The classifier's answer for one window: the k best labels, the full probability vector (in label
 * order) and the normalised entropy (0 = certain, 1 = uniform).
 */
public record Prediction(List<LabelScore> top, double[] probabilities, double entropy) {

    public String bestLabel() {
        return top.get(0).label();
    }
}
