package dev.zebrastream.model;

import ai.onnxruntime.OrtException;
import dev.zebrastream.audio.AudioClip;
import dev.zebrastream.audio.FeatureSettings;
import dev.zebrastream.audio.LogMelExtractor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loaded model directory: both ONNX sessions, the tokenizer, the token table and the front end.
 * Owns its native resources; close it. Embedding calls are serialised because the encoders reuse
 * input buffers (ONNX Runtime itself would allow concurrent runs).
 */
public final class ClapModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClapModel.class);

    private final ModelDirectory directory;
    private final ExecutionDevice device;
    private final AudioEncoder audio;
    private final TextEncoder text;
    private final PromptTokenizer tokenizer;
    private final PromptBuilder prompts;
    private final LogMelExtractor extractor;

    private ClapModel(ModelDirectory directory, ExecutionDevice device, AudioEncoder audio, TextEncoder text,
                      PromptTokenizer tokenizer, PromptBuilder prompts) {
        this.directory = directory;
        this.device = device;
        this.audio = audio;
        this.text = text;
        this.tokenizer = tokenizer;
        this.prompts = prompts;
        this.extractor = new LogMelExtractor(directory.manifest().audio());
    }

    public static ClapModel load(Path dir, ExecutionDevice device, int intraOpThreads) throws ModelException {
        ModelDirectory directory = ModelDirectory.open(dir);
        ModelManifest m = directory.manifest();
        SessionFactory sessions = new SessionFactory(device, intraOpThreads);
        TokenEmbeddings table = readTable(directory);
        AudioEncoder audio = new AudioEncoder(sessions.environment(),
                sessions.open(directory.file(ModelManifest.AUDIO_ENCODER)), m.onnx());
        TextEncoder text = new TextEncoder(sessions.environment(),
                sessions.open(directory.file(ModelManifest.TEXT_ENCODER)), m.onnx(), m.text().positionIds());
        PromptTokenizer tokenizer = PromptTokenizer.load(directory.file(m.text().tokenizer()), m.text().maxLength());
        LOG.info("model {} ({} classes, D={}) on {}, fingerprint {}", m.name(), m.classes().size(),
                m.embeddingDim(), sessions.effectiveDevice(), m.fingerprint().substring(0, 12));
        return new ClapModel(directory, sessions.effectiveDevice(), audio, text, tokenizer,
                new PromptBuilder(tokenizer, table, m.text()));
    }

    private static TokenEmbeddings readTable(ModelDirectory directory) throws ModelException {
        TextSettings t = directory.manifest().text();
        try {
            return TokenEmbeddings.read(directory.file(t.tokenEmbeddings()), t.vocabSize(), t.hiddenSize());
        } catch (IOException e) {
            throw new ModelException(directory.dir() + ": cannot read " + t.tokenEmbeddings() + ": " + e.getMessage(), e);
        }
    }

    public ModelManifest manifest() {
        return directory.manifest();
    }

    public Path directory() {
        return directory.dir();
    }

    public ExecutionDevice device() {
        return device;
    }

    public PromptBuilder prompts() {
        return prompts;
    }

    /** Log-mel features of one window, {@code [frames][mels]}. */
    public synchronized float[][] features(AudioClip window) {
        return extractor.extract(window);
    }

    /** Audio embeddings for windows of model-rate audio, in batches of at most {@code batchSize}. */
    public synchronized float[][] embedAudio(List<AudioClip> windows, int batchSize) throws OrtException {
        FeatureSettings fs = manifest().audio();
        int frames = fs.frames();
        int mels = fs.nMels();
        float[][] out = new float[windows.size()][];
        for (int start = 0; start < windows.size(); start += batchSize) {
            int n = Math.min(batchSize, windows.size() - start);
            float[] batch = new float[n * frames * mels];
            for (int i = 0; i < n; i++) {
                extractor.extractInto(windows.get(start + i), batch, i * frames * mels);
            }
            System.arraycopy(audio.embed(batch, n, frames, mels), 0, out, start, n);
        }
        return out;
    }

    /** Audio embeddings of already computed features, flat {@code batch * frames * mels}. */
    public synchronized float[][] embedFeatures(float[] features, int batch) throws OrtException {
        FeatureSettings fs = manifest().audio();
        return audio.embed(features, batch, fs.frames(), fs.nMels());
    }

    public synchronized float[][] embedText(PromptBatch batch) throws OrtException {
        return text.embed(batch);
    }

    @Override
    public void close() throws OrtException {
        audio.close();
        text.close();
        tokenizer.close();
    }
}
