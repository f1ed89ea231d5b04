package dev.zebrastream.adapt;

import ai.onnxruntime.OrtException;
import dev.zebrastream.classify.Classifier;
import dev.zebrastream.classify.ScoreMath;
import dev.zebrastream.model.ClapModel;
import dev.zebrastream.prompt.PromptSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One re-adaptation: base classes are the classes with labels, novel the rest of the vocabulary.
 * Part of the labels is held out (by a hash of the window id, so the split is stable as labels
 * accumulate); the context vectors are learned on the rest, starting from the current ones; the
 * guard compares the candidate with the current version on the held-out labels and the pool.
 */
public final class Adapter {

    private final ClapModel model;
    private final AdaptationSettings settings;
    private final PromptLearner learner;

    public Adapter(ClapModel model, AdaptationSettings settings, PromptLearner learner) {
        this.model = model;
        this.settings = settings;
        this.learner = learner;
    }

    public AdaptationOutcome adapt(PromptSet current, List<LabeledExample> examples, List<float[]> pool, long nowMs)
            throws OrtException {
        List<String> classes = vocabulary(current, examples);
        Map<String, Integer> index = indexOf(classes);
        List<LabeledExample> train = new ArrayList<>();
        List<LabeledExample> validation = new ArrayList<>();
        split(examples, train, validation);
        if (train.isEmpty()) {
            throw new IllegalStateException("every label was held out for validation; label more windows");
        }
        int[] base = baseClasses(examples, index);
        float[][] zeroShot = model.embedText(model.prompts().zeroShot(classes));
        TrainingData data = new TrainingData(embeddings(train), labels(train, index), pool.toArray(new float[0][]),
                zeroShot, model.manifest().logitScale(), base);
        int hidden = model.prompts().hiddenSize();
        OnnxPromptEncoder encoder = new OnnxPromptEncoder(model, classes, settings.contextLength());
        LearnResult learned = learner.learn(encoder, data, settings.weights(), settings.optimiser(),
                initialContext(current, hidden));
        Classifier now = Classifier.withContext(model, classes, current.hasContext() ? current.context() : null,
                current.fusionWeight());
        Classifier next = Classifier.withContext(model, classes, learned.context(), settings.weights().promptWeight());
        GuardDecision decision = new AdaptationGuard(settings.guard()).decide(
                accuracy(now, validation), accuracy(next, validation), poolStats(now, pool), poolStats(next, pool));
        return new AdaptationOutcome(candidate(current, classes, base, learned, decision, train.size(),
                validation.size(), nowMs), decision, learned);
    }

    /** The current classes plus any new names that labels introduce. */
    private static List<String> vocabulary(PromptSet current, List<LabeledExample> examples) {
        Set<String> all = new LinkedHashSet<>(current.classes());
        examples.forEach(e -> all.add(e.label()));
        return new ArrayList<>(all);
    }

    private static Map<String, Integer> indexOf(List<String> classes) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            index.put(classes.get(i), i);
        }
        return index;
    }

    /** Held out by window-id hash: a label keeps its side of the split when more labels arrive. */
    private void split(List<LabeledExample> examples, List<LabeledExample> train, List<LabeledExample> validation) {
        for (LabeledExample e : examples) {
            double u = (e.windowId().hashCode() & 0x7fffffff) / (double) Integer.MAX_VALUE;
            (u < settings.validationFraction() ? validation : train).add(e);
        }
    }

    private static int[] baseClasses(List<LabeledExample> examples, Map<String, Integer> index) {
        return examples.stream().map(e -> index.get(e.label())).distinct().sorted().mapToInt(Integer::intValue).toArray();
    }

    private static float[][] embeddings(List<LabeledExample> examples) {
        return examples.stream().map(LabeledExample::embedding).toArray(float[][]::new);
    }

    private static int[] labels(List<LabeledExample> examples, Map<String, Integer> index) {
        return examples.stream().mapToInt(e -> index.get(e.label())).toArray();
    }

    private float[] initialContext(PromptSet current, int hidden) {
        if (current.hasContext() && current.contextLength() == settings.contextLength() && current.hiddenSize() == hidden) {
            return current.context().clone();
        }
        return ContextInit.random(settings.contextLength(), hidden, settings.optimiser().seed());
    }

    private static double accuracy(Classifier classifier, List<LabeledExample> examples) {
        if (examples.isEmpty()) {
            return Double.NaN;
        }
        int right = 0;
        for (LabeledExample e : examples) {
            right += classifier.predict(e.embedding(), 1).bestLabel().equals(e.label()) ? 1 : 0;
        }
        return right / (double) examples.size();
    }

    private static PoolStats poolStats(Classifier classifier, List<float[]> pool) {
        double[][] p = new double[pool.size()][];
        for (int i = 0; i < p.length; i++) {
            p[i] = ScoreMath.softmax(classifier.logits(ScoreMath.normalize(pool.get(i))));
        }
        return PoolStats.of(p);
    }

    private PromptSet candidate(PromptSet current, List<String> classes, int[] base, LearnResult learned,
                                GuardDecision decision, int trainSize, int validationSize, long nowMs) {
        List<String> baseNames = new ArrayList<>();
        for (int b : base) {
            baseNames.add(classes.get(b));
        }
        List<String> novel = new ArrayList<>(classes);
        novel.removeAll(baseNames);
        Map<String, Double> metrics = new HashMap<>(decision.metrics());
        learned.finalTerms().toMap().forEach((k, v) -> metrics.put("loss." + k, v));
        metrics.put("train.labels", (double) trainSize);
        metrics.put("validation.labels", (double) validationSize);
        metrics.put("learn.seconds", learned.wallMillis() / 1000.0);
        Map<String, Double> objective = new HashMap<>(settings.weights().toMap());
        objective.put("zo.steps", (double) settings.optimiser().steps());
        objective.put("zo.directions", (double) settings.optimiser().directions());
        return new PromptSet(current.promptSetId(), current.version() + 1, current.asParent(), baseNames, novel,
                settings.contextLength(), model.prompts().hiddenSize(), learned.context(),
                settings.weights().promptWeight(), model.manifest().logitScale(), model.manifest().fingerprint(),
                objective, metrics, nowMs, "adapted on " + trainSize + " labels");
    }
}
