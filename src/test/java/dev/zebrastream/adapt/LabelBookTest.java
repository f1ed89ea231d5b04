package dev.zebrastream.adapt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabelBookTest {

    private static float[] e(float v) {
        return new float[] {v, 1};
    }

    @Test
    void labelFindsItsWindowInThePoolAndLeavesTheUnlabeledPool() {
        LabelBook book = new LabelBook(10);
        book.pooled("s:0:0", e(1));
        book.pooled("s:0:16000", e(2));
        book.label("s:0:0", "siren", null);
        assertEquals(1, book.examples().size());
        assertArrayEquals(e(1), book.examples().get(0).embedding());
        assertEquals(1, book.unlabeledPool().size());
        assertArrayEquals(e(2), book.unlabeledPool().get(0));
    }

    @Test
    void labelBeforeItsWindowWaitsForIt() {
        LabelBook book = new LabelBook(10);
        book.label("w", "rain", null);
        assertEquals(0, book.examples().size());
        assertEquals(1, book.waiting());
        book.pooled("w", e(3));
        assertEquals(List.of("rain"), book.examples().stream().map(LabeledExample::label).toList());
        assertEquals(0, book.waiting());
    }

    @Test
    void labelCarryingItsEmbeddingNeedsNoPool() {
        LabelBook book = new LabelBook(0);
        book.label("w", "drill", e(4));
        assertArrayEquals(e(4), book.examples().get(0).embedding());
    }

    @Test
    void poolIsBoundedOldestFirstButLabeledExamplesStay() {
        LabelBook book = new LabelBook(2);
        book.pooled("a", e(1));
        book.label("a", "siren", null);
        book.pooled("b", e(2));
        book.pooled("c", e(3));
        assertEquals(2, book.unlabeledPool().size(), "a was evicted; b and c remain unlabeled");
        assertEquals(1, book.examples().size(), "the label kept a's embedding");
    }

    @Test
    void newLabelCountResetsAfterAdaptationAndCountsRelabels() {
        LabelBook book = new LabelBook(10);
        book.label("a", "siren", e(1));
        book.label("b", "rain", e(2));
        assertEquals(2, book.newLabels());
        book.markAdapted();
        book.label("a", "siren", e(1));
        assertEquals(0, book.newLabels(), "the same label again is not news");
        book.label("a", "alarm", e(1));
        assertEquals(1, book.newLabels(), "a corrected label is");
    }
}
