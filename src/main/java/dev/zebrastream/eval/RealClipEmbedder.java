package dev.zebrastream.eval;

import ai.onnxruntime.OrtException;
import dev.zebrastream.audio.AudioClip;
import dev.zebrastream.audio.AudioFiles;
import dev.zebrastream.classify.ScoreMath;
import dev.zebrastream.classify.Windowing;
import dev.zebrastream.model.ClapModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Embeds real-audio clips of any length: a clip is cut into the model's windows as {@code classify} cuts
 * a file, and its embedding is the normalised mean of its windows' unit embeddings.
 */
public final class RealClipEmbedder {

    private final ClapModel model;
    private final int batchSize;

    public RealClipEmbedder(ClapModel model, int batchSize) {
        this.model = model;
        this.batchSize = batchSize;
    }

    /** One unit vector per clip: the normalised mean of its windows' unit embeddings. */
    public float[][] embed(List<RealCorpus.Clip> clips) throws OrtException {
        double windowSeconds = model.manifest().audio().windowSeconds();
        List<AudioClip> windows = new ArrayList<>();
        int[] windowsPerClip = new int[clips.size()];
        for (int i = 0; i < clips.size(); i++) {
            List<Windowing.Window> cut = Windowing.cut(read(clips.get(i).file()), windowSeconds, windowSeconds);
            windowsPerClip[i] = cut.size();
            cut.forEach(w -> windows.add(w.audio()));
        }
        float[][] embedded = ScoreMath.normalizeRows(model.embedAudio(windows, batchSize));
        float[][] out = new float[clips.size()][];
        for (int i = 0, row = 0; i < clips.size(); row += windowsPerClip[i], i++) {
            out[i] = mean(embedded, row, windowsPerClip[i]);
        }
        return ScoreMath.normalizeRows(out);
    }

    private AudioClip read(Path file) {
        try {
            AudioClip clip = AudioFiles.read(file);
            if (clip.sampleRate() != model.manifest().audio().sampleRate()) {
                throw new IllegalArgumentException(file + ": sample rate " + clip.sampleRate() + " Hz, the corpus is "
                        + "built at the model's " + model.manifest().audio().sampleRate() + " Hz");
            }
            return clip;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float[] mean(float[][] rows, int from, int count) {
        float[] out = new float[rows[from].length];
        for (int r = from; r < from + count; r++) {
            for (int j = 0; j < out.length; j++) {
                out[j] += rows[r][j] / count;
            }
        }
        return out;
    }
}
