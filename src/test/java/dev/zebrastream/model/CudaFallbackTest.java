package dev.zebrastream.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.zebrastream.audio.AudioClip;
import dev.zebrastream.testing.TestModels;
import org.junit.jupiter.api.Test;

/**
 * Asking for CUDA on a machine without CUDA 12 / cuDNN 9 (or with the CPU-only ONNX Runtime jar)
 * must fall back to the CPU and still give the same embeddings.
 */
class CudaFallbackTest {

    @Test
    void cudaRequestFallsBackToCpuAndStillWorks() throws Exception {
        try (ClapModel model = ClapModel.load(TestModels.TINY_CLAP, ExecutionDevice.parse("cuda:0"), 1)) {
            assertFalse(model.device().cuda(), "no CUDA here: the sessions run on the CPU");
            AudioClip tone = new AudioClip(new float[16_000], 16_000);
            float[][] viaFallback = model.embedAudio(java.util.List.of(tone), 1);
            float[][] viaCpu = TestModels.tinyClap().embedAudio(java.util.List.of(tone), 1);
            for (int i = 0; i < viaCpu[0].length; i++) {
                assertEquals(viaCpu[0][i], viaFallback[0][i], 1e-5f);
            }
        }
    }
}
