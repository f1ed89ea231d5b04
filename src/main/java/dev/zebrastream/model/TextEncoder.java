package dev.zebrastream.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.Map;

/** Prompt token embeddings + attention mask (+ position ids) → text embeddings {@code [B, D]}. */
public final class TextEncoder extends OnnxEncoder {

    private final OnnxNames names;
    private final boolean positionIds;

    TextEncoder(OrtEnvironment env, OrtSession session, OnnxNames names, boolean positionIds) {
        super(env, session, names.textOutput());
        this.names = names;
        this.positionIds = positionIds;
    }

    public float[][] embed(PromptBatch batch) throws OrtException {
        long[] maskShape = {batch.size(), batch.length()};
        long[] embedShape = {batch.size(), batch.length(), batch.hidden()};
        try (OnnxTensor embeds = OnnxTensor.createTensor(env, floats(batch.embeds()), embedShape);
             OnnxTensor mask = OnnxTensor.createTensor(env, LongBuffer.wrap(batch.mask()), maskShape);
             OnnxTensor positions = positionIds ? positions(batch, maskShape) : null) {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            inputs.put(names.textInputsEmbeds(), embeds);
            inputs.put(names.textAttentionMask(), mask);
            if (positions != null) {
                inputs.put(names.textPositionIds(), positions);
            }
            return run(inputs, batch.size());
        }
    }

    /** 0..L-1 per row, for architectures that take explicit position ids. */
    private OnnxTensor positions(PromptBatch batch, long[] shape) throws OrtException {
        long[] ids = new long[batch.size() * batch.length()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i % batch.length();
        }
        return OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
    }
}
