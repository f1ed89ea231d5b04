package dev.zebrastream.stream;

import ai.onnxruntime.OrtException;
import dev.zebrastream.audio.Resampler;
import dev.zebrastream.classify.BatchingEmbedder;
import dev.zebrastream.model.ClapModel;
import dev.zebrastream.window.AssembledWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Classifies assembled windows in two steps. {@link #embed} hands a window's audio (at the model's
 * rate, converted as frames arrived) to the instance's {@link BatchingEmbedder} as soon as the
 * window is assembled; {@link #classify} waits for a micro-batch's embeddings and scores them
 * against the prompts in force. One prompt snapshot serves the whole micro-batch, so every window
 * of it carries the same prompt version.
 */
public final class WindowClassifier implements AutoCloseable {

    private final BatchingEmbedder embedder;
    private final int modelRate;
    private final PromptRegistry prompts;
    private final int topK;

    public WindowClassifier(ClapModel model, PromptRegistry prompts, int batchSize, int topK,
                            BatchingEmbedder.BatchObserver observer) {
        this.embedder = new BatchingEmbedder(model, batchSize, observer);
        this.modelRate = model.manifest().audio().sampleRate();
        this.prompts = prompts;
        this.topK = topK;
    }

    /** Starts embedding a window in the background. */
    public CompletableFuture<float[]> embed(AssembledWindow w) {
        // Only a segment opened under a model of another rate, and restored under this one, needs resampling here.
        return embedder.submit(Resampler.resample(w.audio(), modelRate));
    }

    /**
     * Scores windows once their embeddings (from {@link #embed}, in the same order) are ready.
     *
     * @throws OrtException when the model failed on any of them
     */
    public List<ClassifiedWindow> classify(List<AssembledWindow> windows, List<CompletableFuture<float[]>> embeddings)
            throws OrtException, InterruptedException {
        ActivePrompts snapshot = prompts.current();
        List<ClassifiedWindow> out = new ArrayList<>(windows.size());
        for (int i = 0; i < windows.size(); i++) {
            float[] embedding = await(embeddings.get(i));
            out.add(new ClassifiedWindow(windows.get(i), embedding, snapshot.classifier().predict(embedding, topK),
                    snapshot));
        }
        return out;
    }

    private static float[] await(CompletableFuture<float[]> embedding) throws OrtException, InterruptedException {
        try {
            return embedding.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof OrtException ort) {
                throw ort;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("embedding failed", e.getCause());
        }
    }

    @Override
    public void close() throws InterruptedException {
        embedder.close();
    }
}
