#!/usr/bin/env python3
"""Write a randomly initialised, toy-size but structurally real CLAP checkpoint (HTSAT + RoBERTa).

    python3 tools/export_clap/tiny_checkpoint.py /tmp/clap-htsat-tiny

The directory is a normal local `ClapModel` checkpoint (config, weights, the processor's files: a
byte-level BPE tokenizer trained here on a few prompts and LAION's feature-extractor settings), so
export_clap.py exports it exactly as it exports real weights. The audio side keeps the real input
geometry (64 mel bins, 1001 frames resized to a 256 x 256 spectrogram image, 4 x 4 patches, window 8);
only the depths and widths are small. Seeded: the same torch version writes the same weights.
"""
import sys

import torch
from tokenizers import Tokenizer, decoders, models, pre_tokenizers, processors, trainers
from transformers import (ClapAudioConfig, ClapConfig, ClapFeatureExtractor, ClapModel, ClapTextConfig,
                          PreTrainedTokenizerFast)

TEMPLATE = "This is a recording of {}."
WORDS = ["siren", "dog barking", "church bell ringing", "rain", "a drill", "speech", "smoke alarm", "wind"]
# LAION-CLAP's extractor settings for unfused checkpoints (also those of ../shared/reference/hf-clap-features).
EXTRACTOR = dict(feature_size=64, sampling_rate=48000, hop_length=480, max_length_s=10, fft_window_size=1024,
                 frequency_min=50, frequency_max=14000, truncation="rand_trunc", padding="repeatpad")


def tokenizer():
    """Byte-level BPE shaped like RoBERTa's: no prefix space, <s> </s> added by a post-processor."""
    bpe = Tokenizer(models.BPE())
    bpe.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    bpe.decoder = decoders.ByteLevel()
    corpus = [TEMPLATE.format(w) for w in WORDS] + [" " + w + "." for w in WORDS]
    trainer = trainers.BpeTrainer(vocab_size=400, special_tokens=["<s>", "<pad>", "</s>", "<unk>"],
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
    bpe.train_from_iterator(corpus * 20, trainer)
    bpe.post_processor = processors.RobertaProcessing(("</s>", bpe.token_to_id("</s>")), ("<s>", bpe.token_to_id("<s>")))
    return PreTrainedTokenizerFast(tokenizer_object=bpe, bos_token="<s>", eos_token="</s>", pad_token="<pad>",
                                   unk_token="<unk>")


def config(vocab_size):
    text = ClapTextConfig(vocab_size=vocab_size, hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                          intermediate_size=64, max_position_embeddings=80, projection_dim=16, pad_token_id=1,
                          bos_token_id=0, eos_token_id=2)
    audio = ClapAudioConfig(spec_size=256, num_mel_bins=64, patch_size=4, patch_stride=[4, 4], window_size=8,
                            patch_embeds_hidden_size=16, depths=[1, 1], num_attention_heads=[2, 2], hidden_size=32,
                            projection_dim=16, enable_fusion=False)
    return ClapConfig(text_config=text.to_dict(), audio_config=audio.to_dict(), projection_dim=16)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: tiny_checkpoint.py OUT_DIR")
    out = sys.argv[1]
    tok = tokenizer()
    torch.manual_seed(0)
    model = ClapModel(config(len(tok)))
    model.save_pretrained(out)
    # Saved side by side as a ClapProcessor would save them; the exporter reads each with its Auto* loader.
    tok.save_pretrained(out)
    ClapFeatureExtractor(**EXTRACTOR).save_pretrained(out)
    print(f"wrote {out} ({sum(p.numel() for p in model.parameters())} parameters)")


if __name__ == "__main__":
    main()
