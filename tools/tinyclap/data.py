"""Corpus loading, cached log-mel features and token sequences for tiny-clap training."""
import hashlib
import json
import os
from dataclasses import dataclass

import numpy as np
from scipy.io import wavfile

import features
from bpe import BOS_ID, EOS_ID, PAD_ID

ZERO_SHOT_TEMPLATE = "This is a recording of {}."
MAX_TEXT_LENGTH = 40


@dataclass
class Clip:
    path: str
    label: str
    caption: str
    domain: str


def load_manifest(corpus_dir: str) -> list:
    clips = []
    with open(os.path.join(corpus_dir, "manifest.jsonl"), encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                clips.append(Clip(os.path.join(corpus_dir, row["file"]), row["class"], row["caption"], row.get("domain", "")))
    return clips


def read_wav(path: str, expected_rate: int) -> np.ndarray:
    """16-bit PCM WAV → float64 mono in [-1, 1)."""
    rate, samples = wavfile.read(path)
    if rate != expected_rate:
        raise ValueError(f"{path}: sample rate {rate}, expected {expected_rate}")
    if samples.dtype != np.int16:
        raise ValueError(f"{path}: expected 16-bit PCM, got {samples.dtype}")
    samples = samples.astype(np.float64) / 32768.0
    return samples.mean(axis=1) if samples.ndim == 2 else samples


def _cache_path(cache_dir: str, corpus_dir: str, kind: str) -> str:
    manifest = os.path.join(corpus_dir, "manifest.jsonl")
    stamp = f"{os.path.abspath(corpus_dir)}|{os.path.getmtime(manifest)}|{os.path.getsize(manifest)}|{kind}"
    return os.path.join(cache_dir, f"{kind}-{hashlib.sha1(stamp.encode()).hexdigest()[:12]}.npy")


def _cached(cache_dir: str, corpus_dir: str, kind: str, compute) -> np.ndarray:
    os.makedirs(cache_dir, exist_ok=True)
    path = _cache_path(cache_dir, corpus_dir, kind)
    if os.path.exists(path):
        return np.load(path)
    array = compute()
    np.save(path, array)
    return array


def _fit_length(samples: np.ndarray, length: int) -> np.ndarray:
    """Clips shorter than `length` are repeat-padded (as the front end would), longer ones cut."""
    if len(samples) >= length:
        return samples[:length]
    return np.tile(samples, -(-length // len(samples)))[:length]


def clip_spectrograms(clips: list, corpus_dir: str, cache_dir: str, clip_seconds: float,
                      fe: features.FrontEnd = features.TINY_CLAP) -> np.ndarray:
    """[N, frames, n_mels] float16 log-mel of each whole clip (one long STFT) for random cropping."""
    length = int(round(clip_seconds * fe.sample_rate))

    def compute():
        return np.stack([features.log_mel_windows(_fit_length(read_wav(c.path, fe.sample_rate), length), fe)
                         .astype(np.float16) for c in clips])
    return _cached(cache_dir, corpus_dir, "train-spec", compute)


def window_features(clips: list, corpus_dir: str, cache_dir: str, clip_seconds: float,
                    fe: features.FrontEnd = features.TINY_CLAP) -> np.ndarray:
    """[N, windows, frames, n_mels] float32 exact contract features of consecutive 1 s windows."""
    length = int(round(clip_seconds * fe.sample_rate))
    n_windows = max(1, length // fe.window_samples)

    def compute():
        out = []
        for clip in clips:
            samples = _fit_length(read_wav(clip.path, fe.sample_rate), length)
            out.append([features.log_mel(samples[w * fe.window_samples:(w + 1) * fe.window_samples], fe)
                        for w in range(n_windows)])
        return np.asarray(out, dtype=np.float32)
    return _cached(cache_dir, corpus_dir, "eval-windows", compute)


def sequence(tokenizer, text: str, truncate: bool = False) -> list:
    """[BOS] tokens(text) [EOS]; over-long text is an error (prompts) or cut (training captions)."""
    ids = tokenizer.encode(text)
    if len(ids) + 2 > MAX_TEXT_LENGTH:
        if not truncate:
            raise ValueError(f"text longer than {MAX_TEXT_LENGTH} tokens: {text!r}")
        ids = ids[:MAX_TEXT_LENGTH - 2]
    return [BOS_ID] + ids + [EOS_ID]


def pad_sequences(sequences: list) -> tuple:
    """Right-pad to the longest sequence → (ids [B, L] int64, attention_mask [B, L] int64)."""
    longest = max(len(s) for s in sequences)
    ids = np.full((len(sequences), longest), PAD_ID, dtype=np.int64)
    mask = np.zeros((len(sequences), longest), dtype=np.int64)
    for row, seq in enumerate(sequences):
        ids[row, :len(seq)] = seq
        mask[row, :len(seq)] = 1
    return ids, mask
