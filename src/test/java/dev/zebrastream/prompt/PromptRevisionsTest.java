package dev.zebrastream.prompt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PromptRevisionsTest {

    private static PromptSet learned(long version) {
        return new PromptSet("default", version, version - 1, List.of("siren", "rain"), List.of("drill"), 2, 2,
                new float[] {1, 2, 3, (float) version}, 0.5, 100, "fp", Map.of("beta", 0.05),
                Map.of("base_accuracy", 0.9), 10, "learned");
    }

    @Test
    void addingClassesKeepsContextAndBumpsVersion() {
        PromptSet next = PromptRevisions.addClasses(learned(3), List.of("glass breaking"), 99);
        assertEquals(4, next.version());
        assertEquals(3L, next.parentVersion());
        assertEquals(List.of("drill", "glass breaking"), next.novelClasses());
        assertEquals(List.of("siren", "rain", "drill", "glass breaking"), next.classes());
        assertArrayEquals(learned(3).context(), next.context());
        assertEquals(99, next.createdAtMs());
    }

    @Test
    void duplicateAndUnknownNamesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> PromptRevisions.addClasses(learned(1), List.of("rain"), 0));
        assertThrows(IllegalArgumentException.class, () -> PromptRevisions.removeClasses(learned(1), List.of("bells"), 0));
    }

    @Test
    void removingTakesFromBaseOrNovel() {
        PromptSet next = PromptRevisions.removeClasses(learned(2), List.of("rain", "drill"), 0);
        assertEquals(List.of("siren"), next.baseClasses());
        assertEquals(List.of(), next.novelClasses());
    }

    @Test
    void rollbackRepublishesOldContentAsNewestVersion() {
        PromptSet back = PromptRevisions.rollback(learned(5), learned(2), 7);
        assertEquals(6, back.version());
        assertEquals(2L, back.parentVersion(), "as documented: the version rolled back to");
        assertArrayEquals(learned(2).context(), back.context());
        assertEquals("rollback to v2", back.note());
    }

    @Test
    void zeroShotSetCanGrowIntoVersionOne() {
        PromptSet v0 = PromptSet.zeroShot("default", List.of("siren"), 100, "fp");
        PromptSet v1 = PromptRevisions.addClasses(v0, List.of("kettle whistle"), 1);
        assertEquals(1, v1.version());
        assertNull(v1.parentVersion(), "as documented: null for the first published version");
        assertEquals(List.of("siren", "kettle whistle"), v1.classes());
        assertEquals(0, v1.context().length);
    }

    @Test
    void archiveKeysRoundTrip() {
        assertEquals("default@v7", PromptKeys.archived("default", 7));
        assertEquals(OptionalLong.of(7), PromptKeys.archivedVersion("default@v7", "default"));
        assertEquals(OptionalLong.empty(), PromptKeys.archivedVersion("default", "default"));
        assertEquals(OptionalLong.empty(), PromptKeys.archivedVersion("other@v7", "default"));
    }
}
