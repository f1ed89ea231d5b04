package dev.zebrastream.eval;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The human-readable results: paper table, settings, per-setting tables, HM vs shots, dilemma check. */
public final class MarkdownReport {

    /** The paper's reported means over 11 datasets (Pengi backbone, 16 shots, one seed), in percent. */
    static final List<String[]> PAPER = List.of(
            new String[] {"zero-shot", "53.53", "55.18", "54.34"},
            new String[] {"CoOp", "79.83", "48.05", "59.99"},
            new String[] {"CoOp+ZEBRA", "80.18", "59.38", "68.23"},
            new String[] {"CoCoOp+ZEBRA", "81.75", "59.50", "68.87"});

    private final List<SettingOutcome> outcomes;
    private final List<CellSummary> cells;

    public MarkdownReport(List<SettingOutcome> outcomes) {
        this.outcomes = List.copyOf(outcomes);
        this.cells = CellSummary.of(outcomes.stream().flatMap(o -> o.results().stream()).toList());
    }

    /** @param preamble lines that say how the results were produced (command, model, machine) */
    public String render(String preamble) {
        StringBuilder md = new StringBuilder("# Base-to-novel benchmark\n\n").append(preamble).append("\n\n");
        md.append("Accuracies in percent, mean ± sample standard deviation over seeds; HM is the mean of the "
                + "per-seed harmonic means. Base windows are classified among base classes only, novel windows "
                + "among novel classes only (CoOp's protocol).\n\n");
        paper(md);
        settings(md);
        for (SettingOutcome o : outcomes) {
            perSetting(md, o.setting());
        }
        dilemma(md);
        allCells(md);
        return md.toString();
    }

    private static void paper(StringBuilder md) {
        md.append("## Paper (ZEBRA, Pengi backbone, mean of 11 datasets, 16 shots, one seed)\n\n");
        header(md, "method", "base", "novel", "HM");
        PAPER.forEach(row -> line(md, row));
        md.append('\n');
    }

    private void settings(StringBuilder md) {
        md.append("## Settings\n\n");
        header(md, "setting", "domain", "split", "M", "optimiser: steps × directions", "lr", "search space", "test/class", "pool",
                "pool weights λu/λdiv (base validation accuracy per candidate)");
        for (SettingOutcome o : outcomes) {
            EvalSetting s = o.setting();
            line(md, code(s.name()), s.domain(), s.split(), str(s.contextLength()),
                    s.optimizer() + ": " + s.steps() + " × " + s.directions(),
                    str(s.learningRate()), s.subspaceDim() == 0 ? "full" : "subspace " + s.subspaceDim(),
                    str(s.testPerClass()), s.poolSize() + (s.transductive() ? " (all classes)" : " (base classes)"),
                    poolWeights(o));
        }
        md.append('\n');
    }

    private void perSetting(StringBuilder md, EvalSetting s) {
        List<CellSummary> mine = cells.stream().filter(c -> c.setting().equals(s.name())).toList();
        int most = Collections.max(mine.stream().map(CellSummary::shots).toList());
        md.append("## ").append(code(s.name())).append(": ").append(s.domain()).append(", ").append(most)
                .append(" shots\n\n");
        header(md, "method", "base", "novel", "HM");
        mine.stream().filter(c -> c.shots() == most)
                .forEach(c -> line(md, c.method(), c.base().percent(), c.novel().percent(), c.hm().percent()));
        md.append("\nHM by shots:\n\n");
        List<Integer> shots = mine.stream().map(CellSummary::shots).distinct().sorted().toList();
        header(md, prepend("method", shots.stream().map(k -> k + "-shot").toList()));
        for (String method : mine.stream().map(CellSummary::method).distinct().toList()) {
            line(md, prepend(method, shots.stream().map(k -> find(s.name(), method, k)
                    .map(c -> c.hm().percent()).orElse("")).toList()));
        }
        md.append('\n');
    }

    /**
     * Where CoOp's novel accuracy falls below zero-shot's (the paper's dilemma), and whether ZEBRA's HM
     * beats CoOp's there; needs both methods in the run.
     */
    private void dilemma(StringBuilder md) {
        md.append("## Dilemma check (mean over seeds)\n\n");
        header(md, "setting", "shots", "CoOp novel − zero-shot novel", "dilemma", "ZEBRA HM − CoOp HM",
                "ZEBRA+pool HM − CoOp HM");
        for (CellSummary coop : cells.stream().filter(c -> c.method().equals(Method.COOP.id())).toList()) {
            Optional<CellSummary> zeroShot = find(coop.setting(), Method.ZEROSHOT.id(), coop.shots());
            if (zeroShot.isEmpty()) {
                continue;
            }
            double gap = coop.novel().mean() - zeroShot.get().novel().mean();
            line(md, code(coop.setting()), str(coop.shots()), points(gap), gap < 0 ? "yes" : "no",
                    hmGap(coop, Method.ZEBRA), hmGap(coop, Method.ZEBRA_POOL));
        }
        md.append('\n');
    }

    private void allCells(StringBuilder md) {
        md.append("## Every cell\n\n");
        header(md, "setting", "method", "shots", "base", "novel", "HM");
        cells.forEach(c -> line(md, code(c.setting()), c.method(), str(c.shots()), c.base().percent(),
                c.novel().percent(), c.hm().percent()));
    }

    private String hmGap(CellSummary coop, Method other) {
        return find(coop.setting(), other.id(), coop.shots()).map(c -> points(c.hm().mean() - coop.hm().mean()))
                .orElse("–");
    }

    private Optional<CellSummary> find(String setting, String method, int shots) {
        return cells.stream().filter(c -> c.setting().equals(setting) && c.method().equals(method)
                && c.shots() == shots).findFirst();
    }

    private static String poolWeights(SettingOutcome o) {
        if (o.poolWeights() == null) {
            return "–";
        }
        String scores = o.validationAccuracy().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + ": " + String.format(Locale.ROOT, "%.1f", 100 * e.getValue()))
                .collect(Collectors.joining(", "));
        return o.poolWeights().lambdaU() + "/" + o.poolWeights().lambdaDiv() + " (" + scores + ")";
    }

    private static String points(double delta) {
        return String.format(Locale.ROOT, "%+.1f", 100 * delta);
    }

    private static String str(Object o) {
        return String.valueOf(o);
    }

    private static String code(String s) {
        return "`" + s + "`";
    }

    private static String[] prepend(String first, List<String> rest) {
        return Stream.concat(Stream.of(first), rest.stream()).toArray(String[]::new);
    }

    private static void header(StringBuilder md, String... columns) {
        line(md, columns);
        line(md, Arrays.stream(columns).map(c -> "---").toArray(String[]::new));
    }

    private static void line(StringBuilder md, String... cells) {
        md.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }
}
