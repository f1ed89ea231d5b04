package dev.zebrastream.stream;

import ai.onnxruntime.OrtException;
import dev.zebrastream.audio.AudioClip;
import dev.zebrastream.audio.Resampler;
import dev.zebrastream.model.ClapModel;
import dev.zebrastream.window.AssembledWindow;
import java.util.ArrayList;
import java.util.List;

/**
 * Classifies a micro-batch of assembled windows: resample each to the model's rate, embed them in
 * audio-encoder batches, score against the prompts in force. One prompt snapshot serves the whole
 * batch, so every window of a batch carries the same prompt version.
 */
public final class WindowClassifier {

    private final ClapModel model;
    private final PromptRegistry prompts;
    private final int batchSize;
    private final int topK;

    public WindowClassifier(ClapModel model, PromptRegistry prompts, int batchSize, int topK) {
        this.model = model;
        this.prompts = prompts;
        this.batchSize = batchSize;
        this.topK = topK;
    }

    public List<ClassifiedWindow> classify(List<AssembledWindow> windows) throws OrtException {
        int rate = model.manifest().audio().sampleRate();
        List<AudioClip> audio = new ArrayList<>(windows.size());
        for (AssembledWindow w : windows) {
            audio.add(Resampler.resample(new AudioClip(w.samples(), w.sampleRate()), rate));
        }
        float[][] embeddings = model.embedAudio(audio, batchSize);
        ActivePrompts snapshot = prompts.current();
        List<ClassifiedWindow> out = new ArrayList<>(windows.size());
        for (int i = 0; i < windows.size(); i++) {
            out.add(new ClassifiedWindow(windows.get(i), audio.get(i), embeddings[i],
                    snapshot.classifier().predict(embeddings[i], topK), snapshot));
        }
        return out;
    }
}
