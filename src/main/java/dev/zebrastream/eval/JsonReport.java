package dev.zebrastream.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The machine-readable results: {@code {"results": [{method, setting, domain, shots, seed, base, novel,
 * hm, seconds}...], "settings": {name: {fields..., poolWeights, validationAccuracy}}}}.
 */
public final class JsonReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static String render(List<SettingOutcome> outcomes) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("results", outcomes.stream().flatMap(o -> o.results().stream()).map(JsonReport::row).toList());
        Map<String, Object> settings = new LinkedHashMap<>();
        for (SettingOutcome o : outcomes) {
            settings.put(o.setting().name(), setting(o));
        }
        root.put("settings", settings);
        return JSON.writeValueAsString(root) + System.lineSeparator();
    }

    /** The result rows of a JSON report, e.g. to draw its plot again. */
    public static List<RunResult> readResults(String json) throws IOException {
        List<RunResult> out = new ArrayList<>();
        for (JsonNode r : JSON.readTree(json).path("results")) {
            out.add(new RunResult(r.get("method").asText(), r.get("setting").asText(), r.get("domain").asText(),
                    r.get("shots").asInt(), r.get("seed").asLong(), r.get("base").asDouble(),
                    r.get("novel").asDouble(), r.get("hm").asDouble(), r.get("seconds").asDouble()));
        }
        return out;
    }

    private static Map<String, Object> row(RunResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", r.method());
        m.put("setting", r.setting());
        m.put("domain", r.domain());
        m.put("shots", r.shots());
        m.put("seed", r.seed());
        m.put("base", r.base());
        m.put("novel", r.novel());
        m.put("hm", r.hm());
        m.put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
        return m;
    }

    private static Map<String, Object> setting(SettingOutcome o) {
        Map<String, Object> m = new LinkedHashMap<>(o.setting().toMap());
        if (o.poolWeights() != null) {
            Map<String, Object> pool = new LinkedHashMap<>();
            pool.put("lambdaU", o.poolWeights().lambdaU());
            pool.put("lambdaDiv", o.poolWeights().lambdaDiv());
            m.put("poolWeights", pool);
            m.put("validationAccuracy", new TreeMap<>(o.validationAccuracy()));
        }
        return m;
    }
}
