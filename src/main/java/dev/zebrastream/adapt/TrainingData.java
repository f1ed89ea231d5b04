package dev.zebrastream.adapt;

import dev.zebrastream.classify.ScoreMath;
import java.util.Arrays;

/**
 * Everything the objective needs besides the prompts, computed once per adaptation: labeled audio
 * embeddings of base-class shots, unlabeled pool embeddings, zero-shot text embeddings of all C
 * classes and the logit scale. Rows are normalised here, so raw encoder outputs may be passed.
 *
 * @param labeled      audio embeddings of the labeled shots {@code [N][D]}
 * @param labels       class index (into the C classes) of each shot; each must be a base class
 * @param pool         audio embeddings of unlabeled windows {@code [U][D]}, possibly empty
 * @param zeroShotText template-prompt text embeddings {@code [C][D]}
 * @param logitScale   multiplier of the cosine similarities (the manifest's, 100 in the paper)
 * @param baseClasses  indices of the classes the cross-entropy ranges over
 */
public record TrainingData(float[][] labeled, int[] labels, float[][] pool, float[][] zeroShotText,
                           double logitScale, int[] baseClasses) {

    public TrainingData {
        if (labeled.length == 0 || labeled.length != labels.length) {
            throw new IllegalArgumentException("need at least one labeled shot and one label per shot");
        }
        if (baseClasses.length == 0 || zeroShotText.length == 0) {
            throw new IllegalArgumentException("need at least one class and one base class");
        }
        labeled = ScoreMath.normalizeRows(labeled);
        pool = ScoreMath.normalizeRows(pool);
        zeroShotText = ScoreMath.normalizeRows(zeroShotText);
        labels = labels.clone();
        baseClasses = baseClasses.clone();
        requireSameDimension(labeled, pool, zeroShotText);
        requireLabelsInBase(labels, baseClasses, zeroShotText.length);
    }

    public int classCount() {
        return zeroShotText.length;
    }

    public int dimension() {
        return zeroShotText[0].length;
    }

    private static void requireSameDimension(float[][]... blocks) {
        int d = blocks[blocks.length - 1][0].length;
        for (float[][] block : blocks) {
            for (float[] row : block) {
                if (row.length != d) {
                    throw new IllegalArgumentException("embedding of width " + row.length + ", expected " + d);
                }
            }
        }
    }

    private static void requireLabelsInBase(int[] labels, int[] baseClasses, int classCount) {
        for (int b : baseClasses) {
            if (b < 0 || b >= classCount) {
                throw new IllegalArgumentException("base class index " + b + " outside 0.." + (classCount - 1));
            }
        }
        for (int y : labels) {
            if (Arrays.stream(baseClasses).noneMatch(b -> b == y)) {
                throw new IllegalArgumentException("label " + y + " is not a base class");
            }
        }
    }
}
