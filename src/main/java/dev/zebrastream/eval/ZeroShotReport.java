package dev.zebrastream.eval;

import java.util.Map;
import java.util.TreeMap;

/** Zero-shot accuracy overall, per domain (in evaluation order) and per class (sorted). */
public record ZeroShotReport(Tally overall, Map<String, Tally> domains, Map<String, Tally> classes) {

    public ZeroShotReport() {
        this(new Tally(), new java.util.LinkedHashMap<>(), new TreeMap<>());
    }

    void add(String domain, String trueClass, boolean hit) {
        overall.add(hit);
        domains.computeIfAbsent(domain, d -> new Tally()).add(hit);
        classes.computeIfAbsent(trueClass, c -> new Tally()).add(hit);
    }
}
