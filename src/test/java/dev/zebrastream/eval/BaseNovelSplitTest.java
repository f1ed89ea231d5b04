package dev.zebrastream.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BaseNovelSplitTest {

    private static final List<String> CLASSES = List.of("wind", "siren", "rain", "fan", "doorbell", "crickets", "buzzer");

    @Test
    void sortsThenShufflesWithSeed42AndTakesTheFirstHalfRoundedUpAsBase() {
        List<String> expected = new ArrayList<>(CLASSES);
        Collections.sort(expected);
        Collections.shuffle(expected, new Random(42));
        BaseNovelSplit split = BaseNovelSplit.random42(CLASSES);
        assertEquals(expected.subList(0, 4), split.base());
        assertEquals(expected.subList(4, 7), split.novel());
    }

    @Test
    void isTheSameWhateverOrderTheClassesCameIn() {
        List<String> reversed = new ArrayList<>(CLASSES);
        Collections.reverse(reversed);
        assertEquals(BaseNovelSplit.random42(CLASSES), BaseNovelSplit.random42(reversed));
        assertEquals(BaseNovelSplit.random42(CLASSES), BaseNovelSplit.named("random42", CLASSES));
    }

    @Test
    void evenClassCountsSplitInHalves() {
        BaseNovelSplit split = BaseNovelSplit.random42(CLASSES.subList(0, 6));
        assertEquals(3, split.base().size());
        assertEquals(3, split.novel().size());
        assertEquals(6, split.all().size());
        assertTrue(split.all().containsAll(CLASSES.subList(0, 6)));
    }

    @Test
    void clusteredPutsTonalClassesInBaseAndNoiseLikeOnesInNovel() {
        BaseNovelSplit split = BaseNovelSplit.clustered(CLASSES);
        assertEquals(List.of("buzzer", "crickets", "doorbell", "siren"), split.base());
        assertEquals(List.of("fan", "rain", "wind"), split.novel());
    }

    @Test
    void rejectsUnknownKindsAndOneSidedSplits() {
        assertThrows(IllegalArgumentException.class, () -> BaseNovelSplit.named("alphabetical", CLASSES));
        assertThrows(IllegalArgumentException.class, () -> BaseNovelSplit.clustered(List.of("siren", "buzzer")));
    }
}
