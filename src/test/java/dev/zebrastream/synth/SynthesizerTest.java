package dev.zebrastream.synth;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zebrastream.synth.dsp.Signals;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class SynthesizerTest {

    private final Synthesizer synth = new Synthesizer();

    @Test
    void catalogueHasEnoughLowerCaseSortedClasses() {
        List<String> names = SoundCatalog.standard().classNames();
        assertTrue(names.size() >= 32, "only " + names.size() + " classes");
        assertEquals(names.stream().sorted().toList(), names);
        names.forEach(n -> assertEquals(n.toLowerCase(), n));
    }

    @Test
    void unknownClassNamesTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SoundCatalog.standard().get("kazoo"));
        assertTrue(e.getMessage().contains("kazoo") && e.getMessage().contains("smoke alarm"), e.getMessage());
    }

    @Test
    void sameSeedIsBitIdenticalAndDifferentSeedDiffers() {
        for (String name : List.of("siren", "rain", "dog barking", "knocking")) {
            LabeledClip a = synth.render(name, DomainSpec.DEPLOYMENT, 42, 16000, 1.0);
            LabeledClip b = synth.render(name, DomainSpec.DEPLOYMENT, 42, 16000, 1.0);
            LabeledClip c = synth.render(name, DomainSpec.DEPLOYMENT, 43, 16000, 1.0);
            assertArrayEquals(a.clip().samples(), b.clip().samples(), name);
            assertEquals(a.caption(), b.caption());
            assertEquals(a.domain(), b.domain());
            assertFalse(Arrays.equals(a.clip().samples(), c.clip().samples()), name + ": seeds 42 and 43 gave the same audio");
        }
    }

    @Test
    void everyClassRendersFiniteAudibleAudioAtBothRates() {
        Stream<Executable> checks = SoundCatalog.standard().classNames().stream().flatMap(name -> Stream.of(16000, 48000)
                .map(rate -> () -> {
                    LabeledClip clip = synth.render(name, DomainSpec.CLEAN, 7, rate, 1.0);
                    float[] x = clip.clip().samples();
                    assertEquals(rate, x.length, name);
                    for (float v : x) {
                        assertTrue(Float.isFinite(v), name + " @" + rate + " has a non-finite sample");
                    }
                    double peak = Signals.peak(x);
                    assertTrue(peak <= 1.0 && peak >= 0.09, name + " @" + rate + " peak " + peak);
                    assertTrue(Signals.rms(x) > 0.003, name + " @" + rate + " is nearly silent: rms " + Signals.rms(x));
                    assertEquals(name, clip.className());
                }));
        assertAll(checks);
    }

    @Test
    void eventRepeatsFillLongClips() {
        LabeledClip knocks = synth.render("knocking", DomainSpec.CLEAN, 3, 16000, 3.0);
        float[] x = knocks.clip().samples();
        double last = Signals.rms(Arrays.copyOfRange(x, 2 * 16000, 3 * 16000));
        double first = Signals.rms(Arrays.copyOfRange(x, 0, 16000));
        assertTrue(last > first * 0.1, "the third second of knocking is silent: " + last + " vs " + first);
    }

    @Test
    void planIsDeterministicPerClassAndIndex() {
        List<ClipRequest> small = CorpusPlan.plan(List.of("siren", "rain"), 2, DomainSpec.TRAIN, 5);
        List<ClipRequest> large = CorpusPlan.plan(List.of("rain", "siren", "fan"), 3, DomainSpec.TRAIN, 5);
        assertEquals(4, small.size());
        assertEquals(small.get(0).seed(), large.stream().filter(r -> r.className().equals("siren") && r.index() == 0)
                .findFirst().orElseThrow().seed());
        assertTrue(small.stream().allMatch(r -> r.seed() >= 0));
        assertEquals(4, small.stream().map(ClipRequest::seed).distinct().count());
        assertThrows(IllegalArgumentException.class, () -> CorpusPlan.plan(List.of("siren"), 0, DomainSpec.CLEAN, 1));
    }

    @Test
    void parallelRenderingMatchesSequential() {
        List<ClipRequest> plan = CorpusPlan.plan(List.of("fan", "whistle"), 3, DomainSpec.TRAIN, 9);
        List<LabeledClip> parallel = synth.renderAll(plan, 16000, 0.5);
        for (int i = 0; i < plan.size(); i++) {
            assertArrayEquals(synth.render(plan.get(i), 16000, 0.5).clip().samples(), parallel.get(i).clip().samples());
        }
    }
}
