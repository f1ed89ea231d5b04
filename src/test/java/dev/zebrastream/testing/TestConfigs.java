package dev.zebrastream.testing;

import dev.zebrastream.config.ConfigLoader;
import dev.zebrastream.config.Setting;
import dev.zebrastream.config.ZebraConfig;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;

/** Configurations for tests: defaults plus the given settings, with no environment involved. */
public final class TestConfigs {

    private TestConfigs() {
    }

    /** Classes the reliability tests' sensors draw their sound events from. */
    public static final java.util.List<String> FIVE_CLASSES = java.util.List.of("siren", "rain", "dog barking", "drill",
            "church bell");

    /** The defaults, on the broker at {@code bootstrap}. */
    public static ZebraConfig onBroker(String bootstrap) throws IOException {
        return with(Map.of(Setting.BOOTSTRAP, bootstrap));
    }

    public static ZebraConfig with(Map<Setting, String> settings) throws IOException {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        flags.put(Setting.METRICS_PORT, "0");
        flags.putAll(settings);
        return ConfigLoader.load(null, Map.of(), flags);
    }
}
