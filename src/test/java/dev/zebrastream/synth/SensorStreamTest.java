package dev.zebrastream.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zebrastream.synth.dsp.Signals;
import java.util.List;
import org.junit.jupiter.api.Test;

class SensorStreamTest {

    private static final int RATE = 16000;
    private static final List<String> CLASSES = List.of("siren", "knocking", "rain", "dog barking", "fan");

    @Test
    void chunkingDoesNotChangeTheStream() {
        SensorStream a = new SensorStream(11, RATE, DomainSpec.TRAIN, CLASSES, List.of());
        SensorStream b = new SensorStream(11, RATE, DomainSpec.TRAIN, CLASSES, List.of());
        float[] small = read(a, 1000, 160);
        float[] large = read(b, 1600, 100);
        assertArrayEquals(small, large);
        assertEquals(160_000, a.position());
        assertTrue(Signals.peak(small) <= 1.0);
    }

    @Test
    void timelineHasOrderedEventsSeparatedByGaps() {
        SensorStream stream = new SensorStream(5, RATE, DomainSpec.CLEAN, CLASSES, List.of());
        float[] audio = read(stream, RATE, 20);
        List<StreamEvent> events = stream.events();
        assertTrue(events.size() >= 4, "only " + events.size() + " events in 20 s");
        long previousEnd = 0;
        for (StreamEvent event : events) {
            assertTrue(CLASSES.contains(event.className()));
            assertTrue(event.startSample() - previousEnd >= RATE / 2, "gap shorter than 0.5 s before " + event);
            assertTrue(event.endSample() - event.startSample() >= RATE, "event shorter than 1 s: " + event);
            assertTrue(event.startSample() < stream.position());
            previousEnd = event.endSample();
        }
        StreamEvent first = events.get(0);
        double inEvent = Signals.rms(java.util.Arrays.copyOfRange(audio, (int) first.startSample(), (int) first.endSample()));
        double inGap = Signals.rms(java.util.Arrays.copyOfRange(audio, 0, (int) first.startSample()));
        assertTrue(inEvent > 10 * inGap, "event rms " + inEvent + " vs gap rms " + inGap);
    }

    @Test
    void driftSwitchesTheDomainFromItsSampleOn() {
        long driftAt = 8L * RATE;
        SensorStream stream = new SensorStream(2, RATE, DomainSpec.CLEAN, CLASSES,
                List.of(new Drift(driftAt, DomainSpec.parse("factory-3"))));
        read(stream, RATE, 25);
        List<StreamEvent> events = stream.events();
        assertTrue(events.stream().anyMatch(e -> e.startSample() < driftAt));
        assertTrue(events.stream().anyMatch(e -> e.startSample() > driftAt + 4 * RATE));
        for (StreamEvent event : events) {
            // A gap is at most 3 s, so an event this late belongs to a segment that began after the drift.
            if (event.startSample() > driftAt + 3L * RATE) {
                assertEquals("factory-3", event.domain(), event.toString());
            }
        }
        assertEquals("clean", events.get(0).domain());
        assertFalse(stream.domainAt(driftAt - 1).toString().equals("factory-3"));
        assertEquals("factory-3", stream.domainAt(driftAt).toString());
    }

    private static float[] read(SensorStream stream, int chunk, int chunks) {
        float[] out = new float[chunk * chunks];
        for (int c = 0; c < chunks; c++) {
            System.arraycopy(stream.next(chunk), 0, out, c * chunk, chunk);
        }
        return out;
    }
}
