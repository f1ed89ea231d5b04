package dev.zebrastream.eval;

import ai.onnxruntime.OrtException;
import dev.zebrastream.classify.Classifier;
import dev.zebrastream.model.ClapModel;
import dev.zebrastream.synth.ClipRequest;
import dev.zebrastream.synth.CorpusPlan;
import dev.zebrastream.synth.DeploymentFamily;
import dev.zebrastream.synth.DomainSpec;
import dev.zebrastream.synth.LabeledClip;
import dev.zebrastream.synth.Synthesizer;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders a fresh labeled set with the generator and measures zero-shot top-1 accuracy against the
 * model's whole class list, per domain and per class.
 */
public final class ZeroShotEvaluation {

    private static final Logger LOG = LoggerFactory.getLogger(ZeroShotEvaluation.class);

    private final ClapModel model;
    private final Synthesizer synth;
    private final int batchSize;

    public ZeroShotEvaluation(ClapModel model, Synthesizer synth, int batchSize) {
        this.model = model;
        this.synth = synth;
        this.batchSize = batchSize;
    }

    /** {@code clean}, {@code deployment} (every family at every severity), {@code all}, or one domain name. */
    public static List<DomainSpec> domains(String choice) {
        List<DomainSpec> out = new ArrayList<>();
        if (choice.equals("clean") || choice.equals("all")) {
            out.add(DomainSpec.CLEAN);
        }
        if (choice.equals("deployment") || choice.equals("all")) {
            for (DeploymentFamily f : DeploymentFamily.values()) {
                for (int severity = 1; severity <= DeploymentFamily.MAX_SEVERITY; severity++) {
                    out.add(DomainSpec.of(f, severity));
                }
            }
        }
        return out.isEmpty() ? List.of(DomainSpec.parse(choice)) : out;
    }

    /** The model's classes the generator can render (speech needs espeak-ng). */
    public List<String> renderableClasses() {
        List<String> renderable = new ArrayList<>(model.manifest().classes());
        renderable.retainAll(synth.catalog().classNames());
        if (renderable.size() < model.manifest().classes().size()) {
            List<String> missing = new ArrayList<>(model.manifest().classes());
            missing.removeAll(renderable);
            LOG.warn("cannot render {} of the model's classes here, evaluating without them: {}", missing.size(), missing);
        }
        return renderable;
    }

    public ZeroShotReport run(List<DomainSpec> domains, int perClass, long seed) throws OrtException {
        List<String> labels = model.manifest().classes();
        Classifier classifier = Classifier.zeroShot(model, labels);
        List<String> classes = renderableClasses();
        int rate = model.manifest().audio().sampleRate();
        double seconds = model.manifest().audio().windowSeconds();
        ZeroShotReport report = new ZeroShotReport();
        for (int d = 0; d < domains.size(); d++) {
            List<ClipRequest> plan = CorpusPlan.plan(classes, perClass, domains.get(d), seed);
            List<LabeledClip> clips = synth.renderAll(plan, rate, seconds);
            float[][] embeddings = model.embedAudio(clips.stream().map(LabeledClip::clip).toList(), batchSize);
            for (int i = 0; i < clips.size(); i++) {
                boolean hit = classifier.predict(embeddings[i], 1).bestLabel().equals(clips.get(i).className());
                report.add(domains.get(d).toString(), clips.get(i).className(), hit);
            }
            LOG.info("[{}/{}] {}: {} clips, accuracy {}", d + 1, domains.size(), domains.get(d), clips.size(),
                    String.format(java.util.Locale.ROOT, "%.3f", report.domains().get(domains.get(d).toString()).accuracy()));
        }
        return report;
    }

    /**
     * Zero-shot top-1 on a split of the real-audio corpus, against the class names of that split (what a
     * user with those recordings would type); the report's domains are the source packages.
     */
    public RealZeroShot runReal(RealCorpus corpus) throws OrtException {
        List<String> classes = corpus.byClass().keySet().stream().sorted().toList();
        Classifier classifier = Classifier.zeroShot(model, classes);
        float[][] embeddings = new RealClipEmbedder(model, batchSize).embed(corpus.clips());
        ZeroShotReport report = new ZeroShotReport();
        Confusion confusion = new Confusion(classes);
        for (int i = 0; i < embeddings.length; i++) {
            RealCorpus.Clip clip = corpus.clips().get(i);
            String predicted = classifier.predict(embeddings[i], 1).bestLabel();
            report.add(clip.packageName(), clip.label(), predicted.equals(clip.label()));
            confusion.add(clip.label(), predicted);
        }
        LOG.info("{}: {} clips of {} classes, accuracy {}", corpus.dir(), embeddings.length, classes.size(),
                String.format(java.util.Locale.ROOT, "%.3f", report.overall().accuracy()));
        return new RealZeroShot(report, confusion, embeddings, corpus.clips().stream().map(RealCorpus.Clip::label).toList());
    }

    /**
     * A real-audio zero-shot run: the accuracy tallies, the confusion matrix, and the clip embeddings with
     * their classes for a linear probe.
     */
    public record RealZeroShot(ZeroShotReport report, Confusion confusion, float[][] embeddings, List<String> labels) {

        /** The confusion of a linear probe on the same embeddings, by stratified k-fold cross-validation. */
        public Confusion probe(int folds, long seed) {
            List<String> classes = confusion.classes();
            int[] y = labels.stream().mapToInt(classes::indexOf).toArray();
            int[] predicted = new LinearProbe(folds, seed).crossValidate(embeddings, y, classes.size());
            Confusion out = new Confusion(classes);
            for (int i = 0; i < y.length; i++) {
                out.add(classes.get(y[i]), classes.get(predicted[i]));
            }
            return out;
        }
    }
}
