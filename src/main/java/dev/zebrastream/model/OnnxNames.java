package dev.zebrastream.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Input and output names of the two ONNX graphs, as the manifest declares them. */
public record OnnxNames(
        @JsonProperty("audio_input") String audioInput,
        @JsonProperty("audio_output") String audioOutput,
        @JsonProperty("text_inputs_embeds") String textInputsEmbeds,
        @JsonProperty("text_attention_mask") String textAttentionMask,
        @JsonProperty("text_position_ids") String textPositionIds,
        @JsonProperty("text_output") String textOutput) {

    /** The contract's names, used when a manifest has no {@code onnx} block. */
    public static OnnxNames defaults() {
        return new OnnxNames("input_features", "audio_embeds", "inputs_embeds", "attention_mask",
                "position_ids", "text_embeds");
    }
}
