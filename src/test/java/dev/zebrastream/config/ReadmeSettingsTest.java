package dev.zebrastream.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every setting is documented in the README's configuration table, with its environment variable. */
class ReadmeSettingsTest {

    @Test
    void readmeListsEverySetting() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        for (Setting s : Setting.values()) {
            assertTrue(readme.contains("| `" + s.key() + "` | `" + s.envName() + "` |"),
                    "README configuration table lacks " + s.key());
        }
    }
}
