#!/usr/bin/env python3
"""Export a LAION-CLAP checkpoint (Hugging Face `ClapModel`) into a ZEBRA Stream model directory.

    python3 tools/export_clap/export_clap.py --checkpoint laion/clap-htsat-unfused --out models/clap-htsat-unfused
    python3 tools/export_clap/export_clap.py --checkpoint /path/to/local/ClapModel --out models/my-clap
    python3 tools/export_clap/export_clap.py --random-tiny --out src/test/resources/clap-fixture   # verification fixture

The contract (docs/model-contract.md): audio_encoder.onnx takes log-mel features [B,1,T,64] and
returns projected audio embeddings; text_encoder.onnx takes token embeddings [B,L,H] and an
attention mask [B,L] and returns projected text embeddings; token_embeddings.f32 is RoBERTa's
word-embedding table; tokenizer.json is the checkpoint's tokenizer; manifest.json has the
ClapFeatureExtractor settings, the trained logit scale, the template and SHA-256 of every file.

The exporter checks ONNX Runtime against PyTorch for several batch sizes and sequence lengths
(padding included) and exits non-zero when any cosine similarity is below 0.9999.
"""
import argparse
import hashlib
import json
import os
import sys

import numpy as np
import torch

MIN_COSINE = 0.9999
TEMPLATE = "This is a recording of {}."
OPSET = 17


class AudioTower(torch.nn.Module):
    """input_features [B,1,T,64] → audio_projection(audio_model(...).pooler_output)."""

    def __init__(self, clap):
        super().__init__()
        self.audio_model = clap.audio_model
        self.audio_projection = clap.audio_projection

    def forward(self, input_features):
        pooled = self.audio_model(input_features=input_features).pooler_output
        return self.audio_projection(pooled)


class TextTower(torch.nn.Module):
    """inputs_embeds [B,L,H] + attention_mask [B,L] → text_projection(text_model(...).pooler_output).

    RoBERTa derives position ids from inputs_embeds as padding_idx+1 … padding_idx+L; with right
    padding the real tokens get the same positions as when the model is called with input_ids.
    """

    def __init__(self, clap):
        super().__init__()
        self.text_model = clap.text_model
        self.text_projection = clap.text_projection

    def forward(self, inputs_embeds, attention_mask):
        pooled = self.text_model(inputs_embeds=inputs_embeds, attention_mask=attention_mask).pooler_output
        return self.text_projection(pooled)


def load_model(args):
    from transformers import ClapConfig, ClapModel, ClapProcessor
    if args.random_tiny:
        config, tokenizer = tiny_config_and_tokenizer(args.out)
        torch.manual_seed(0)
        model = ClapModel(config)
        return model, tokenizer
    # Eager attention: the SDPA path's mask handling does not survive the legacy exporter intact.
    model = ClapModel.from_pretrained(args.checkpoint, attn_implementation="eager")
    processor = ClapProcessor.from_pretrained(args.checkpoint)
    return model, processor.tokenizer


def tiny_config_and_tokenizer(out_dir):
    """A structurally real CLAP (HTSAT + RoBERTa) at toy size, with a byte-level BPE trained here."""
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers, decoders
    from transformers import ClapAudioConfig, ClapConfig, ClapTextConfig, PreTrainedTokenizerFast
    bpe = Tokenizer(models.BPE())
    bpe.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    bpe.decoder = decoders.ByteLevel()
    corpus = [TEMPLATE.format(c) for c in ["siren", "dog barking", "rain", "church bell", "a drill", "speech"]] * 20
    bpe.train_from_iterator(corpus, trainers.BpeTrainer(vocab_size=400, special_tokens=["<s>", "<pad>", "</s>", "<unk>"],
                                                       initial_alphabet=pre_tokenizers.ByteLevel.alphabet()))
    tokenizer = PreTrainedTokenizerFast(tokenizer_object=bpe, bos_token="<s>", eos_token="</s>", pad_token="<pad>",
                                        unk_token="<unk>")
    text = ClapTextConfig(vocab_size=bpe.get_vocab_size(), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                          intermediate_size=64, max_position_embeddings=80, projection_dim=16, pad_token_id=1,
                          bos_token_id=0, eos_token_id=2)
    audio = ClapAudioConfig(window_size=8, spec_size=64, num_mel_bins=64, patch_embeds_hidden_size=16,
                            depths=[1, 1], num_attention_heads=[2, 2], hidden_size=32, projection_dim=16,
                            enable_fusion=False)
    return ClapConfig(text_config=text.to_dict(), audio_config=audio.to_dict(), projection_dim=16), tokenizer


