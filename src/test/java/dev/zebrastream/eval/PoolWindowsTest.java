package dev.zebrastream.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zebrastream.audio.AudioClip;
import dev.zebrastream.synth.DomainSpec;
import dev.zebrastream.synth.StreamEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoolWindowsTest {

    @Test
    void coverageCountsOnlyTheSamplesInsideEvents() {
        List<StreamEvent> events = List.of(new StreamEvent("a", 0, 100, "clean", ""),
                new StreamEvent("b", 300, 700, "clean", ""));
        assertEquals(50, PoolWindows.eventCoverage(events, 50, 250));
        assertEquals(200, PoolWindows.eventCoverage(events, 400, 600));
        assertEquals(150, PoolWindows.eventCoverage(events, 50, 400));
        assertEquals(0, PoolWindows.eventCoverage(events, 700, 800));
    }

    @Test
    void rendersTheRequestedNumberOfWindowsDeterministically() {
        List<AudioClip> a = PoolWindows.render(List.of("siren", "rain"), DomainSpec.parse("factory-1"), 6, 5, 8000, 4000);
        List<AudioClip> b = PoolWindows.render(List.of("siren", "rain"), DomainSpec.parse("factory-1"), 6, 5, 8000, 4000);
        assertEquals(6, a.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(4000, a.get(i).samples().length);
            org.junit.jupiter.api.Assertions.assertArrayEquals(a.get(i).samples(), b.get(i).samples());
        }
    }
}
