package dev.zebrastream.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zebrastream.testing.RealCorpusFixture;
import dev.zebrastream.testing.TestModels;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a real-audio split becomes benchmark data, on the shipped model and a generated stand-in corpus. */
class RealSettingRendererTest {

    @Test
    void testClipsAreNeverShotsValidationOrPoolAndSmallClassesStayOut(@TempDir Path root) throws Exception {
        Map<String, Integer> clips = new LinkedHashMap<>();
        clips.put("siren", 10);
        clips.put("rain", 8);
        clips.put("dog barking", 9);
        clips.put("church bell", 8);
        clips.put("thunder", 7);                 // one short of MIN_CLIPS
        RealCorpusFixture.write(root.resolve("test"), clips);
        RealSettingRenderer renderer = new RealSettingRenderer(TestModels.tinyClap(), EmbeddingCache.inMemory(), 8, root);
        EvalSetting setting = EvalSettings.parse("real-test/pool=100");

        SettingData data = renderer.render(setting, List.of(0L, 1L));

        assertEquals(List.of("church bell", "dog barking", "rain", "siren"), data.classes().stream().sorted().toList());
        assertEquals(5 + 5 + 4 + 4, data.test().size(), "the second half of each class: 10 → 5, 9 → 5, 8 → 4");
        assertEquals(5 + 4 + 4 + 4, data.pool().length, "the first halves of all classes (transductive): 10 → 5, 9 → 4");
        Set<float[]> test = identitySet(data.test().audio());
        for (long seed : List.of(0L, 1L)) {
            LabeledEmbeddings shots = data.shots(seed, SettingData.SHOTS_RENDERED);
            assertEquals(data.baseCount() * SettingData.SHOTS_RENDERED, shots.size());
            assertTrue(disjoint(test, shots.audio()), "shots come from the first halves only");
        }
        assertTrue(disjoint(test, data.validation().audio()));
        assertTrue(disjoint(test, data.pool()));
        assertFalse(List.of(data.shots(0, 4).audio()).equals(List.of(data.shots(1, 4).audio())),
                "seeds draw different shots");
    }

    private static Set<float[]> identitySet(float[][] rows) {
        Set<float[]> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(List.of(rows));
        return set;
    }

    private static boolean disjoint(Set<float[]> set, float[][] rows) {
        return List.of(rows).stream().noneMatch(set::contains);
    }
}
