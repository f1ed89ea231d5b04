package dev.zebrastream.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zebrastream.audio.AudioClip;
import dev.zebrastream.model.ClapModel;
import dev.zebrastream.model.ExecutionDevice;
import dev.zebrastream.synth.DomainSpec;
import dev.zebrastream.synth.SoundCatalog;
import dev.zebrastream.synth.Synthesizer;
import dev.zebrastream.testing.TestModels;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class BatchingEmbedderTest {

    @Test
    void requestsFromSeveralThreadsShareBatchesAndGetTheirOwnEmbeddings() throws Exception {
        ClapModel model = TestModels.tinyClap();
        int rate = model.manifest().audio().sampleRate();
        List<String> classes = SoundCatalog.standard().renderable(model.manifest().classes());
        List<AudioClip> clips = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            clips.add(new Synthesizer().render(classes.get(i % classes.size()), DomainSpec.CLEAN, i, rate, 1.0).clip());
        }
        float[][] direct = model.embedAudio(clips, 16);
        List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<?>[] results = new CompletableFuture<?>[clips.size()];
        try (BatchingEmbedder embedder = new BatchingEmbedder(model, 16, (size, seconds) -> batchSizes.add(size))) {
            List<Thread> submitters = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int first = t * 16;
                submitters.add(new Thread(() -> {
                    for (int i = first; i < first + 16; i++) {
                        results[i] = embedder.submit(clips.get(i));
                    }
                }));
            }
            submitters.forEach(Thread::start);
            for (Thread s : submitters) {
                s.join();
            }
            for (int i = 0; i < clips.size(); i++) {
                float[] got = (float[]) results[i].get();
                double cosine = ScoreMath.dot(ScoreMath.normalize(direct[i]), ScoreMath.normalize(got));
                assertTrue(cosine > 0.9999, "clip " + i + ": cosine " + cosine);
            }
        }
        assertEquals(48, batchSizes.stream().mapToInt(Integer::intValue).sum());
        assertTrue(batchSizes.stream().allMatch(size -> size <= 16), "batches " + batchSizes);
        assertTrue(batchSizes.stream().anyMatch(size -> size > 1), "queued requests share a batch: " + batchSizes);
    }

    @Test
    void aClosedEmbedderFailsNewRequestsInsteadOfLeavingThemWaiting() throws Exception {
        BatchingEmbedder embedder = new BatchingEmbedder(TestModels.tinyClap(), 4, (size, seconds) -> { });
        embedder.close();
        CompletableFuture<float[]> late = embedder.submit(new AudioClip(new float[16_000], 16_000));
        assertThrows(CancellationException.class, late::get);
    }

    @Test
    void aModelFailureReachesTheCallerAndTheThreadGoesOn() throws Exception {
        ClapModel closed = ClapModel.load(TestModels.TINY_CLAP, ExecutionDevice.CPU, 1);
        closed.close();
        try (BatchingEmbedder embedder = new BatchingEmbedder(closed, 4, (size, seconds) -> { })) {
            AudioClip silence = new AudioClip(new float[16_000], 16_000);
            assertThrows(ExecutionException.class, () -> embedder.submit(silence).get());
            assertThrows(ExecutionException.class, () -> embedder.submit(silence).get(), "still answering");
        }
    }
}
