package dev.zebrastream.eval;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Everything the methods of one setting need, embedded once: classes are indexed base first, then
 * novel, so the base classes are {@code 0..baseCount-1}.
 *
 * @param setting      the setting these data were rendered for
 * @param classes      class names, base then novel
 * @param baseCount    number of base classes
 * @param zeroShotText template-prompt text embeddings {@code [C][D]}
 * @param logitScale   the model's logit scale
 * @param test         fixed test windows of every class
 * @param validation   held-out labeled base-class windows (for choosing the pool weights; never test windows)
 * @param shotsBySeed  per seed, {@link #SHOTS_RENDERED} windows of every base class, class-major
 * @param pool         unlabeled deployment windows (all classes or base classes only, per the setting)
 */
public record SettingData(EvalSetting setting, List<String> classes, int baseCount, float[][] zeroShotText,
                          double logitScale, LabeledEmbeddings test, LabeledEmbeddings validation,
                          Map<Long, LabeledEmbeddings> shotsBySeed, float[][] pool) {

    /** Shots rendered per base class and seed; a k-shot run uses the first k. */
    public static final int SHOTS_RENDERED = 16;

    public SettingData {
        classes = List.copyOf(classes);
        shotsBySeed = Map.copyOf(shotsBySeed);
        if (baseCount < 1 || baseCount >= classes.size() || zeroShotText.length != classes.size()) {
            throw new IllegalArgumentException("need base and novel classes and one zero-shot embedding per class");
        }
    }

    public int[] baseClasses() {
        return IntStream.range(0, baseCount).toArray();
    }

    public int[] novelClasses() {
        return IntStream.range(baseCount, classes.size()).toArray();
    }

    public List<String> baseNames() {
        return classes.subList(0, baseCount);
    }

    /** The k-shot labeled set of a seed. */
    public LabeledEmbeddings shots(long seed, int k) {
        LabeledEmbeddings all = shotsBySeed.get(seed);
        if (all == null) {
            throw new IllegalArgumentException("no shots rendered for seed " + seed);
        }
        return all.firstPerClass(k, SHOTS_RENDERED);
    }
}
