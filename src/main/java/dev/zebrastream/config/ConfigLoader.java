package dev.zebrastream.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Layers defaults, a properties file, environment variables and flags into a {@link ZebraConfig}. */
public final class ConfigLoader {

    /** Environment variable naming the properties file when no --config flag is given. */
    public static final String CONFIG_ENV = "ZEBRA_CONFIG";

    private ConfigLoader() {
    }

    /**
     * @param file  properties file, or null for {@code $ZEBRA_CONFIG} (no file when that is unset too)
     * @param env   the process environment (a parameter so tests can pass their own)
     * @param flags values from command-line flags; null entries mean "not given"
     */
    public static ZebraConfig load(Path file, Map<String, String> env, Map<Setting, String> flags) throws IOException {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        Map<Setting, String> origins = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            values.put(s, s.defaultValue());
        }
        Path source = file != null ? file : pathFromEnv(env);
        if (source != null) {
            Properties props = readProperties(source);
            rejectUnknownKeys(props, source);
            for (Setting s : Setting.values()) {
                putIfPresent(values, origins, s, props.getProperty(s.key()), "configuration file " + source);
            }
        }
        for (Setting s : Setting.values()) {
            putIfPresent(values, origins, s, env.get(s.envName()), "environment variable " + s.envName());
        }
        flags.forEach((s, v) -> putIfPresent(values, origins, s, v, "command line"));
        try {
            return ZebraConfig.from(values);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + whereSet(e.getMessage(), origins), e);
        }
    }

    /** Where the value a message complains about came from, so the user knows what to fix. */
    private static String whereSet(String message, Map<Setting, String> origins) {
        return origins.entrySet().stream().filter(o -> message != null && message.contains(o.getKey().key()))
                .map(o -> " (set in " + o.getValue() + ")").findFirst().orElse("");
    }

    public static ZebraConfig load(Path file, Map<Setting, String> flags) throws IOException {
        return load(file, System.getenv(), flags);
    }

    private static Path pathFromEnv(Map<String, String> env) {
        String p = env.get(CONFIG_ENV);
        return p == null || p.isBlank() ? null : Path.of(p);
    }

    private static Properties readProperties(Path file) throws IOException {
        return TextFile.properties(file, "configuration file");
    }

    /** A misspelt key would otherwise be ignored silently. */
    private static void rejectUnknownKeys(Properties props, Path file) {
        List<String> keys = Arrays.stream(Setting.values()).map(Setting::key).toList();
        for (String key : props.stringPropertyNames()) {
            if (!keys.contains(key)) {
                throw new IllegalArgumentException(file + ": unknown setting '" + key + "'"
                        + Suggestions.didYouMean(key, keys));
            }
        }
    }

    private static void putIfPresent(Map<Setting, String> values, Map<Setting, String> origins, Setting s, String v,
                                     String origin) {
        if (v != null && !v.isBlank()) {
            values.put(s, v.trim());
            origins.put(s, origin);
        }
    }
}