def export(module, args_tuple, names_in, name_out, axes, path):
    torch.onnx.export(module, args_tuple, path, input_names=names_in, output_names=[name_out],
                      dynamic_axes=axes, opset_version=OPSET, do_constant_folding=True, dynamo=False)


def cosines(a, b):
    a = a / np.linalg.norm(a, axis=1, keepdims=True)
    b = b / np.linalg.norm(b, axis=1, keepdims=True)
    return (a * b).sum(axis=1)


def self_check(model, audio_path, text_path, table, tokenizer, frames, n_mels):
    """ONNX Runtime vs PyTorch on several batch sizes and sequence lengths, padding included."""
    import onnxruntime as ort
    audio = ort.InferenceSession(audio_path, providers=["CPUExecutionProvider"])
    text = ort.InferenceSession(text_path, providers=["CPUExecutionProvider"])
    rng = np.random.default_rng(0)
    worst = 1.0
    with torch.no_grad():
        for batch in (1, 3):
            feats = (rng.standard_normal((batch, 1, frames, n_mels)) * 20 - 40).astype(np.float32)
            ref = AudioTower(model)(torch.from_numpy(feats)).numpy()
            got = audio.run(None, {"input_features": feats})[0]
            worst = min(worst, cosines(ref, got).min())
        for texts in (["siren"], [TEMPLATE.format("dog barking"), "rain", TEMPLATE.format("a church bell ringing far away")]):
            embeds, mask = prompt_batch(tokenizer, table, texts)
            ref = TextTower(model)(torch.from_numpy(embeds), torch.from_numpy(mask)).numpy()
            got = text.run(None, {"inputs_embeds": embeds, "attention_mask": mask})[0]
            worst = min(worst, cosines(ref, got).min())
    print(f"self-check: worst cosine ONNX Runtime vs PyTorch = {worst:.6f}")
    if worst < MIN_COSINE:
        sys.exit(f"export failed the self-check: cosine {worst:.6f} < {MIN_COSINE}")


def prompt_batch(tokenizer, table, texts):
    """[BOS] tokens [EOS], right-padded with the pad embedding and mask 0, as the JVM builds them."""
    ids = [[tokenizer.bos_token_id] + tokenizer.encode(t, add_special_tokens=False) + [tokenizer.eos_token_id]
           for t in texts]
    length = max(len(s) for s in ids)
    mask = np.array([[1] * len(s) + [0] * (length - len(s)) for s in ids], dtype=np.int64)
    padded = [s + [tokenizer.pad_token_id] * (length - len(s)) for s in ids]
    return table[np.array(padded)].astype(np.float32), mask


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 16), b""):
            h.update(chunk)
    return h.hexdigest()


