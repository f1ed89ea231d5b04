package dev.zebrastream.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.Map;

/** Log-mel features {@code [B, 1, T, n_mels]} → audio embeddings {@code [B, D]} (not normalised). */
public final class AudioEncoder extends OnnxEncoder {

    private final String inputName;

    AudioEncoder(OrtEnvironment env, OrtSession session, OnnxNames names) {
        super(env, session, names.audioOutput());
        this.inputName = names.audioInput();
    }

    /** @param features flat {@code batch * frames * mels} floats, window-major then time-major */
    public float[][] embed(float[] features, int batch, int frames, int mels) throws OrtException {
        long[] shape = {batch, 1, frames, mels};
        try (OnnxTensor input = OnnxTensor.createTensor(env, floats(features), shape)) {
            return run(Map.of(inputName, input), batch);
        }
    }
}
