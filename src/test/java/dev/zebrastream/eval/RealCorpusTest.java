package dev.zebrastream.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealCorpusTest {

    @Test
    void readsClipsAndGroupsThemByClass(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(RealCorpus.MANIFEST), """
                {"file": "clips/0.wav", "class": "rain", "package": "a", "caption": "rain falling"}

                {"file": "clips/1.wav", "class": "siren", "package": "b"}
                {"file": "clips/2.wav", "class": "rain", "package": "b"}
                """);
        RealCorpus corpus = RealCorpus.load(dir);
        assertEquals(3, corpus.clips().size());
        assertEquals(dir.resolve("clips/1.wav"), corpus.clips().get(1).file());
        assertEquals(List.of("rain", "siren"), List.copyOf(corpus.byClass().keySet()));
        assertEquals(List.of("a", "b"), corpus.byClass().get("rain").stream().map(RealCorpus.Clip::packageName).toList());
    }

    @Test
    void aRowWithoutItsClassNamesTheLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(RealCorpus.MANIFEST), """
                {"file": "clips/0.wav", "class": "rain", "package": "a"}
                {"file": "clips/1.wav", "package": "b"}
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RealCorpus.load(dir));
        assertTrue(e.getMessage().endsWith("manifest.jsonl:2: missing field 'class'"), e.getMessage());
    }

    @Test
    void realDomainsNameTheirSplit() {
        assertTrue(RealCorpus.isRealDomain("real:test"));
        assertEquals("select", RealCorpus.splitOf("real:select"));
        assertTrue(!RealCorpus.isRealDomain("hall-3"));
    }

    @Test
    void confusionCountsPairsAndRejectsUnknownClasses() {
        Confusion confusion = new Confusion(List.of("a", "b"));
        confusion.add("a", "a");
        confusion.add("a", "b");
        confusion.add("b", "b");
        assertEquals(2, confusion.rowTotal(0));
        assertEquals(1, confusion.counts()[0][1]);
        assertThrows(IllegalArgumentException.class, () -> confusion.add("c", "a"));
    }
}
