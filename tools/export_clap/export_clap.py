#!/usr/bin/env python3
"""Export a LAION-CLAP checkpoint (Hugging Face `ClapModel`) into a ZEBRA Stream model directory.

    python3 tools/export_clap/export_clap.py --checkpoint laion/clap-htsat-unfused --out models/clap-htsat-unfused
    python3 tools/export_clap/export_clap.py --checkpoint /path/to/local/ClapModel --out models/my-clap

The contract (docs/model-contract.md): audio_encoder.onnx takes log-mel features [B,1,1001,64] and
returns projected audio embeddings; text_encoder.onnx takes token embeddings [B,L,H] and an
attention mask [B,L] and returns projected text embeddings; token_embeddings.f32 is RoBERTa's
word-embedding table; tokenizer.json is the checkpoint's tokenizer; manifest.json has the
checkpoint's ClapFeatureExtractor settings, its trained logit scale, the template and SHA-256 of
every file.

The exporter checks ONNX Runtime against PyTorch for several batch sizes and prompt lengths
(padding included), writes the per-case cosines to export_check.json beside the model, and exits
non-zero when any cosine similarity is below 0.9999. `--goldens DIR` also writes PyTorch golden
embeddings for the Java fixture test (see tools/export_clap/README.md).
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
# Opset 17 needs IR version 8; newer writers may stamp a higher one than ONNX Runtime 1.24 (Java) reads.
IR_VERSION = 8
GOLDEN_CLASSES = ["siren", "dog barking", "church bell ringing", "rain"]
GOLDEN_CONTEXT_ROWS = 4
# The product's default vocabulary: the sound generator's classes, as the shipped model lists them.
DEFAULT_CLASSES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "models", "tiny-clap",
                               "manifest.json")


class AudioTower(torch.nn.Module):
    """input_features [B,1,T,64] → audio_projection(audio_model(...).pooler_output)."""

    def __init__(self, clap):
        super().__init__()
        self.audio_model = clap.audio_model
        self.audio_projection = clap.audio_projection
        self.eval()  # see TextTower

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
        # A wrapper starts in training mode, and the legacy exporter restores that mode after tracing:
        # dropout and batch-statistics BatchNorm would then be back on in every later PyTorch run.
        self.eval()

    def forward(self, inputs_embeds, attention_mask):
        pooled = self.text_model(inputs_embeds=inputs_embeds, attention_mask=attention_mask).pooler_output
        return self.text_projection(pooled)


class Tokens:
    """The checkpoint's tokenizer as the JVM uses it: tokenizer.json, ids without specials, BOS/EOS/PAD ids."""

    def __init__(self, hf_tokenizer):
        self.backend = getattr(hf_tokenizer, "backend_tokenizer", None) or hf_tokenizer._tokenizer
        self.bos, self.eos, self.pad = hf_tokenizer.bos_token_id, hf_tokenizer.eos_token_id, hf_tokenizer.pad_token_id

    def encode(self, text):
        return self.backend.encode(text, add_special_tokens=False).ids

    def save(self, path):
        self.backend.save(path)


def load_checkpoint(checkpoint):
    from transformers import ClapFeatureExtractor, ClapModel, AutoTokenizer
    # ClapModel implements eager attention only (transformers 5.17 refuses "sdpa" for it).
    model = ClapModel.from_pretrained(checkpoint, attn_implementation="eager")
    if model.config.audio_config.enable_fusion:
        sys.exit(f"{checkpoint}: fused CLAP models (enable_fusion=true) are not supported; use an unfused one")
    model.eval()
    return model, Tokens(AutoTokenizer.from_pretrained(checkpoint)), ClapFeatureExtractor.from_pretrained(checkpoint)


