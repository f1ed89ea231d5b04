package dev.zebrastream.cli;

import dev.zebrastream.adapt.OnnxPromptEncoder;
import dev.zebrastream.config.ZebraConfig;
import dev.zebrastream.eval.SettingAdapter;
import dev.zebrastream.eval.BaseNovelSplit;
import dev.zebrastream.eval.BenchmarkGrid;
import dev.zebrastream.eval.BenchmarkRunner;
import dev.zebrastream.eval.CellSummary;
import dev.zebrastream.eval.EmbeddingCache;
import dev.zebrastream.eval.EvalSetting;
import dev.zebrastream.eval.EvalSettings;
import dev.zebrastream.eval.HmPlot;
import dev.zebrastream.eval.JsonReport;
import dev.zebrastream.eval.Method;
import dev.zebrastream.eval.PoolWeights;
import dev.zebrastream.eval.ProgressLog;
import dev.zebrastream.eval.RealCorpus;
import dev.zebrastream.eval.RealSettingRenderer;
import dev.zebrastream.eval.ReferenceExport;
import dev.zebrastream.eval.ResultFiles;
import dev.zebrastream.eval.RunResult;
import dev.zebrastream.eval.SettingData;
import dev.zebrastream.eval.SettingOutcome;
import dev.zebrastream.eval.SettingRenderer;
import dev.zebrastream.model.ClapModel;
import dev.zebrastream.synth.Synthesizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code zebra evaluate}: the base-to-novel benchmark (issue 4, section 3). */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Base-to-novel benchmark on rendered deployment-domain sets: zero-shot, CoOp, ZEBRA, ZEBRA + "
                + "pool terms and ablations over shots and seeds; writes results.md, results.json, hm_vs_shots.png.")
