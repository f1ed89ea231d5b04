package dev.zebrastream.adapt;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A cheap deterministic stand-in for the text encoder: prompt c of a context is
 * {@code W * mean(context rows) + offset_c}. The shared term moves every class prompt the same way,
 * like a learned context that corrects a domain shift; the offsets play the class names.
 */
final class LinearPromptEncoder implements PromptEncoder {

    private final int contextLength;
    private final int hidden;
    private final float[][] projection;
    private final float[][] offsets;
    private int calls;

    LinearPromptEncoder(int classes, int dimension, int contextLength, int hidden, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        this.contextLength = contextLength;
        this.hidden = hidden;
        this.projection = gaussian(dimension, hidden, random);
        this.offsets = gaussian(classes, dimension, random);
    }

    @Override
    public List<float[][]> encode(List<float[]> contexts) {
        calls++;
        List<float[][]> out = new ArrayList<>();
        for (float[] context : contexts) {
            out.add(encodeOne(context));
        }
        return out;
    }

    /** The class prompts when the context rows average to {@code meanRow}. */
    float[][] promptsForMean(float[] meanRow) {
        float[] shared = multiply(projection, meanRow);
        float[][] text = new float[offsets.length][shared.length];
        for (int c = 0; c < text.length; c++) {
            for (int d = 0; d < shared.length; d++) {
                text[c][d] = shared[d] + offsets[c][d];
            }
        }
        return text;
    }

    float[][] offsets() {
        return offsets;
    }

    int calls() {
        return calls;
    }

    private float[][] encodeOne(float[] context) {
        float[] mean = new float[hidden];
        for (int i = 0; i < context.length; i++) {
            mean[i % hidden] += context[i] / contextLength;
        }
        return promptsForMean(mean);
    }

    @Override
    public int contextLength() {
        return contextLength;
    }

    @Override
    public int hiddenSize() {
        return hidden;
    }

    @Override
    public List<String> classNames() {
        return IntStream.range(0, offsets.length).mapToObj(c -> "class" + c).collect(Collectors.toList());
    }

    private static float[] multiply(float[][] matrix, float[] v) {
        float[] out = new float[matrix.length];
        for (int r = 0; r < matrix.length; r++) {
            for (int j = 0; j < v.length; j++) {
                out[r] += matrix[r][j] * v[j];
            }
        }
        return out;
    }

    static float[][] gaussian(int rows, int cols, SplittableRandom random) {
        float[][] m = new float[rows][cols];
        for (float[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = (float) random.nextGaussian();
            }
        }
        return m;
    }
}
