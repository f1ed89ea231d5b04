package dev.zebrastream.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zebrastream.monitor.DriftEvent.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class DriftDetectorTest {

    /** Learns the baseline over 10 windows; raise at +0.15, resolve below +0.05, 3 windows each. */
    private static final DriftConfig CONFIG = new DriftConfig(0.5, 10, OptionalDouble.empty(), 0.15, 0.05, 3);

    private long time;

    @Test
    void raisesAfterASustainedRiseAndResolvesWhenItFallsBack() {
        DriftDetector detector = new DriftDetector(CONFIG);
        assertTrue(feed(detector, 0.3, 10).isEmpty(), "no alerts while learning the baseline");
        assertEquals(0.3, detector.baseline(), 1e-9);

        List<DriftEvent> rise = feed(detector, 0.7, 10);
        assertEquals(1, rise.size());
        DriftEvent raised = rise.get(0);
        assertEquals(Kind.RAISED, raised.kind());
        assertEquals(0.15, raised.threshold());
        assertEquals(0.3, raised.baseline(), 1e-9);
        assertTrue(raised.statistic() > 0.15);
        // EWMA with alpha 0.5 passes +0.15 at the first high window; 3 windows later it raises.
        assertEquals(11_000, raised.episodeStartMs());
        assertEquals(13_000, raised.episodeLastMs());
        assertEquals(3, raised.windowsInEpisode());
        assertEquals(13, raised.windowsSeen());

        List<DriftEvent> fall = feed(detector, 0.3, 10);
        assertEquals(1, fall.size());
        DriftEvent resolved = fall.get(0);
        assertEquals(Kind.RESOLVED, resolved.kind());
        assertEquals(0.05, resolved.threshold());
        assertTrue(resolved.statistic() < 0.05);
        assertEquals(11_000, resolved.episodeStartMs());
        assertFalse(detector.isRaised());
    }

    @Test
    void hoveringAroundTheRaiseThresholdDoesNotFlap() {
        DriftDetector detector = new DriftDetector(CONFIG);
        feed(detector, 0.3, 10);
        assertEquals(1, feed(detector, 0.7, 5).size());

        List<DriftEvent> hovering = new ArrayList<>();
        for (int block = 0; block < 20; block++) {
            // Runs long enough for the average to settle 0.03 below, then 0.03 above the raise level.
            hovering.addAll(feed(detector, block % 2 == 0 ? 0.42 : 0.48, 6));
        }
        assertTrue(hovering.isEmpty(), "between the two thresholds the state holds: " + hovering);
        assertTrue(detector.isRaised());
    }

    @Test
    void aShortSpikeDoesNotRaise() {
        DriftDetector detector = new DriftDetector(CONFIG);
        feed(detector, 0.3, 10);
        assertTrue(feed(detector, 0.9, 1).isEmpty());
        assertTrue(feed(detector, 0.3, 20).isEmpty());
        assertFalse(detector.isRaised());
    }

    @Test
    void fixedBaselineNeedsNoWarmUp() {
        DriftConfig fixed = new DriftConfig(1.0, 50, OptionalDouble.of(0.2), 0.15, 0.05, 3);
        List<DriftEvent> events = feed(new DriftDetector(fixed), 0.5, 3);
        assertEquals(List.of(Kind.RAISED), events.stream().map(DriftEvent::kind).toList());
        assertEquals(0.3, events.get(0).statistic(), 1e-9);
    }

    @Test
    void restoredStateContinuesTheEpisode() {
        DriftDetector uninterrupted = new DriftDetector(CONFIG);
        DriftDetector restored = new DriftDetector(CONFIG);
        List<DriftEvent> expected = new ArrayList<>();
        List<DriftEvent> actual = new ArrayList<>();
        double[] entropies = new double[60];
        for (int i = 0; i < entropies.length; i++) {
            entropies[i] = i < 20 ? 0.3 : i < 40 ? 0.8 : 0.25;
        }
        for (int i = 0; i < entropies.length; i++) {
            uninterrupted.observe(entropies[i], i, i).ifPresent(expected::add);
            restored = DriftDetector.fromBytes(restored.toBytes(), CONFIG);
            restored.observe(entropies[i], i, i).ifPresent(actual::add);
        }
        assertEquals(2, expected.size());
        assertEquals(expected, actual);
    }

    private List<DriftEvent> feed(DriftDetector detector, double entropy, int windows) {
        List<DriftEvent> events = new ArrayList<>();
        for (int i = 0; i < windows; i++) {
            time += 1_000;
            Optional<DriftEvent> event = detector.observe(entropy, time, time);
            event.ifPresent(events::add);
        }
        return events;
    }
}
