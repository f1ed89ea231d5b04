package dev.zebrastream.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zebrastream.synth.dsp.Rand;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DomainTest {

    private static final int RATE = 16000;
    private final Synthesizer synth = new Synthesizer();

    @Test
    void parsesEverySpecForm() {
        assertEquals(DomainSpec.CLEAN, DomainSpec.parse("clean"));
        assertEquals(DomainSpec.TRAIN, DomainSpec.parse(" Train "));
        assertEquals(DomainSpec.DEPLOYMENT, DomainSpec.parse("deployment"));
        assertEquals(DomainSpec.of(DeploymentFamily.HALL, 0), DomainSpec.parse("hall"));
        assertEquals(DomainSpec.of(DeploymentFamily.MIC, 3), DomainSpec.parse("mic-3"));
        assertEquals("factory-2", DomainSpec.parse("factory-2").toString());
        assertEquals("babble", DomainSpec.parse("babble").toString());
    }

    @Test
    void rejectsBadSpecsWithAUsefulMessage() {
        for (String bad : List.of("", "factory-4", "mic-0", "office", "hall-x", "clean-1")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DomainSpec.parse(bad), bad);
            assertTrue(e.getMessage().contains("factory-2"), e.getMessage());
        }
    }

    @Test
    void resolvedNamesCoverTheRequestedChoice() {
        Set<String> deployment = new HashSet<>();
        Set<String> train = new HashSet<>();
        Set<String> hall = new HashSet<>();
        Rand rand = new Rand(4);
        for (int i = 0; i < 400; i++) {
            deployment.add(DomainSpec.DEPLOYMENT.resolve(rand).name());
            train.add(DomainSpec.TRAIN.resolve(rand).name());
            hall.add(DomainSpec.parse("hall").resolve(rand).name());
        }
        assertEquals(15, deployment.size(), deployment.toString());
        assertEquals(Set.of("train", "clean"), train);
        assertEquals(Set.of("hall-1", "hall-2", "hall-3"), hall);
    }

    @Test
    void noiseFamiliesHitTheirSnrAndGradeBySeverity() {
        for (String family : List.of("factory", "traffic", "babble")) {
            double[] expected = {15, 5, -2};
            for (int severity = 1; severity <= 3; severity++) {
                double snr = meanSnr(family + "-" + severity);
                assertTrue(Math.abs(snr - expected[severity - 1]) < 4,
                        family + "-" + severity + ": measured SNR " + snr + " dB, expected about " + expected[severity - 1]);
            }
        }
    }

    @Test
    void everyFamilyDegradesMoreWithSeverity() {
        for (DeploymentFamily family : DeploymentFamily.values()) {
            double previous = 1.01;
            for (int severity = 1; severity <= 3; severity++) {
                double similarity = meanSimilarity(family.label() + "-" + severity);
                assertTrue(similarity < previous - 0.02,
                        family.label() + "-" + severity + " similarity " + similarity + " not below " + previous);
                previous = similarity;
            }
        }
    }

    /** SNR estimated by projecting the noisy clip on its clean twin (the dry event is shared per seed). */
    private double meanSnr(String domain) {
        double sum = 0;
        int seeds = 4;
        for (int seed = 0; seed < seeds; seed++) {
            float[] clean = synth.render("vacuum cleaner", DomainSpec.CLEAN, seed, RATE, 1.0).clip().samples();
            float[] noisy = synth.render("vacuum cleaner", DomainSpec.parse(domain), seed, RATE, 1.0).clip().samples();
            double gain = dot(noisy, clean) / dot(clean, clean);
            double residual = 0;
            for (int i = 0; i < clean.length; i++) {
                double r = noisy[i] - gain * clean[i];
                residual += r * r;
            }
            sum += 10 * Math.log10(gain * gain * dot(clean, clean) / residual);
        }
        return sum / seeds;
    }

    /** Mean normalised correlation between clean and degraded renders of the same seeds. */
    private double meanSimilarity(String domain) {
        double sum = 0;
        int seeds = 4;
        for (int seed = 0; seed < seeds; seed++) {
            float[] clean = synth.render("siren", DomainSpec.CLEAN, seed, RATE, 1.0).clip().samples();
            float[] degraded = synth.render("siren", DomainSpec.parse(domain), seed, RATE, 1.0).clip().samples();
            sum += Math.abs(dot(clean, degraded)) / Math.sqrt(dot(clean, clean) * dot(degraded, degraded));
        }
        return sum / seeds;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * (double) b[i];
        }
        return sum;
    }
}
