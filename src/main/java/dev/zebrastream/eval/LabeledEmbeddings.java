package dev.zebrastream.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Unit audio embeddings with the class index (into the benchmark's class list) of each window.
 *
 * @param audio  {@code [N][D]} unit vectors
 * @param labels class index of each row
 */
public record LabeledEmbeddings(float[][] audio, int[] labels) {

    public LabeledEmbeddings {
        if (audio.length != labels.length) {
            throw new IllegalArgumentException(audio.length + " embeddings but " + labels.length + " labels");
        }
    }

    /** Blocks of rows of one class each, labeled with that class: {@code blocks.get(i)} gets {@code classes[i]}. */
    public static LabeledEmbeddings concat(List<float[][]> blocks, int[] classes) {
        List<float[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            for (float[] row : blocks.get(i)) {
                rows.add(row);
                labels.add(classes[i]);
            }
        }
        return new LabeledEmbeddings(rows.toArray(float[][]::new), labels.stream().mapToInt(Integer::intValue).toArray());
    }

    public int size() {
        return labels.length;
    }

    /**
     * The first {@code k} rows of every class, for data laid out as {@link #concat} writes it with
     * {@code perClass} rows per class: k-shot sets are nested, so 1-shot is part of 2-shot and so on.
     */
    public LabeledEmbeddings firstPerClass(int k, int perClass) {
        if (k < 1 || k > perClass || size() % perClass != 0) {
            throw new IllegalArgumentException("cannot take " + k + " of " + perClass + " rows per class from "
                    + size() + " rows");
        }
        int classes = size() / perClass;
        float[][] audioOut = new float[classes * k][];
        int[] labelsOut = new int[classes * k];
        for (int c = 0; c < classes; c++) {
            for (int i = 0; i < k; i++) {
                audioOut[c * k + i] = audio[c * perClass + i];
                labelsOut[c * k + i] = labels[c * perClass + i];
            }
        }
        return new LabeledEmbeddings(audioOut, labelsOut);
    }
}
