package dev.zebrastream.eval;

import ai.onnxruntime.OrtException;
import dev.zebrastream.model.ClapModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data of a real-audio setting ({@code domain real:SPLIT}), from one split of the corpus that
 * {@code tools/realaudio/build.sh} builds. Every class with at least {@link #MIN_CLIPS} clips takes part.
 * A class's clips are shuffled once (seed 42) and halved: the first half is the deployment's own data
 * (the labeled shots, the validation rows and the unlabeled pool are drawn from it), the second half is
 * the test set (at most {@code testPerClass} clips). Shots of a seed are a seeded shuffle of the first
 * half, repeated when a class has fewer clips than the shots asked for. Clips are embedded by
 * {@link RealClipEmbedder}.
 */
public final class RealSettingRenderer {

    /** Fewer clips than this leave too few to both adapt on and test a class. */
    public static final int MIN_CLIPS = 8;

    private static final Logger LOG = LoggerFactory.getLogger(RealSettingRenderer.class);

    private final ClapModel model;
    private final EmbeddingCache cache;
    private final RealClipEmbedder embedder;
    private final Path corpusRoot;

    /** {@code corpusRoot} holds one directory per split ({@code train}, {@code select}, {@code test}). */
    public RealSettingRenderer(ClapModel model, EmbeddingCache cache, int batchSize, Path corpusRoot) {
        this.model = model;
        this.cache = cache;
        this.embedder = new RealClipEmbedder(model, batchSize);
        this.corpusRoot = corpusRoot;
    }

    /** The classes of a split that take part, sorted. */
    public static List<String> classes(RealCorpus corpus) {
        return corpus.byClass().entrySet().stream().filter(e -> e.getValue().size() >= MIN_CLIPS)
                .map(Map.Entry::getKey).sorted().toList();
    }

    public SettingData render(EvalSetting setting, List<Long> seeds) throws IOException, OrtException {
        long started = System.currentTimeMillis();
        RealCorpus corpus = RealCorpus.forDomain(corpusRoot, setting.domain());
        Map<String, List<RealCorpus.Clip>> byClass = corpus.byClass();
        List<String> classes = classes(corpus);
        BaseNovelSplit split = setting.splitOf(classes);
        List<String> ordered = split.all();
        int baseCount = split.base().size();
        Map<String, ClassHalves> halves = new LinkedHashMap<>();
        for (String name : ordered) {
            halves.put(name, halves(name, embedClass(corpus, byClass.get(name), name), setting.testPerClass()));
        }
        LabeledEmbeddings test = labeled(ordered, name -> halves.get(name).test());
        LabeledEmbeddings validation = labeled(split.base(),
                name -> cycle(halves.get(name).adapt(), SettingRenderer.VALIDATION_PER_CLASS));
        Map<Long, LabeledEmbeddings> shots = new LinkedHashMap<>();
        for (long seed : seeds) {
            shots.put(seed, labeled(split.base(), name -> cycle(shuffled(halves.get(name).adapt(),
                    SettingRenderer.SHOT_SEED_BASE + seed + name.hashCode()), SettingData.SHOTS_RENDERED)));
        }
        float[][] pool = pool(setting.transductive() ? ordered : split.base(), halves, setting.poolSize());
        float[][] zeroShot = model.embedText(model.prompts().zeroShot(ordered));
        LOG.info("{}: {} base + {} novel real classes, {} test, {} validation, {} pool clips ready in {} s",
                setting.name(), baseCount, ordered.size() - baseCount, test.size(), validation.size(), pool.length,
                (System.currentTimeMillis() - started) / 1000);
        return new SettingData(setting, ordered, baseCount, zeroShot, model.manifest().logitScale(), test, validation,
                shots, pool);
    }

    /** A class's clip embeddings split into the deployment's own half and the test half. */
    private record ClassHalves(List<float[]> adapt, List<float[]> test) {
    }

    private static ClassHalves halves(String name, float[][] clips, int testCap) {
        List<float[]> order = shuffled(List.of(clips), BaseNovelSplit.PAPER_SEED + name.hashCode());
        int half = order.size() / 2;
        return new ClassHalves(order.subList(0, half), order.subList(half, Math.min(order.size(), half + testCap)));
    }

    private static List<float[]> shuffled(List<float[]> rows, long seed) {
        List<float[]> out = new ArrayList<>(rows);
        Collections.shuffle(out, new Random(seed));
        return out;
    }

    private static List<float[]> cycle(List<float[]> rows, int count) {
        return IntStream.range(0, count).mapToObj(i -> rows.get(i % rows.size())).toList();
    }

    private static LabeledEmbeddings labeled(List<String> classes, java.util.function.Function<String, List<float[]>> rows) {
        return LabeledEmbeddings.concat(classes.stream().map(c -> rows.apply(c).toArray(float[][]::new)).toList(),
                IntStream.range(0, classes.size()).toArray());
    }

    private static float[][] pool(List<String> classes, Map<String, ClassHalves> halves, int size) {
        List<float[]> rows = new ArrayList<>();
        classes.forEach(c -> rows.addAll(halves.get(c).adapt()));
        return shuffled(rows, SettingRenderer.POOL_SEED).stream().limit(size).toArray(float[][]::new);
    }

    private float[][] embedClass(RealCorpus corpus, List<RealCorpus.Clip> clips, String name) throws OrtException {
        String key = String.join("/", model.manifest().fingerprint(), "real", corpus.dir().toAbsolutePath().toString(),
                name, Integer.toString(clips.size()), Integer.toString(clips.hashCode()));
        return cache.get(key, () -> embedder.embed(clips));
    }
}
