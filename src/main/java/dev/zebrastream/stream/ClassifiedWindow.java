package dev.zebrastream.stream;

import dev.zebrastream.audio.AudioClip;
import dev.zebrastream.classify.Prediction;
import dev.zebrastream.window.AssembledWindow;

/** A window with its model-rate audio, audio embedding, prediction and the prompts that made it. */
public record ClassifiedWindow(AssembledWindow window, AudioClip modelRateAudio, float[] embedding,
                               Prediction prediction, ActivePrompts prompts) {
}