def export(module, args_tuple, names_in, name_out, axes, path):
    torch.onnx.export(module, args_tuple, path, input_names=names_in, output_names=[name_out],
                      dynamic_axes=axes, opset_version=OPSET, do_constant_folding=True, dynamo=False)
    import onnx
    proto = onnx.load(path)
    if proto.ir_version > IR_VERSION:
        proto.ir_version = IR_VERSION
        onnx.save(proto, path)


def frames_of(extractor):
    """Frames of one full window, as ClapFeatureExtractor makes them (centred STFT)."""
    return 1 + extractor.nb_max_samples // extractor.hop_length


def cosines(a, b):
    a = a / np.linalg.norm(a, axis=1, keepdims=True)
    b = b / np.linalg.norm(b, axis=1, keepdims=True)
    return (a * b).sum(axis=1)


def prompt_batch(tokens, table, id_lists, context=None):
    """[BOS] (context rows) ids [EOS], right-padded with the pad embedding and mask 0, as PromptBuilder does."""
    rows = [] if context is None else list(context)
    seqs = [[table[tokens.bos]] + rows + [table[i] for i in ids] + [table[tokens.eos]] for ids in id_lists]
    length = max(len(s) for s in seqs)
    mask = np.array([[1] * len(s) + [0] * (length - len(s)) for s in seqs], dtype=np.int64)
    embeds = np.stack([np.stack(s + [table[tokens.pad]] * (length - len(s))) for s in seqs]).astype(np.float32)
    return embeds, mask


def check_cases(tokens, table, frames, n_mels):
    """Inputs of several batch sizes and prompt lengths, padding included (name → inputs)."""
    rng = np.random.default_rng(0)
    audio = {f"audio batch {b}": (rng.standard_normal((b, 1, frames, n_mels)) * 20 - 40).astype(np.float32)
             for b in (1, 3)}
    texts = {"text batch 1": ["siren"],
             "text batch 3 padded": [TEMPLATE.format("dog barking"), "rain",
                                     TEMPLATE.format("a church bell ringing far away in the valley")]}
    text = {name: prompt_batch(tokens, table, [tokens.encode(t) for t in ts]) for name, ts in texts.items()}
    return audio, text


def self_check(model, out, tokens, table, frames, n_mels):
    """ONNX Runtime vs PyTorch on every check case; writes export_check.json; exits below MIN_COSINE."""
    import onnxruntime as ort
    audio_session = ort.InferenceSession(os.path.join(out, "audio_encoder.onnx"), providers=["CPUExecutionProvider"])
    text_session = ort.InferenceSession(os.path.join(out, "text_encoder.onnx"), providers=["CPUExecutionProvider"])
    audio_cases, text_cases = check_cases(tokens, table, frames, n_mels)
    report = {}
    with torch.no_grad():
        for name, feats in audio_cases.items():
            ref = AudioTower(model)(torch.from_numpy(feats)).numpy()
            report[name] = float(cosines(ref, audio_session.run(None, {"input_features": feats})[0]).min())
        for name, (embeds, mask) in text_cases.items():
            ref = TextTower(model)(torch.from_numpy(embeds), torch.from_numpy(mask)).numpy()
            got = text_session.run(None, {"inputs_embeds": embeds, "attention_mask": mask})[0]
            report[name] = float(cosines(ref, got).min())
    with open(os.path.join(out, "export_check.json"), "w") as f:
        json.dump({"min_cosine": MIN_COSINE, "cosines": report}, f, indent=1)
    for name, cos in report.items():
        print(f"self-check {name}: cosine ONNX Runtime vs PyTorch = {cos:.7f}")
    worst = min(report.values())
    if worst < MIN_COSINE:
        sys.exit(f"export failed the self-check: cosine {worst:.7f} < {MIN_COSINE}")


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 16), b""):
            h.update(chunk)
    return h.hexdigest()


