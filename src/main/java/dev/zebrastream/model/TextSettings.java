package dev.zebrastream.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The manifest's {@code text} block: tokenizer, embedding table and prompt conventions. */
public record TextSettings(
        @JsonProperty("tokenizer") String tokenizer,
        @JsonProperty("token_embeddings") String tokenEmbeddings,
        @JsonProperty("vocab_size") int vocabSize,
        @JsonProperty("hidden_size") int hiddenSize,
        @JsonProperty("max_length") int maxLength,
        @JsonProperty("bos_token_id") int bosTokenId,
        @JsonProperty("eos_token_id") int eosTokenId,
        @JsonProperty("pad_token_id") int padTokenId,
        @JsonProperty("position_ids") boolean positionIds,
        @JsonProperty("zero_shot_template") String zeroShotTemplate) {

    void validate() throws ModelException {
        require(tokenizer != null, "text.tokenizer");
        require(tokenEmbeddings != null, "text.token_embeddings");
        require(vocabSize > 0, "text.vocab_size");
        require(hiddenSize > 0, "text.hidden_size");
        require(maxLength > 2, "text.max_length");
        for (int id : new int[] {bosTokenId, eosTokenId, padTokenId}) {
            require(id >= 0 && id < vocabSize, "text special token ids (must be within the vocabulary)");
        }
        require(zeroShotTemplate != null && zeroShotTemplate.contains("{}"),
                "text.zero_shot_template (must contain '{}')");
    }

    /** The zero-shot prompt text for a class name. */
    public String zeroShotPrompt(String className) {
        return zeroShotTemplate.replace("{}", className);
    }

    private static void require(boolean ok, String field) throws ModelException {
        if (!ok) {
            throw new ModelException("manifest.json: missing or invalid " + field);
        }
    }
}