final class EvaluateCommand implements Callable<Integer> {

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--methods", paramLabel = "M,...",
            defaultValue = "zeroshot,coop,zebra,zebra-pool,fusion-only,beta-only,pool-only",
            description = "methods to run (default: ${DEFAULT-VALUE})")
    String methods;

    @Option(names = "--shots", paramLabel = "K,...", defaultValue = "1,2,4,8,16",
            description = "labeled shots per base class, 1..16 (default: ${DEFAULT-VALUE})")
    String shots;

    @Option(names = "--seeds", paramLabel = "S,...", defaultValue = "0,1,2", description = "seeds (default: ${DEFAULT-VALUE})")
    String seeds;

    @Option(names = "--settings", paramLabel = "NAME[/field=value...],...",
            description = "named settings, optionally refined, e.g. hall-heavy/split=clustered/steps=400 "
                    + "(default: mic-mid,factory-mild,hall-heavy; --list-settings shows every named one)")
    String settings;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/evaluate",
            description = "directory for results.md, results.json, hm_vs_shots.png, command.txt (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--json", paramLabel = "FILE|-", description = "also write the JSON here ('-' = standard output)")
    String json;

    @Option(names = "--pool-weights", paramLabel = "U/DIV",
            description = "use these pool weights (lambdaU/lambdaDiv) instead of choosing them on validation data")
    String poolWeights;

    @Option(names = "--export", paramLabel = "DIR",
            description = "export the first setting's embeddings, labels and prompt token ids at the first seed and "
                    + "the most shots, for tools/reference/")
    Path export;

    @Option(names = "--cache", paramLabel = "DIR|none", defaultValue = "target/eval-cache",
            description = "on-disk cache of rendered-window embeddings (default: ${DEFAULT-VALUE})")
    String cache;

    @Option(names = "--real-corpus", paramLabel = "DIR",
            description = "the real-audio corpus (tools/realaudio/build.sh) that real-* settings read "
                    + "(default: $ZEBRA_REALAUDIO_CACHE/corpus or ~/.cache/zebra-stream/realaudio/corpus)")
    Path realCorpus;

    @Option(names = "--list-settings", description = "print the named settings and exit")
    boolean listSettings;

    @Option(names = "--replot", paramLabel = "RESULTS.json",
            description = "draw the HM plot of an earlier run's JSON into --out and exit (runs nothing)")
    Path replot;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (listSettings) {
            EvalSettings.all().values().forEach(s -> spec.commandLine().getOut().println(s.describe()));
            spec.commandLine().getOut().flush();
        } else if (replot != null) {
            List<RunResult> results = replotResults();
            Files.createDirectories(out);
            HmPlot.write(CellSummary.of(results), out.resolve(ResultFiles.PLOT));
            done("plot in " + out.resolve(ResultFiles.PLOT).toAbsolutePath());
        } else {
            benchmark();
            done("results in " + out.toAbsolutePath());
        }
        return 0;
    }

    private void benchmark() throws Exception {
        List<EvalSetting> chosen = EvalSettings.parseList(settings == null
                ? String.join(",", EvalSettings.defaultNames()) : settings);
        BenchmarkGrid grid = new BenchmarkGrid(Method.parseList(methods), integers(shots, "--shots"),
                integers(seeds, "--seeds").stream().map(Integer::longValue).toList());
        PoolWeights fixedPool = poolWeights == null ? null : PoolWeights.parse(poolWeights);
        for (EvalSetting setting : chosen.stream().filter(EvalSetting::isReal).toList()) {
            realSplit(setting);     // a missing corpus fails here, before minutes of work on other settings
        }
        ZebraConfig config = modelOptions.config();
        long started = System.currentTimeMillis();
        try (ClapModel model = modelOptions.loadModel(config)) {
            List<SettingOutcome> outcomes = run(model, config, chosen, grid, fixedPool, spec.commandLine().getErr());
            String command = "./zebra " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
            ResultFiles.write(out, outcomes, command, preamble(model, command, chosen, started));
            writeJson(outcomes);
        }
    }

    private List<RunResult> replotResults() throws IOException {
        try {
            return JsonReport.readResults(Files.readString(replot));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(replot + ": " + e.getMessage(), e);
        }
    }

    private void done(String what) {
        spec.commandLine().getErr().println("evaluate: " + what);
        spec.commandLine().getErr().flush();
    }

    private List<SettingOutcome> run(ClapModel model, ZebraConfig config, List<EvalSetting> chosen, BenchmarkGrid grid,
                                     PoolWeights fixedPool, PrintWriter err) throws Exception {
        EmbeddingCache embeddings = cache.equals("none") ? EmbeddingCache.inMemory() : EmbeddingCache.onDisk(Path.of(cache));
        SettingRenderer renderer = new SettingRenderer(model, new Synthesizer(), embeddings, config.batchSize());
        RealSettingRenderer real = new RealSettingRenderer(model, embeddings, config.batchSize(), realCorpusDir());
        ProgressLog progress = new ProgressLog(grid.runsPerSetting() * chosen.size(), line -> {
            err.println(line);
            err.flush();
        });
        BenchmarkRunner runner = new BenchmarkRunner(new SettingAdapter((names, m) -> new OnnxPromptEncoder(model, names, m)),
                progress);
        List<SettingOutcome> outcomes = new ArrayList<>();
        for (EvalSetting setting : chosen) {
            progress.note("setting " + setting.describe());
            SettingData data = setting.isReal() ? real.render(setting, grid.seeds()) : renderer.render(setting, grid.seeds());
            SettingOutcome outcome = runner.run(data, grid, fixedPool);
            if (export != null && outcomes.isEmpty()) {
                ReferenceExport.write(export, model, data, grid.selectionSeed(), grid.selectionShots(),
                        outcome.poolWeights() != null ? outcome.poolWeights() : fixedPool);
                progress.note("exported " + setting.name() + " for the first-order reference to " + export);
            }
            outcomes.add(outcome);
        }
        return outcomes;
    }

    private RealCorpus realSplit(EvalSetting setting) throws IOException {
        return RealCorpus.forDomain(realCorpusDir(), setting.domain());
    }

    private Path realCorpusDir() {
        if (realCorpus != null) {
            return realCorpus;
        }
        String env = System.getenv("ZEBRA_REALAUDIO_CACHE");
        return env != null && !env.isBlank() ? Path.of(env, "corpus")
                : Path.of(System.getProperty("user.home"), ".cache", "zebra-stream", "realaudio", "corpus");
    }

    private void writeJson(List<SettingOutcome> outcomes) throws Exception {
        if (json == null) {
            return;
        }
        String text = JsonReport.render(outcomes);
        if (json.equals("-")) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        } else {
            Files.writeString(Path.of(json), text);
        }
    }

    private String preamble(ClapModel model, String command, List<EvalSetting> chosen, long started)
            throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("Command:\n\n    ").append(command).append("\n\n");
        md.append(String.format(Locale.ROOT, "Model `%s` (fingerprint %s), logit scale %.2f from its manifest.%n%n",
                model.manifest().name(), model.manifest().fingerprint().substring(0, 12), model.manifest().logitScale()));
        List<EvalSetting> rendered = chosen.stream().filter(s -> !s.isReal()).toList();
        if (!rendered.isEmpty()) {
            List<String> classes = SettingRenderer.benchmarkClasses(model.manifest().classes(),
                    new Synthesizer().catalog().classNames());
            md.append(String.format(Locale.ROOT, "%d benchmark classes: the model's classes that the generator renders, "
                    + "with `%s` always left out so that whether espeak-ng is installed never changes the class list or "
                    + "the split.%n%n", classes.size(), SettingRenderer.EXCLUDED_CLASS));
            for (String split : rendered.stream().map(EvalSetting::split).distinct().toList()) {
                appendSplit(md, "Split `" + split + "`", BaseNovelSplit.named(split, classes));
            }
        }
        for (EvalSetting setting : chosen.stream().filter(EvalSetting::isReal).toList()) {
            RealCorpus corpus = realSplit(setting);
            List<String> classes = RealSettingRenderer.classes(corpus);
            appendSplit(md, String.format(Locale.ROOT, "Setting `%s` reads %s (%d clips; the %d classes with at least %d "
                            + "clips take part), split `%s`", setting.name(), corpus.dir(), corpus.clips().size(),
                    classes.size(), RealSettingRenderer.MIN_CLIPS, setting.split()),
                    BaseNovelSplit.named(setting.split(), classes));
        }
        md.append(String.format(Locale.ROOT, "Machine: %d cores; total wall time %s.",
                Runtime.getRuntime().availableProcessors(), ProgressLog.duration(System.currentTimeMillis() - started)));
        return md.toString();
    }

    private static void appendSplit(StringBuilder md, String title, BaseNovelSplit split) {
        md.append(title).append(": base ").append(split.base()).append("; novel ").append(split.novel()).append(".\n\n");
    }

    static List<Integer> integers(String csv, String option) {
        try {
            List<Integer> values = Arrays.stream(csv.split(",")).map(String::trim).filter(t -> !t.isEmpty())
                    .map(Integer::parseInt).distinct().collect(Collectors.toList());
            if (values.isEmpty()) {
                throw new IllegalArgumentException(option + " needs at least one value");
            }
            return Collections.unmodifiableList(values);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " expects comma-separated integers, got '" + csv + "'");
        }
    }
}