def audio_settings(extractor):
    """The manifest's audio object from the checkpoint's ClapFeatureExtractor.

    "rand_trunc" windows use the Slaney-normalised Slaney-scale bank, "fusion" the plain HTK bank
    (ClapFeatureExtractor._get_input_mel); a 10 s window is never truncated, so the rest is one STFT.
    """
    fusion = extractor.truncation == "fusion"
    return {"sample_rate": int(extractor.sampling_rate),
            "window_seconds": extractor.nb_max_samples / extractor.sampling_rate,
            "n_fft": int(extractor.fft_window_size), "win_length": int(extractor.fft_window_size),
            "hop_length": int(extractor.hop_length), "window": "hann_periodic", "center": True,
            "pad_mode": "reflect", "power": 2.0, "n_mels": int(extractor.feature_size),
            "f_min": float(extractor.frequency_min), "f_max": float(extractor.frequency_max),
            "mel_scale": "htk" if fusion else "slaney", "mel_norm": "none" if fusion else "slaney",
            "log": "db", "log_floor": 1e-10, "padding": extractor.padding}


def class_list(spec):
    """--classes: "a,b,c", "@FILE" (one name per line), or None for the product's default vocabulary."""
    if spec is None:
        with open(DEFAULT_CLASSES) as f:
            return json.load(f)["classes"]
    if spec.startswith("@"):
        with open(spec[1:]) as f:
            return [line.strip() for line in f if line.strip()]
    return [c.strip() for c in spec.split(",") if c.strip()]


