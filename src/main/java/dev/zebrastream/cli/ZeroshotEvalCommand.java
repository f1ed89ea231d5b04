package dev.zebrastream.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zebrastream.config.ZebraConfig;
import dev.zebrastream.eval.Tally;
import dev.zebrastream.eval.ZeroShotEvaluation;
import dev.zebrastream.eval.ZeroShotReport;
import dev.zebrastream.model.ClapModel;
import dev.zebrastream.synth.Synthesizer;
import java.io.PrintWriter;
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
        description = "Render a fresh labeled set with the generator and print zero-shot accuracy per domain and class.")
final class ZeroshotEvalCommand implements Callable<Integer>, ReportsProgress {

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--domain", defaultValue = "clean", paramLabel = "clean|deployment|all|NAME",
            description = "domains to render: clean, deployment (every family and severity), all, or one "
                    + "domain such as factory-2 (default: clean)")
    String domain;

    @Option(names = "--per-class", defaultValue = "20", paramLabel = "N", description = "clips per class and domain (default: 20)")
    int perClass;

    @Option(names = "--seed", defaultValue = "1000", paramLabel = "S",
            description = "generator seed; use one the model was not trained on (default: 1000)")
    long seed;

    @Option(names = "--json", description = "end with one JSON line {accuracy, domains, classes}")
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
        try (ClapModel model = modelOptions.loadModel(config)) {
            ZeroShotReport report = new ZeroShotEvaluation(model, new Synthesizer(), config.batchSize())
                    .run(domains, perClass, seed);
            PrintWriter out = spec.commandLine().getOut();
            printTable(out, "domain", report.domains());
            printTable(out, "class", report.classes());
            out.printf(Locale.ROOT, "overall: %.4f (%d clips)%n", report.overall().accuracy(), report.overall().total());
            if (json) {
                out.println(toJson(report));
            }
            out.flush();
            return 0;
        }
    }

    private static void printTable(PrintWriter out, String heading, Map<String, Tally> rows) {
        out.printf(Locale.ROOT, "%-22s %8s %7s%n", heading, "accuracy", "clips");
        rows.forEach((name, t) -> out.printf(Locale.ROOT, "%-22s %8.3f %7d%n", name, t.accuracy(), t.total()));
        out.println();
    }

    private static String toJson(ZeroShotReport report) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("accuracy", report.overall().accuracy());
        ObjectNode domains = root.putObject("domains");
        report.domains().forEach((k, v) -> domains.put(k, v.accuracy()));
        ObjectNode classes = root.putObject("classes");
        report.classes().forEach((k, v) -> classes.put(k, v.accuracy()));
        return json.writeValueAsString(root);
    }
}
