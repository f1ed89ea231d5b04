"""Golden fixtures for the Java tests (format: src/test/resources/golden/tiny-clap/README.md):

    /usr/bin/python3 tools/tinyclap/fixtures.py --work WORK --model models/tiny-clap \
        --val VAL_CORPUS --out src/test/resources/golden/tiny-clap
"""
import argparse
import json
import os

import numpy as np
import torch

import data
import features
from bpe import PAD_ID, ByteLevelBPE
from export import load_trained

CONTEXT_VECTORS = 16
CONTEXT_SEED = 1234
TOKENIZATION_STRINGS = [
    "This is a recording of {}.", "This is a recording of siren.", "siren", "Siren", "SIREN",
    "smoke alarm", "Café bell", "HVAC-unit #3", "motor 42", "Room 101, floor 3", "it's   raining",
    "dog's bark!!", "naïve façade", "日本の鐘", "a  b\tc\nd", "", "   ", "end.  ", " leading space", "trailing space ",
    "e-mail @ 9:30", "x" * 30, "Zebra Stream", "forklift reversing beeper", "🙂 emoji",
]


def write_f32(out_dir: str, name: str, array) -> dict:
    """Raw float32 little-endian row-major file plus the JSON reference describing it."""
    array = np.ascontiguousarray(array, dtype="<f4")
    array.tofile(os.path.join(out_dir, name))
    return {"file": name, "shape": list(array.shape)}


def test_signals(rate: int) -> dict:
    """Deterministic signals that exercise repeatpad, an exact window, truncation and 16-bit input."""
    rng = np.random.default_rng(7)
    t = lambda seconds: np.arange(int(seconds * rate)) / rate
    chirp_t = t(1.0)
    clip = 0.4 * np.sin(2 * np.pi * 440 * chirp_t) * np.exp(-3 * chirp_t) + 0.05 * rng.standard_normal(len(chirp_t))
    return {
        "tone_0.3s_repeatpad": 0.5 * np.sin(2 * np.pi * 1000 * t(0.3)),
        "chirp_1s": 0.8 * np.sin(2 * np.pi * (100 * chirp_t + (7900 - 100) * chirp_t ** 2 / 2)),
        "noise_1.7s_truncate": 0.2 * rng.standard_normal(int(1.7 * rate)),
        "pcm16_decay_1s": np.round(np.clip(clip, -1, 1) * 32767) / 32768.0,
    }


def feature_fixtures(out_dir: str) -> dict:
    fe = features.TINY_CLAP
    signals = []
    for name, signal in test_signals(fe.sample_rate).items():
        samples = signal.astype(np.float32)
        signals.append({"name": name,
                        "samples": write_f32(out_dir, f"signal_{name}.f32", samples),
                        "features": write_f32(out_dir, f"features_{name}.f32", features.log_mel(samples.astype(np.float64), fe))})
    return {"front_end": fe.manifest_block(), "signals": signals}


def audio_fixtures(out_dir: str, model, classes: list, val_dir: str) -> dict:
    """First window of the first validation clip of three different classes → embeddings."""
    fe = features.TINY_CLAP
    chosen, seen = [], set()
    for clip in data.load_manifest(val_dir):
        if clip.label not in seen and len(chosen) < 3:
            seen.add(clip.label)
            chosen.append(clip)
    windows = np.stack([features.log_mel(data.read_wav(c.path, fe.sample_rate), fe) for c in chosen]).astype(np.float32)
    with torch.no_grad():
        embeds = model.audio(torch.from_numpy(windows).unsqueeze(1)).numpy()
    return {"classes": [c.label for c in chosen],
            "input_features": write_f32(out_dir, "audio_input_features.f32", windows[:, None]),
            "audio_embeds": write_f32(out_dir, "audio_embeds.f32", embeds)}


def prompt_batch(tokenizer, table: np.ndarray, context: np.ndarray, classes: list) -> tuple:
    """Two zero-shot prompts and one learned prompt `[BOS] ctx_1..ctx_M tokens(name + ".") [EOS]`,
    right-padded with the pad token's embedding (any value works there: the mask hides it)."""
    texts = [data.ZERO_SHOT_TEMPLATE.format(c) for c in classes[:2]] + [classes[-1] + "."]
    sequences = [data.sequence(tokenizer, text) for text in texts]
    vectors = [[table[i] for i in seq] for seq in sequences]
    vectors[2] = vectors[2][:1] + list(context) + vectors[2][1:]
    length = max(len(v) for v in vectors)
    mask = np.array([[1] * len(v) + [0] * (length - len(v)) for v in vectors], dtype=np.int64)
    embeds = np.stack([np.stack(v + [table[PAD_ID]] * (length - len(v))) for v in vectors]).astype(np.float32)
    prompts = [{"text": text, "ids": seq, "context_vectors_after_bos": CONTEXT_VECTORS if row == 2 else 0}
               for row, (text, seq) in enumerate(zip(texts, sequences))]
    return prompts, mask, embeds


def text_fixtures(out_dir: str, model, tokenizer, classes: list) -> dict:
    table = model.token_embeddings.weight.detach().numpy()
    context = np.random.default_rng(CONTEXT_SEED).normal(0.0, 0.02, size=(CONTEXT_VECTORS, table.shape[1])).astype(np.float32)
    strings = TOKENIZATION_STRINGS + classes + [data.ZERO_SHOT_TEMPLATE.format(c) for c in classes]
    prompts, mask, embeds = prompt_batch(tokenizer, table, context, classes)
    with torch.no_grad():
        text_embeds = model.text(torch.from_numpy(embeds), torch.from_numpy(mask)).numpy()
    return {
        "tokenization": [{"text": s, "ids": tokenizer.encode(s), "tokens": tokenizer.tokens(s)} for s in strings],
        "prompts": prompts,
        "context_vectors": write_f32(out_dir, "context_vectors.f32", context),
        "attention_mask": mask.tolist(),
        "inputs_embeds": write_f32(out_dir, "text_inputs_embeds.f32", embeds),
        "text_embeds": write_f32(out_dir, "text_embeds.f32", text_embeds),
    }


def write_json(out_dir: str, name: str, content: dict):
    with open(os.path.join(out_dir, name), "w", encoding="utf-8") as f:
        json.dump(content, f, ensure_ascii=False, indent=1)
        f.write("\n")


def main(work_dir: str, model_dir: str, val_dir: str, out_dir: str):
    os.makedirs(out_dir, exist_ok=True)
    model, classes = load_trained(work_dir)
    tokenizer = ByteLevelBPE.from_tokenizer_json(os.path.join(model_dir, "tokenizer.json"))
    with open(os.path.join(model_dir, "manifest.json"), encoding="utf-8") as f:
        fingerprint = json.load(f)["fingerprint"]
    write_json(out_dir, "features.json", feature_fixtures(out_dir))
    write_json(out_dir, "audio_embeddings.json", {"model_fingerprint": fingerprint, **audio_fixtures(out_dir, model, classes, val_dir)})
    write_json(out_dir, "text_embeddings.json", {"model_fingerprint": fingerprint, **text_fixtures(out_dir, model, tokenizer, classes)})


if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--work", required=True)
    p.add_argument("--model", required=True)
    p.add_argument("--val", required=True)
    p.add_argument("--out", required=True)
    a = p.parse_args()
    main(a.work, a.model, a.val, a.out)
