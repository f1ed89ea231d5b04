package dev.zebrastream.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zebrastream.config.ZebraConfig;
import dev.zebrastream.eval.Confusion;
import dev.zebrastream.eval.ConfusionPlot;
import dev.zebrastream.eval.RealCorpus;
import dev.zebrastream.eval.Tally;
import dev.zebrastream.eval.ZeroShotEvaluation;
import dev.zebrastream.eval.ZeroShotReport;
import dev.zebrastream.model.ClapModel;
import dev.zebrastream.synth.Synthesizer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code zebra zeroshot-eval}: zero-shot accuracy of the model on a freshly rendered labeled set. */
@Command(name = "zeroshot-eval", mixinStandardHelpOptions = true,
        description = "Render a fresh labeled set with the generator (or read a real-audio corpus split with --real) and "
                + "print zero-shot accuracy per domain and class.")
final class ZeroshotEvalCommand implements Callable<Integer>, ReportsProgress {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PROBE_FOLDS = 5;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--domain", defaultValue = "clean", paramLabel = "clean|deployment|all|NAME",
            description = "domains to render: clean, deployment (every family and severity), all, or one "
                    + "domain such as factory-2 (default: clean)")
    String domain;

    @Option(names = "--per-class", defaultValue = "20", paramLabel = "N", description = "clips per class and domain (default: 20)")
    int perClass;

    @Option(names = "--seed", defaultValue = "1000", paramLabel = "S",
            description = "generator seed; use one the model was not trained on; with --real --probe: the seed "
                    + "of the probe's folds (default: 1000)")
    long seed;

    @Option(names = "--real", paramLabel = "DIR",
            description = "instead of rendering, classify the clips of a real-audio corpus split (e.g. the test/ "
                    + "directory of tools/realaudio/build.sh's corpus) against that split's class names; the "
                    + "domains are then its source packages")
    Path real;

    @Option(names = "--confusion", paramLabel = "PNG", description = "with --real: also draw the confusion matrix here")
    Path confusion;

    @Option(names = "--probe", description = "with --real: also fit a linear probe on the clip embeddings "
            + "(logistic regression, stratified 5-fold cross-validation) and print its accuracy")
    boolean probe;

    @Option(names = "--json", description = "end with one JSON line {accuracy, domains, classes; with --real also "
            + "balanced_accuracy and, with --probe, probe_accuracy and probe_balanced_accuracy}")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var domains = ZeroShotEvaluation.domains(domain);
        if (perClass < 1) {
            throw new IllegalArgumentException("--per-class must be at least 1");
        }
        ZebraConfig config = modelOptions.config();
        if ((confusion != null || probe) && real == null) {
            throw new IllegalArgumentException("--confusion and --probe need --real");
        }
        try (ClapModel model = modelOptions.loadModel(config)) {
            ZeroShotEvaluation evaluation = new ZeroShotEvaluation(model, new Synthesizer(), config.batchSize());
            ObjectNode realFigures = JSON.createObjectNode();
            ZeroShotReport report = real == null ? evaluation.run(domains, perClass, seed)
                    : realReport(evaluation, realFigures);
            PrintWriter out = spec.commandLine().getOut();
            printTable(out, "domain", report.domains());
            printTable(out, "class", report.classes());
            out.printf(Locale.ROOT, "overall: %.4f (%d clips)%n", report.overall().accuracy(), report.overall().total());
            realFigures.fields().forEachRemaining(f -> out.printf(Locale.ROOT, "%s: %.4f%n", f.getKey(),
                    f.getValue().asDouble()));
            if (json) {
                out.println(toJson(report, realFigures));
            }
            out.flush();
            return 0;
        }
    }

    /** Zero-shot on a real split; the class-balanced accuracy and, with --probe, the probe's go to {@code figures}. */
    private ZeroShotReport realReport(ZeroShotEvaluation evaluation, ObjectNode figures) throws Exception {
        ZeroShotEvaluation.RealZeroShot run = evaluation.runReal(RealCorpus.load(real));
        figures.put("balanced_accuracy", run.confusion().balancedAccuracy());
        if (probe) {
            Confusion probed = run.probe(PROBE_FOLDS, seed);
            figures.put("probe_accuracy", probed.accuracy());
            figures.put("probe_balanced_accuracy", probed.balancedAccuracy());
        }
        if (confusion != null) {
            ConfusionPlot.write(run.confusion(), String.format(Locale.ROOT, "zero-shot top-1 %.1f %% on %s (%d clips)",
                    100 * run.report().overall().accuracy(), real, run.report().overall().total()), confusion);
        }
        return run.report();
    }

    private static void printTable(PrintWriter out, String heading, Map<String, Tally> rows) {
        out.printf(Locale.ROOT, "%-22s %8s %7s%n", heading, "accuracy", "clips");
        rows.forEach((name, t) -> out.printf(Locale.ROOT, "%-22s %8.3f %7d%n", name, t.accuracy(), t.total()));
        out.println();
    }

    private static String toJson(ZeroShotReport report, ObjectNode realFigures) throws Exception {
        ObjectNode root = JSON.createObjectNode();
        root.put("accuracy", report.overall().accuracy());
        root.setAll(realFigures);
        ObjectNode domains = root.putObject("domains");
        report.domains().forEach((k, v) -> domains.put(k, v.accuracy()));
        ObjectNode classes = root.putObject("classes");
        report.classes().forEach((k, v) -> classes.put(k, v.accuracy()));
        return JSON.writeValueAsString(root);
    }
}
