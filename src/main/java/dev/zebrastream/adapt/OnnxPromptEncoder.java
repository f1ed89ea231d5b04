package dev.zebrastream.adapt;

import ai.onnxruntime.OrtException;
import dev.zebrastream.model.ClapModel;
import dev.zebrastream.model.ModelException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@link PromptEncoder} on the model's ONNX text encoder. All context sets of one call go through
 * the encoder together (context-major batches), split into chunks so that a very large batch does
 * not exhaust memory.
 */
public final class OnnxPromptEncoder implements PromptEncoder {

    /** Upper bound on prompts per text-encoder run; whole context sets are never split across runs. */
    public static final int MAX_PROMPTS_PER_CALL = 512;

    private final ClapModel model;
    private final List<String> classNames;
    private final int contextLength;

    public OnnxPromptEncoder(ClapModel model, List<String> classNames, int contextLength) {
        if (classNames.isEmpty() || contextLength < 1) {
            throw new IllegalArgumentException("need at least one class and one context vector");
        }
        this.model = model;
        this.classNames = List.copyOf(classNames);
        this.contextLength = contextLength;
    }

    @Override
    public List<float[][]> encode(List<float[]> contexts) {
        int setsPerCall = Math.max(1, MAX_PROMPTS_PER_CALL / classNames.size());
        List<float[][]> out = new ArrayList<>(contexts.size());
        for (int start = 0; start < contexts.size(); start += setsPerCall) {
            List<float[]> chunk = contexts.subList(start, Math.min(contexts.size(), start + setsPerCall));
            out.addAll(splitBySet(embed(chunk), chunk.size()));
        }
        return out;
    }

    private float[][] embed(List<float[]> contexts) {
        for (float[] context : contexts) {
            if (context.length != contextLength * hiddenSize()) {
                throw new IllegalArgumentException("context has " + context.length + " floats, expected "
                        + contextLength + " x " + hiddenSize());
            }
        }
        try {
            return model.embedText(model.prompts().learned(classNames, contexts));
        } catch (OrtException e) {
            throw new UncheckedIOException(new ModelException("text encoder failed on "
                    + contexts.size() * classNames.size() + " prompts: " + e.getMessage(), e));
        }
    }

    /** Context-major rows → one {@code [C][D]} block per context set. */
    private List<float[][]> splitBySet(float[][] rows, int sets) {
        int c = classNames.size();
        List<float[][]> out = new ArrayList<>(sets);
        for (int s = 0; s < sets; s++) {
            out.add(Arrays.copyOfRange(rows, s * c, (s + 1) * c));
        }
        return out;
    }

    @Override
    public int contextLength() {
        return contextLength;
    }

    @Override
    public int hiddenSize() {
        return model.prompts().hiddenSize();
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }
}
