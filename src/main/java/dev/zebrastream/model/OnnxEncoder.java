package dev.zebrastream.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * Shared plumbing of the two encoders: owns one session, reuses direct input buffers (ONNX Runtime
 * Java has no IO binding, so a direct buffer is the way to avoid a copy per call) and splits the
 * {@code [B, D]} output into rows. Not thread-safe: one instance per thread.
 */
abstract class OnnxEncoder implements AutoCloseable {

    protected final OrtEnvironment env;
    private final OrtSession session;
    private final String outputName;
    private FloatBuffer floatInput = FloatBuffer.allocate(0);

    OnnxEncoder(OrtEnvironment env, OrtSession session, String outputName) {
        this.env = env;
        this.session = session;
        this.outputName = outputName;
    }

    protected FloatBuffer floats(float[] data) {
        if (floatInput.capacity() < data.length) {
            floatInput = ByteBuffer.allocateDirect(data.length * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
        }
        floatInput.clear();
        floatInput.put(data).flip();
        return floatInput;
    }

    /** Runs the graph on tensors the caller owns and returns the output as {@code rows x dim}. */
    protected float[][] run(Map<String, OnnxTensor> inputs, int rows) throws OrtException {
        try (OrtSession.Result result = session.run(inputs)) {
            OnnxTensor out = (OnnxTensor) result.get(outputName)
                    .orElseThrow(() -> new OrtException("model has no output named " + outputName));
            FloatBuffer flat = out.getFloatBuffer();
            int dim = flat.remaining() / rows;
            float[][] embeddings = new float[rows][dim];
            for (float[] row : embeddings) {
                flat.get(row);
            }
            return embeddings;
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
