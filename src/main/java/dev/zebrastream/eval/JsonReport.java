package dev.zebrastream.eval;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

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

    /**
     * The result rows of a JSON report, e.g. to draw its plot again.
     *
     * @throws IllegalArgumentException in one line when the text is not JSON, has no results, or a row
     *         lacks one of the fields
     */
    public static List<RunResult> readResults(String json) {
        JsonNode results = parse(json).path("results");
        if (!results.isArray() || results.isEmpty()) {
            throw new IllegalArgumentException("no \"results\" array with rows in it");
        }
        List<RunResult> out = new ArrayList<>();
        for (JsonNode r : results) {
            int i = out.size();
            out.add(new RunResult(text(r, "method", i), text(r, "setting", i), text(r, "domain", i),
                    number(r, "shots", i).asInt(), number(r, "seed", i).asLong(), number(r, "base", i).asDouble(),
                    number(r, "novel", i).asDouble(), number(r, "hm", i).asDouble(),
                    number(r, "seconds", i).asDouble()));
        }
        return out;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            // Jackson's own message spans lines and quotes source locations; line and column say enough
            JsonLocation at = e.getLocation();
            throw new IllegalArgumentException(at == null ? "not valid JSON" : String.format(Locale.ROOT,
                    "not valid JSON at line %d, column %d", at.getLineNr(), at.getColumnNr()));
        }
    }

    private static String text(JsonNode row, String name, int index) {
        return field(row, name, index, JsonNode::isTextual, "a string").asText();
    }

    private static JsonNode number(JsonNode row, String name, int index) {
        return field(row, name, index, JsonNode::isNumber, "a number");
    }

    private static JsonNode field(JsonNode row, String name, int index, Predicate<JsonNode> kind, String kindName) {
        JsonNode value = row.get(name);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("result " + index + " has no \"" + name + "\"");
        }
        if (!kind.test(value)) {
            throw new IllegalArgumentException("result " + index + ": \"" + name + "\" is not " + kindName);
        }
        return value;
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
