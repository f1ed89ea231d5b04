package dev.zebrastream.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zebrastream.audio.AudioClip;
import dev.zebrastream.testing.TestModels;
import org.junit.jupiter.api.Test;

/**
 * Asking for CUDA gives the CPU's embeddings either way: on a machine without CUDA 12 / cuDNN 9 (or
 * with the CPU-only ONNX Runtime jar) by falling back to the CPU, on a CUDA host by running there.
 */
class CudaFallbackTest {

    @Test
    void cudaRequestFallsBackToCpuAndStillWorks() throws Exception {
        try (ClapModel model = ClapModel.load(TestModels.TINY_CLAP, ExecutionDevice.parse("cuda:0"), 1)) {
            boolean cudaHost = model.device().cuda();
            AudioClip tone = new AudioClip(new float[16_000], 16_000);
            float[][] requested = model.embedAudio(java.util.List.of(tone), 1);
            float[][] viaCpu = TestModels.tinyClap().embedAudio(java.util.List.of(tone), 1);
            // GPU kernels sum in another order than the CPU's; the CPU fallback is the same code.
            float tolerance = cudaHost ? 1e-3f : 1e-5f;
            for (int i = 0; i < viaCpu[0].length; i++) {
                assertEquals(viaCpu[0][i], requested[0][i], tolerance);
            }
        }
    }
}
