package dev.zebrastream.eval;

import ai.onnxruntime.OrtException;
import dev.zebrastream.audio.AudioClip;
import dev.zebrastream.classify.ScoreMath;
import dev.zebrastream.model.ClapModel;
import dev.zebrastream.synth.CorpusPlan;
import dev.zebrastream.synth.DomainSpec;
import dev.zebrastream.synth.LabeledClip;
import dev.zebrastream.synth.Synthesizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders and embeds the data of a setting with the generator and the model. Each set has its own
 * generator seed, far from the seeds the shipped model was trained on (1 to 3), so test, validation,
 * shot and pool windows are all distinct clips; a clip's seed depends only on (set seed, class,
 * index), so the same class renders the same clips whatever split or class list it appears in.
 */
public final class SettingRenderer {

    /** The speech class needs espeak-ng; leaving it out always keeps the class list, and so the split, the same. */
    public static final String EXCLUDED_CLASS = "speech";
    static final long TEST_SEED = 4_000_001;
    static final long VALIDATION_SEED = 4_000_002;
    static final long POOL_SEED = 4_000_100;
    static final long SHOT_SEED_BASE = 4_001_000;
    /** Held-out labeled windows per base class for choosing the pool weights. */
    static final int VALIDATION_PER_CLASS = 8;

    private static final Logger LOG = LoggerFactory.getLogger(SettingRenderer.class);

    private final ClapModel model;
    private final Synthesizer synth;
    private final EmbeddingCache cache;
    private final int batchSize;

    public SettingRenderer(ClapModel model, Synthesizer synth, EmbeddingCache cache, int batchSize) {
        this.model = model;
        this.synth = synth;
        this.cache = cache;
        this.batchSize = batchSize;
    }

    /** The model's classes that the generator renders, speech excluded, sorted. */
    public static List<String> benchmarkClasses(List<String> modelClasses, List<String> renderable) {
        return modelClasses.stream().filter(renderable::contains).filter(c -> !c.equals(EXCLUDED_CLASS)).sorted()
                .toList();
    }

    /** The data of {@code setting} with shots for each of {@code seeds}. */
    public SettingData render(EvalSetting setting, List<Long> seeds) throws OrtException {
        long started = System.currentTimeMillis();
        List<String> classes = benchmarkClasses(model.manifest().classes(), synth.catalog().classNames());
        BaseNovelSplit split = setting.splitOf(classes);
        List<String> ordered = split.all();
        int baseCount = split.base().size();
        DomainSpec domain = DomainSpec.parse(setting.domain());
        LabeledEmbeddings test = perClass(ordered, setting.testPerClass(), domain, TEST_SEED);
        LabeledEmbeddings validation = perClass(split.base(), VALIDATION_PER_CLASS, domain, VALIDATION_SEED);
        Map<Long, LabeledEmbeddings> shots = new LinkedHashMap<>();
        for (long seed : seeds) {
            shots.put(seed, perClass(split.base(), SettingData.SHOTS_RENDERED, domain, SHOT_SEED_BASE + seed));
        }
        float[][] pool = pool(setting.transductive() ? ordered : split.base(), domain, setting.poolSize());
        float[][] zeroShot = model.embedText(model.prompts().zeroShot(ordered));
        LOG.info("{}: {} base + {} novel classes, {} test, {} validation, {} pool windows ready in {} s",
                setting.name(), baseCount, ordered.size() - baseCount, test.size(), validation.size(), pool.length,
                (System.currentTimeMillis() - started) / 1000);
        return new SettingData(setting, ordered, baseCount, zeroShot, model.manifest().logitScale(), test, validation,
                shots, pool);
    }

    /**
     * {@code count} windows of each class, class {@code i} labeled {@code i}: every list passed here starts
     * at the first class of the benchmark order (base classes come first).
     */
    private LabeledEmbeddings perClass(List<String> classes, int count, DomainSpec domain, long seed)
            throws OrtException {
        List<float[][]> blocks = new ArrayList<>();
        for (String name : classes) {
            blocks.add(cache.get(key("clips", name, count, domain, seed), () -> embedClips(name, count, domain, seed)));
        }
        return LabeledEmbeddings.concat(blocks, IntStream.range(0, classes.size()).toArray());
    }

    private float[][] embedClips(String name, int count, DomainSpec domain, long seed) throws OrtException {
        List<LabeledClip> clips = synth.renderAll(CorpusPlan.plan(List.of(name), count, domain, seed), sampleRate(),
                model.manifest().audio().windowSeconds());
        return embed(clips.stream().map(LabeledClip::clip).toList());
    }

    private float[][] pool(List<String> classes, DomainSpec domain, int size) throws OrtException {
        String key = key("pool", String.join("|", classes.stream().sorted().toList()), size, domain, POOL_SEED);
        int windowSamples = (int) Math.round(model.manifest().audio().windowSeconds() * sampleRate());
        return cache.get(key, () -> embed(PoolWindows.render(classes, domain, size, POOL_SEED, sampleRate(),
                windowSamples)));
    }

    private float[][] embed(List<AudioClip> clips) throws OrtException {
        return ScoreMath.normalizeRows(model.embedAudio(clips, batchSize));
    }

    private String key(String kind, String what, int count, DomainSpec domain, long seed) {
        return String.join("/", model.manifest().fingerprint(), kind, what, Integer.toString(count), domain.toString(),
                Long.toString(seed));
    }

    private int sampleRate() {
        return model.manifest().audio().sampleRate();
    }
}