def write_manifest(out, model, tokens, table, extractor, name, args):
    files = {f: sha256(os.path.join(out, f)) for f in
             ("audio_encoder.onnx", "text_encoder.onnx", "token_embeddings.f32", "tokenizer.json")}
    lines = "\n".join(f"{k}:{files[k]}" for k in sorted(files))
    text_scale = float(model.logit_scale_t.exp())  # text→audio scale, as ClapModel's logits_per_text uses
    manifest = {
        "name": name, "version": "1",
        "audio": audio_settings(extractor),
        "text": {"tokenizer": "tokenizer.json", "token_embeddings": "token_embeddings.f32",
                 "vocab_size": int(table.shape[0]), "hidden_size": int(table.shape[1]), "max_length": args.max_length,
                 "bos_token_id": tokens.bos, "eos_token_id": tokens.eos, "pad_token_id": tokens.pad,
                 "position_ids": False, "zero_shot_template": TEMPLATE},
        "embedding_dim": int(model.config.projection_dim),
        "logit_scale": round(text_scale, 4),
        "classes": class_list(args.classes),
        "onnx": {"audio_input": "input_features", "audio_output": "audio_embeds", "text_inputs_embeds": "inputs_embeds",
                 "text_attention_mask": "attention_mask", "text_position_ids": "position_ids", "text_output": "text_embeds"},
        "files": files,
        "fingerprint": hashlib.sha256(lines.encode()).hexdigest(),
    }
    with open(os.path.join(out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)
    return manifest


def save_f32(directory, name, array):
    np.ascontiguousarray(array, dtype="<f4").tofile(os.path.join(directory, name))


def write_goldens(out, model, tokens, table, fingerprint, features_dir):
    """PyTorch embeddings for the Java fixture test: audio of the HF golden features, zero-shot and learned prompts."""
    golden = os.path.join(out, "golden")
    os.makedirs(golden, exist_ok=True)
    with open(os.path.join(features_dir, "index.json")) as f:
        signals = sorted(json.load(f)["signals"].items())
    feats = np.stack([np.fromfile(os.path.join(features_dir, s["features"]["file"]), dtype="<f4")
                      .reshape(s["features"]["shape"]) for _, s in signals])[:, None]
    zero_ids = [tokens.encode(TEMPLATE.format(c)) for c in GOLDEN_CLASSES]
    learned_ids = [tokens.encode(" " + c + ".") for c in GOLDEN_CLASSES]
    context = (np.random.default_rng(2).standard_normal((GOLDEN_CONTEXT_ROWS, table.shape[1])) * 0.02).astype(np.float32)
    zero_embeds, zero_mask = prompt_batch(tokens, table, zero_ids)
    learned_embeds, learned_mask = prompt_batch(tokens, table, learned_ids, context)
    with torch.no_grad():
        audio = AudioTower(model)(torch.from_numpy(feats)).numpy()
        zero = TextTower(model)(torch.from_numpy(zero_embeds), torch.from_numpy(zero_mask)).numpy()
        learned = TextTower(model)(torch.from_numpy(learned_embeds), torch.from_numpy(learned_mask)).numpy()
    for name, array in (("audio_embeds.f32", audio), ("zeroshot_inputs_embeds.f32", zero_embeds),
                        ("zeroshot_text_embeds.f32", zero), ("learned_context.f32", context),
                        ("learned_text_embeds.f32", learned)):
        save_f32(golden, name, array)
    meta = {"model_fingerprint": fingerprint, "signals": [name for name, _ in signals],
            "features_source": "src/test/resources/golden/hf-clap (input_features [1,1001,64] per signal)",
            "classes": GOLDEN_CLASSES, "template": TEMPLATE,
            "zeroshot_ids": zero_ids, "learned_ids": learned_ids, "zeroshot_mask": zero_mask.tolist(),
            "learned_mask": learned_mask.tolist(), "context_rows": GOLDEN_CONTEXT_ROWS,
            "shapes": {"audio_embeds": list(audio.shape), "zeroshot_inputs_embeds": list(zero_embeds.shape),
                       "zeroshot_text_embeds": list(zero.shape), "learned_text_embeds": list(learned.shape)},
            "torch": torch.__version__}
    with open(os.path.join(golden, "golden.json"), "w") as f:
        json.dump(meta, f, indent=1)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--checkpoint", required=True, help="Hugging Face id or local ClapModel directory")
    p.add_argument("--out", required=True)
    p.add_argument("--max-length", type=int, default=77)
    p.add_argument("--classes", help='default class vocabulary: "a,b,c" or @FILE (one per line); '
                                     "default: the sound generator's 37 classes (models/tiny-clap)")
    p.add_argument("--goldens", metavar="HF_FEATURES_DIR",
                   help="also write PyTorch golden embeddings (for the fixture test) of the features in this directory")
    args = p.parse_args()
    os.makedirs(args.out, exist_ok=True)
    model, tokens, extractor = load_checkpoint(args.checkpoint)
    n_mels, frames = int(extractor.feature_size), frames_of(extractor)
    table = model.text_model.embeddings.word_embeddings.weight.detach().numpy().astype("<f4")
    table.tofile(os.path.join(args.out, "token_embeddings.f32"))
    tokens.save(os.path.join(args.out, "tokenizer.json"))
    # The frame count is fixed: HTSAT resizes its input to the spectrogram image with shapes read at trace time.
    export(AudioTower(model), (torch.zeros(1, 1, frames, n_mels),), ["input_features"], "audio_embeds",
           {"input_features": {0: "batch"}, "audio_embeds": {0: "batch"}}, os.path.join(args.out, "audio_encoder.onnx"))
    embeds, mask = prompt_batch(tokens, table, [tokens.encode(TEMPLATE.format("siren"))])
    export(TextTower(model), (torch.from_numpy(embeds), torch.from_numpy(mask)), ["inputs_embeds", "attention_mask"],
           "text_embeds", {"inputs_embeds": {0: "batch", 1: "length"}, "attention_mask": {0: "batch", 1: "length"},
                           "text_embeds": {0: "batch"}}, os.path.join(args.out, "text_encoder.onnx"))
    self_check(model, args.out, tokens, table, frames, n_mels)
    manifest = write_manifest(args.out, model, tokens, table, extractor, os.path.basename(os.path.normpath(args.out)),
                              args)
    if args.goldens:
        write_goldens(args.out, model, tokens, table, manifest["fingerprint"], args.goldens)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