def write_manifest(out, model, tokenizer, table, name, max_length):
    files = {f: sha256(os.path.join(out, f)) for f in
             ("audio_encoder.onnx", "text_encoder.onnx", "token_embeddings.f32", "tokenizer.json")}
    lines = "\n".join(f"{k}:{files[k]}" for k in sorted(files))
    text_scale = float(model.logit_scale_t.exp())  # text→audio scale, as ClapModel's logits_per_text uses
    manifest = {
        "name": name, "version": "1",
        "audio": {"sample_rate": 48000, "window_seconds": 10.0, "n_fft": 1024, "win_length": 1024, "hop_length": 480,
                  "window": "hann_periodic", "center": True, "pad_mode": "reflect", "power": 2.0, "n_mels": 64,
                  "f_min": 50.0, "f_max": 14000.0, "mel_scale": "slaney", "mel_norm": "slaney", "log": "db",
                  "log_floor": 1e-10, "padding": "repeatpad"},
        "text": {"tokenizer": "tokenizer.json", "token_embeddings": "token_embeddings.f32",
                 "vocab_size": int(table.shape[0]), "hidden_size": int(table.shape[1]), "max_length": max_length,
                 "bos_token_id": tokenizer.bos_token_id, "eos_token_id": tokenizer.eos_token_id,
                 "pad_token_id": tokenizer.pad_token_id, "position_ids": False, "zero_shot_template": TEMPLATE},
        "embedding_dim": int(model.config.projection_dim),
        "logit_scale": round(text_scale, 4),
        "classes": [],
        "onnx": {"audio_input": "input_features", "audio_output": "audio_embeds", "text_inputs_embeds": "inputs_embeds",
                 "text_attention_mask": "attention_mask", "text_position_ids": "position_ids", "text_output": "text_embeds"},
        "files": files,
        "fingerprint": hashlib.sha256(lines.encode()).hexdigest(),
    }
    with open(os.path.join(out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)


def write_goldens(out, model, tokenizer, table, frames, n_mels):
    """PyTorch embeddings of fixed inputs, for the Java test that loads the directory (cosine ≥ 0.9999)."""
    rng = np.random.default_rng(1)
    feats = (rng.standard_normal((2, 1, frames, n_mels)) * 20 - 40).astype(np.float32)
    texts = [TEMPLATE.format("siren"), TEMPLATE.format("dog barking"), "rain."]
    embeds, mask = prompt_batch(tokenizer, table, texts)
    with torch.no_grad():
        audio = AudioTower(model)(torch.from_numpy(feats)).numpy()
        text = TextTower(model)(torch.from_numpy(embeds), torch.from_numpy(mask)).numpy()
    golden = os.path.join(out, "golden")
    os.makedirs(golden, exist_ok=True)
    for name, array in (("input_features", feats), ("audio_embeds", audio), ("text_embeds", text)):
        np.ascontiguousarray(array, dtype="<f4").tofile(os.path.join(golden, name + ".f32"))
    with open(os.path.join(golden, "golden.json"), "w") as f:
        json.dump({"texts": texts, "input_features_shape": list(feats.shape), "audio_embeds_shape": list(audio.shape),
                   "text_embeds_shape": list(text.shape)}, f, indent=1)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--checkpoint", help="Hugging Face id or local ClapModel directory")
    src.add_argument("--random-tiny", action="store_true", help="toy-size random CLAP, for the verification fixture")
    p.add_argument("--out", required=True)
    p.add_argument("--max-length", type=int, default=77)
    args = p.parse_args()
    os.makedirs(args.out, exist_ok=True)
    model, tokenizer = load_model(args)
    model.eval()
    n_mels, frames = 64, (64 if args.random_tiny else 1001)
    table = model.text_model.embeddings.word_embeddings.weight.detach().numpy().astype("<f4")
    table.tofile(os.path.join(args.out, "token_embeddings.f32"))
    tokenizer.backend_tokenizer.save(os.path.join(args.out, "tokenizer.json"))
    audio_path = os.path.join(args.out, "audio_encoder.onnx")
    text_path = os.path.join(args.out, "text_encoder.onnx")
    export(AudioTower(model), (torch.zeros(1, 1, frames, n_mels),), ["input_features"], "audio_embeds",
           {"input_features": {0: "batch", 2: "frames"}, "audio_embeds": {0: "batch"}}, audio_path)
    embeds, mask = prompt_batch(tokenizer, table, [TEMPLATE.format("siren")])
    export(TextTower(model), (torch.from_numpy(embeds), torch.from_numpy(mask)), ["inputs_embeds", "attention_mask"],
           "text_embeds", {"inputs_embeds": {0: "batch", 1: "length"}, "attention_mask": {0: "batch", 1: "length"},
                           "text_embeds": {0: "batch"}}, text_path)
    self_check(model, audio_path, text_path, table, tokenizer, frames, n_mels)
    write_manifest(args.out, model, tokenizer, table, os.path.basename(os.path.normpath(args.out)), args.max_length)
    if args.random_tiny:
        write_goldens(args.out, model, tokenizer, table, frames, n_mels)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
