package dev.zebrastream.eval;

import dev.zebrastream.adapt.PromptEncoder;
import dev.zebrastream.classify.ScoreMath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A setting without audio or ONNX: class c has a direction t_c, every window of the deployment domain
 * is {@code t_c + shift + noise}, the zero-shot text is t_c alone, and a learned prompt is
 * {@code t_c + (sum of the context rows)}, so a context that learns the shift helps every class.
 */
final class ShiftedToyData {

    static final int DIMENSION = 8;
    static final int CLASSES = 6;

    private final float[][] directions;
    private final float[] shift;

    ShiftedToyData(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        directions = new float[CLASSES][];
        for (int c = 0; c < CLASSES; c++) {
            directions[c] = ScoreMath.normalize(gaussian(random, 1));
        }
        shift = gaussian(random, 0.5);
    }

    SettingData data(EvalSetting setting, List<Long> seeds) {
        List<String> classes = IntStream.range(0, CLASSES).mapToObj(c -> "class" + c).toList();
        int base = CLASSES / 2;
        Map<Long, LabeledEmbeddings> shots = new HashMap<>();
        for (long seed : seeds) {
            shots.put(seed, windows(base, SettingData.SHOTS_RENDERED, 100 + seed));
        }
        return new SettingData(setting, classes, base, directions, 20, windows(CLASSES, 10, 1),
                windows(base, 4, 2), shots, windows(CLASSES, 3, 3).audio());
    }

    PromptEncoder encoder(List<String> names, int contextLength) {
        return new PromptEncoder() {
            @Override
            public List<float[][]> encode(List<float[]> contexts) {
                return contexts.stream().map(ctx -> prompts(names, ctx, contextLength)).toList();
            }

            @Override
            public int contextLength() {
                return contextLength;
            }

            @Override
            public int hiddenSize() {
                return DIMENSION;
            }

            @Override
            public List<String> classNames() {
                return names;
            }
        };
    }

    private float[][] prompts(List<String> names, float[] context, int rows) {
        float[][] out = new float[names.size()][DIMENSION];
        for (int k = 0; k < names.size(); k++) {
            float[] t = directions[Integer.parseInt(names.get(k).substring("class".length()))];
            for (int d = 0; d < DIMENSION; d++) {
                out[k][d] = t[d];
                for (int r = 0; r < rows; r++) {
                    out[k][d] += context[r * DIMENSION + d];
                }
            }
        }
        return out;
    }

    /** {@code perClass} windows of each of the first {@code classes} classes, class-major. */
    private LabeledEmbeddings windows(int classes, int perClass, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<float[][]> blocks = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            float[][] block = new float[perClass][];
            for (int i = 0; i < perClass; i++) {
                float[] x = gaussian(random, 0.35);
                for (int d = 0; d < DIMENSION; d++) {
                    x[d] += directions[c][d] + shift[d];
                }
                block[i] = ScoreMath.normalize(x);
            }
            blocks.add(block);
        }
        return LabeledEmbeddings.concat(blocks, IntStream.range(0, classes).toArray());
    }

    private static float[] gaussian(SplittableRandom random, double sd) {
        float[] v = new float[DIMENSION];
        for (int d = 0; d < DIMENSION; d++) {
            v[d] = (float) (sd * random.nextGaussian());
        }
        return v;
    }
}
