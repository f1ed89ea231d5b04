package dev.zebrastream.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PresenceTest {

    @Test
    void presenceStartsAtTheTaskStartAndHoldsWhileLive() {
        Presence p = new Presence(1_000, 3_000);
        assertEquals(1_000, p.tick(2_000, true));
        assertEquals(1_000, p.tick(3_000, true));
    }

    @Test
    void aTickThatIsNotLiveRestartsPresence() {
        Presence p = new Presence(0, 3_000);
        p.tick(1_000, true);
        assertEquals(2_000, p.tick(2_000, false), "broker unreachable or partition lagging");
        assertEquals(2_000, p.tick(3_000, true));
    }

    @Test
    void aLateTickRestartsPresenceBecauseTheThreadWasStalledToo() {
        Presence p = new Presence(0, 3_000);
        p.tick(1_000, true);
        assertEquals(4_001, p.tick(4_001, true), "3001 ms after the last tick");
        assertEquals(4_001, p.tick(7_001, true), "a gap of exactly the limit is fine");
    }
}
