package dev.zebrastream.synth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zebrastream.synth.dsp.Rand;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CaptionerTest {

    private static final int CAPTIONS = 300;

    @Test
    void everyClassHasVariedCaptionsThatOftenNameIt() {
        SoundCatalog catalog = SoundCatalog.standard();
        for (String name : catalog.classNames()) {
            CaptionVocab vocab = catalog.get(name).captions();
            Sound sound = Sound.of(new float[1], 3, "fast", "high-pitched");
            Rand rand = new Rand(name.hashCode());
            Set<String> distinct = new HashSet<>();
            int naming = 0;
            for (int i = 0; i < CAPTIONS; i++) {
                String caption = Captioner.caption(vocab, sound, List.of("in a large hall"), rand);
                distinct.add(caption);
                naming += caption.contains(name) ? 1 : 0;
                assertFalse(caption.contains("{") || caption.contains("  ") || caption.startsWith(" "), caption);
                assertFalse(caption.matches(".*\\b(a|an) (a|an)\\b.*"), caption);
            }
            assertTrue(distinct.size() >= 15, name + ": only " + distinct.size() + " distinct captions");
            assertTrue(naming >= 0.4 * CAPTIONS, name + ": class named in only " + naming + "/" + CAPTIONS);
        }
    }

    @Test
    void captionsReflectRenderedDescriptorsAndCount() {
        CaptionVocab vocab = SoundCatalog.standard().get("knocking").captions();
        Rand rand = new Rand(1);
        boolean sawDescriptor = false;
        boolean sawCount = false;
        for (int i = 0; i < 200; i++) {
            String caption = Captioner.caption(vocab, Sound.of(new float[1], 3, "urgent-sounding"), List.of(), rand);
            sawDescriptor |= caption.contains("urgent-sounding");
            sawCount |= caption.contains("three");
            assertFalse(caption.contains("twice") || caption.contains("four"), caption);
        }
        assertTrue(sawDescriptor && sawCount);
    }

    @Test
    void articlesAgreeWithTheFollowingWord() {
        CaptionVocab vocab = SoundCatalog.standard().get("electric motor").captions();
        Rand rand = new Rand(2);
        for (int i = 0; i < 200; i++) {
            String caption = Captioner.caption(vocab, Sound.of(new float[1], 0), List.of(), rand);
            assertFalse(caption.matches(".*\\ba [aeiou].*"), caption);
            assertFalse(caption.matches(".*\\ban [^aeiou].*"), caption);
        }
    }
}
