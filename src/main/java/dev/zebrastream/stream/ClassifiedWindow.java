package dev.zebrastream.stream;

import dev.zebrastream.classify.Prediction;
import dev.zebrastream.window.AssembledWindow;

/** A window with its audio embedding, prediction and the prompts that made it. */
public record ClassifiedWindow(AssembledWindow window, float[] embedding, Prediction prediction,
                               ActivePrompts prompts) {
}
