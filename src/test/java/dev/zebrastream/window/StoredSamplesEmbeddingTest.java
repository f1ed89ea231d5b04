package dev.zebrastream.window;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zebrastream.audio.AudioClip;
import dev.zebrastream.classify.ScoreMath;
import dev.zebrastream.model.ClapModel;
import dev.zebrastream.synth.DomainSpec;
import dev.zebrastream.synth.SoundCatalog;
import dev.zebrastream.synth.Synthesizer;
import dev.zebrastream.testing.TestModels;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * What holding assembled audio at {@link StoredSamples#FLOAT24} does to the shipped model's
 * embeddings: the golden signals and one deployment-domain clip of every class the generator
 * renders, embedded from float32 and from float24 audio. The bound is cosine &gt;= 0.9999.
 */
class StoredSamplesEmbeddingTest {

    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "tiny-clap");
    private static final String[] GOLDEN_SIGNALS = {"tone_0.3s_repeatpad", "chirp_1s", "noise_1.7s_truncate",
        "pcm16_decay_1s"};

    @Test
    void float24AudioKeepsEmbeddingsAtCosineAbove0_9999() throws Exception {
        ClapModel model = TestModels.tinyClap();
        int rate = model.manifest().audio().sampleRate();
        List<AudioClip> full = new ArrayList<>();
        for (String name : GOLDEN_SIGNALS) {
            full.add(new AudioClip(goldenSignal(name), rate));
        }
        Synthesizer synth = new Synthesizer();
        List<String> classes = SoundCatalog.standard().renderable(model.manifest().classes());
        for (int i = 0; i < classes.size(); i++) {
            full.add(synth.render(classes.get(i), DomainSpec.DEPLOYMENT, 1000 + i, rate, 1.0).clip());
        }
        List<AudioClip> half = new ArrayList<>();
        for (AudioClip clip : full) {
            float[] samples = clip.samples().clone();
            StoredSamples.FLOAT24.round(samples);
            half.add(new AudioClip(samples, rate));
        }

        float[][] a = model.embedAudio(full, 16);
        float[][] b = model.embedAudio(half, 16);
        double worst = 1;
        for (int i = 0; i < a.length; i++) {
            worst = Math.min(worst, ScoreMath.dot(ScoreMath.normalize(a[i]), ScoreMath.normalize(b[i])));
        }
        System.out.printf(Locale.ROOT, "float24 vs float32 audio, %d clips: lowest embedding cosine %.7f%n", a.length,
                worst);
        assertTrue(worst >= 0.9999, "lowest cosine " + worst);
    }

    private static float[] goldenSignal(String name) throws Exception {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(GOLDEN.resolve("signal_" + name + ".f32")))
                .order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[bytes.remaining() / 4];
        bytes.asFloatBuffer().get(out);
        return out;
    }
}
