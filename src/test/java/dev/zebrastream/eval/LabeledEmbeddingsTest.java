package dev.zebrastream.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabeledEmbeddingsTest {

    private final float[][] a = {{1}, {2}, {3}};
    private final float[][] b = {{4}, {5}, {6}};
    private final LabeledEmbeddings both = LabeledEmbeddings.concat(List.of(a, b), new int[] {0, 1});

    @Test
    void concatLabelsEachBlockWithItsClass() {
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1}, both.labels());
        assertSame(b[0], both.audio()[3]);
    }

    @Test
    void kShotSetsAreTheFirstKOfEveryClassSoTheyNest() {
        LabeledEmbeddings two = both.firstPerClass(2, 3);
        assertArrayEquals(new int[] {0, 0, 1, 1}, two.labels());
        assertArrayEquals(new float[][] {{1}, {2}, {4}, {5}}, two.audio());
        assertArrayEquals(new float[][] {{1}, {4}}, both.firstPerClass(1, 3).audio());
        assertThrows(IllegalArgumentException.class, () -> both.firstPerClass(4, 3));
    }
}
