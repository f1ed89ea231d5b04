package dev.zebrastream.classify;

import ai.onnxruntime.OrtException;
import dev.zebrastream.model.ClapModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Zero-shot CLAP classification: each label becomes a text embedding through the model's template;
 * an audio embedding is scored by scaled cosine similarity against all of them.
 */
public final class ZeroShotClassifier {

    private final List<String> labels;
    private final float[][] textUnit;
    private final double logitScale;

    public ZeroShotClassifier(List<String> labels, float[][] textEmbeddings, double logitScale) {
        if (labels.isEmpty() || labels.size() != textEmbeddings.length) {
            throw new IllegalArgumentException("need one text embedding per label (and at least one label)");
        }
        this.labels = List.copyOf(labels);
        this.textUnit = ScoreMath.normalizeRows(textEmbeddings);
        this.logitScale = logitScale;
    }

    /** Embeds the labels with the model's zero-shot template. */
    public static ZeroShotClassifier forLabels(ClapModel model, List<String> labels) throws OrtException {
        float[][] text = model.embedText(model.prompts().zeroShot(labels));
        return new ZeroShotClassifier(labels, text, model.manifest().logitScale());
    }

    public List<String> labels() {
        return labels;
    }

    public Prediction predict(float[] audioEmbedding, int k) {
        double[] p = ScoreMath.softmax(ScoreMath.logits(ScoreMath.normalize(audioEmbedding), textUnit, logitScale));
        List<LabelScore> top = new ArrayList<>();
        for (int i : ScoreMath.topK(p, k)) {
            top.add(new LabelScore(labels.get(i), p[i]));
        }
        return new Prediction(top, p, ScoreMath.normalizedEntropy(p));
    }
}
