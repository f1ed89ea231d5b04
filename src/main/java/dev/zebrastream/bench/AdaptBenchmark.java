package dev.zebrastream.bench;

import ai.onnxruntime.OrtException;
import dev.zebrastream.adapt.AdaptationOutcome;
import dev.zebrastream.adapt.AdaptationSettings;
import dev.zebrastream.adapt.Adapter;
import dev.zebrastream.adapt.LabeledExample;
import dev.zebrastream.adapt.LearnResult;
import dev.zebrastream.adapt.OnnxPromptEncoder;
import dev.zebrastream.adapt.PromptLearner;
import dev.zebrastream.adapt.ZoConfig;
import dev.zebrastream.classify.ScoreMath;
import dev.zebrastream.model.ClapModel;
import dev.zebrastream.prompt.PromptSet;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * One re-adaptation as the stream service runs it ({@link Adapter}: learning plus the guard), on synthetic
 * audio embeddings: each labeled or pool window is {@code unit(zero-shot text of its class) + 0.8 s + 1.2 g},
 * normalised, with s a fixed random unit "domain shift" and g fresh noise of about unit length. The text
 * encoder, the optimiser and the objective are the real ones; only the audio side is synthetic. Prints the
 * wall time, the optimiser's iterations, the context sets and prompts it encoded, and the text encoder's
 * raw prompts/s measured on its own in the same run.
 */
public final class AdaptBenchmark {

    private static final double SHIFT = 0.8;
    private static final double NOISE = 1.2;

    private final ClapModel model;
    private final List<String> classes;
    private final AdaptationSettings settings;
    private final PrintWriter out;

    public AdaptBenchmark(ClapModel model, List<String> classes, AdaptationSettings settings, PrintWriter out) {
        this.model = model;
        this.classes = List.copyOf(classes);
        this.settings = settings;
        this.out = out;
    }

    /**
     * @param baseClasses classes with labels (the first ones of the vocabulary)
     * @param shots       labels per base class that the learner trains on; the service holds a share out for the
     *                    guard, so {@code shots / (1 - validation fraction)} labels per class go in
     * @param poolSize    unlabeled pool windows
     */
    public void run(int baseClasses, int shots, int poolSize, long seed) throws OrtException {
        if (baseClasses < 1 || baseClasses > classes.size()) {
            throw new IllegalArgumentException("base classes must be 1.." + classes.size());
        }
        ZoConfig zo = settings.optimiser();
        out.printf(Locale.ROOT, "adaptation benchmark: %d classes (%d base), %d shots per base class, pool %d, "
                        + "synthetic audio embeddings%n", classes.size(), baseClasses, shots, poolSize);
        out.printf(Locale.ROOT, "optimiser %s: %d iterations x %d directions, mu %s, lr %s, M=%d; pool weights "
                        + "%s / %s%n", zo.method().id(), zo.steps(), zo.directions(), zo.mu(), zo.learningRate(),
                settings.contextLength(), settings.weights().lambdaU(), settings.weights().lambdaDiv());
        out.flush();
        float[][] text = ScoreMath.normalizeRows(model.embedText(model.prompts().zeroShot(classes)));
        SplittableRandom random = new SplittableRandom(seed);
        float[] shift = ScoreMath.normalize(gaussian(text[0].length, random));
        int perClass = (int) Math.ceil(shots / (1 - settings.validationFraction()));
        List<LabeledExample> labels = new ArrayList<>();
        for (int c = 0; c < baseClasses; c++) {
            for (int i = 0; i < perClass; i++) {
                labels.add(new LabeledExample("bench-" + c + "-" + i, classes.get(c), window(text[c], shift, random)));
            }
        }
        List<float[]> pool = new ArrayList<>();
        for (int u = 0; u < poolSize; u++) {
            pool.add(window(text[random.nextInt(classes.size())], shift, random));
        }
        double encoderRate = encoderPromptsPerSecond();
        PromptSet current = PromptSet.zeroShot("bench", classes, model.manifest().logitScale(),
                model.manifest().fingerprint());
        long started = System.nanoTime();
        AdaptationOutcome outcome = new Adapter(model, settings, new PromptLearner()).adapt(current, labels, pool,
                System.currentTimeMillis());
        double seconds = (System.nanoTime() - started) / 1e9;
        LearnResult learned = outcome.learning();
        double learnSeconds = learned.wallMillis() / 1000.0;
        long prompts = learned.evaluations() * classes.size();
        out.printf(Locale.ROOT, "trained on %.0f labels (%d went in; %.0f held out for the guard)%n",
                outcome.candidate().metrics().get("train.labels"), labels.size(),
                outcome.candidate().metrics().get("validation.labels"));
        out.printf(Locale.ROOT, "loss %.4f -> %.4f; guard: %s%n", learned.initialTerms().total(),
                learned.finalTerms().total(), outcome.accepted() ? "accepted" : "rejected");
        out.printf(Locale.ROOT, "optimiser iterations: %d; context sets encoded: %d (%d prompts)%n",
                learned.steps(), learned.evaluations(), prompts);
        out.printf(Locale.ROOT, "learning: %.1f s (%.0f prompts/s effective); text encoder alone: %.0f prompts/s%n",
                learnSeconds, prompts / learnSeconds, encoderRate);
        out.printf(Locale.ROOT, "wall time of the adaptation (learning + guard): %.1f s%n", seconds);
        out.flush();
    }

    /** The text encoder's own throughput on full batches of learned prompts (3 timed batches after a warm-up). */
    private double encoderPromptsPerSecond() {
        OnnxPromptEncoder encoder = new OnnxPromptEncoder(model, classes, settings.contextLength());
        int sets = Math.max(1, OnnxPromptEncoder.MAX_PROMPTS_PER_CALL / classes.size());
        List<float[]> contexts = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(1);
        for (int s = 0; s < sets; s++) {
            float[] c = new float[settings.contextLength() * encoder.hiddenSize()];
            for (int i = 0; i < c.length; i++) {
                c[i] = (float) (0.02 * random.nextGaussian());
            }
            contexts.add(c);
        }
        encoder.encode(contexts);
        long started = System.nanoTime();
        for (int r = 0; r < 3; r++) {
            encoder.encode(contexts);
        }
        return 3.0 * sets * classes.size() / ((System.nanoTime() - started) / 1e9);
    }

    private static float[] window(float[] classText, float[] shift, SplittableRandom random) {
        float[] g = gaussian(classText.length, random);
        float[] x = new float[classText.length];
        double noise = NOISE / Math.sqrt(classText.length);
        for (int d = 0; d < x.length; d++) {
            x[d] = (float) (classText[d] + SHIFT * shift[d] + noise * g[d]);
        }
        return ScoreMath.normalize(x);
    }

    private static float[] gaussian(int n, SplittableRandom random) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
