"""Contrastive audio–caption training of tiny-clap on a procedural corpus.

    /usr/bin/python3 tools/tinyclap/train.py --train DIR --val DIR [--deploy DIR] --work DIR

Writes WORK/tokenizer.json, WORK/checkpoint.pt and WORK/metrics.json.
"""
import argparse
import collections
import json
import math
import os
import random
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

import data
import features
from bpe import ByteLevelBPE, train_bpe
from model import TinyClap

HERE = os.path.dirname(os.path.abspath(__file__))
EXTRA_WORDS = os.path.join(HERE, "extra_words.txt")


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--train", required=True, help="training corpus dir (manifest.jsonl)")
    p.add_argument("--val", required=True, help="clean validation corpus dir (different seed)")
    p.add_argument("--deploy", help="deployment-condition corpus dir, reported per domain")
    p.add_argument("--work", required=True, help="output dir for cache, tokenizer, checkpoint, metrics")
    p.add_argument("--clip-seconds", type=float, default=2.0)
    p.add_argument("--vocab-size", type=int, default=3000)
    p.add_argument("--epochs", type=int, default=60)
    p.add_argument("--max-minutes", type=float, default=40.0, help="wall-clock cap; the LR schedule follows it")
    p.add_argument("--batch-size", type=int, default=128)
    p.add_argument("--lr", type=float, default=2e-3)
    p.add_argument("--template-fraction", type=float, default=0.25, help="samples paired with the zero-shot template")
    p.add_argument("--name-fraction", type=float, default=0.1, help="samples paired with the bare class name")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--threads", type=int, default=2, help="torch CPU threads (1 can be faster on a busy CPU)")
    return p.parse_args(argv)


def seed_everything(seed: int):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def tokenizer_texts(clips: list, classes: list) -> list:
    with open(EXTRA_WORDS, encoding="utf-8") as f:
        extra = [line.strip() for line in f if line.strip() and not line.startswith("#")]
    prompts = [data.ZERO_SHOT_TEMPLATE.format(c) for c in classes]
    return [c.caption for c in clips] + classes + prompts + extra


def augment(spec_batch: np.ndarray, rng: np.random.Generator, n_frames: int) -> torch.Tensor:
    """Random window crop, random gain (±6 dB, additive in dB) and SpecAugment time/freq masks."""
    b, total, n_mels = spec_batch.shape
    starts = rng.integers(0, total - n_frames + 1, size=b)
    crops = np.stack([spec_batch[i, s:s + n_frames] for i, s in enumerate(starts)]).astype(np.float32)
    crops += rng.uniform(-6.0, 6.0, size=(b, 1, 1)).astype(np.float32)
    for i in range(b):
        fill = crops[i].mean()
        for _ in range(2):
            width = rng.integers(0, 12)
            t0 = rng.integers(0, n_frames - width + 1)
            crops[i, t0:t0 + width, :] = fill
            height = rng.integers(0, 8)
            f0 = rng.integers(0, n_mels - height + 1)
            crops[i, :, f0:f0 + height] = fill
    return torch.from_numpy(crops).unsqueeze(1)


def class_aware_loss(logits: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    """Symmetric InfoNCE whose targets spread over every same-class pair in the batch,
    so that two clips of one class are not pushed apart as negatives."""
    same = (labels[:, None] == labels[None, :]).float()
    targets = same / same.sum(dim=1, keepdim=True)
    audio_to_text = -(targets * F.log_softmax(logits, dim=1)).sum(dim=1).mean()
    text_to_audio = -(targets * F.log_softmax(logits.t(), dim=1)).sum(dim=1).mean()
    return (audio_to_text + text_to_audio) / 2


class TextSampler:
    """Picks the text paired with each training clip: its caption, the zero-shot template or
    the bare class name (the last two keep zero-shot prompts and typed names in distribution)."""

    def __init__(self, tokenizer, clips, classes, template_fraction, name_fraction):
        self.captions = [data.sequence(tokenizer, c.caption, truncate=True) for c in clips]
        self.templates = [data.sequence(tokenizer, data.ZERO_SHOT_TEMPLATE.format(c)) for c in classes]
        self.names = [data.sequence(tokenizer, c) for c in classes]
        self.template_fraction = template_fraction
        self.name_fraction = name_fraction

    def batch(self, clip_idx, labels, rng):
        """(ids, mask) of the distinct texts and, per clip, the row of its text: templates and
        names repeat within a batch, and encoding each distinct text once saves CPU."""
        draws = rng.random(len(clip_idx))
        seqs = [tuple(self.templates[y] if r < self.template_fraction
                      else self.names[y] if r < self.template_fraction + self.name_fraction
                      else self.captions[i])
                for i, y, r in zip(clip_idx, labels, draws)]
        distinct = sorted(set(seqs))
        row_of = {seq: row for row, seq in enumerate(distinct)}
        ids, mask = data.pad_sequences(distinct)
        return torch.from_numpy(ids), torch.from_numpy(mask), torch.tensor([row_of[s] for s in seqs])


@torch.no_grad()
def class_text_embeddings(model, tokenizer, classes) -> torch.Tensor:
    ids, mask = data.pad_sequences([data.sequence(tokenizer, data.ZERO_SHOT_TEMPLATE.format(c)) for c in classes])
    return F.normalize(model.embed_text_ids(torch.from_numpy(ids), torch.from_numpy(mask)), dim=-1)


@torch.no_grad()
def zero_shot_predictions(model, text_embeds, windows: np.ndarray) -> np.ndarray:
    """Top-1 class index per window; windows [N, frames, n_mels]."""
    preds = []
    for start in range(0, len(windows), 256):
        x = torch.from_numpy(windows[start:start + 256]).unsqueeze(1)
        preds.append((F.normalize(model.audio(x), dim=-1) @ text_embeds.t()).argmax(dim=1).numpy())
    return np.concatenate(preds)


def evaluate(model, tokenizer, classes, clips, windows) -> dict:
    """Zero-shot window accuracy overall and per clip domain; clips of unknown classes skipped."""
    model.eval()
    known = [i for i, c in enumerate(clips) if c.label in classes]
    per_window = windows[known]                                    # [N, W, frames, mels]
    n_windows = per_window.shape[1]
    preds = zero_shot_predictions(model, class_text_embeddings(model, tokenizer, classes),
                                  per_window.reshape(-1, *per_window.shape[2:])).reshape(len(known), n_windows)
    truth = np.array([classes.index(clips[i].label) for i in known])[:, None]
    hits = preds == truth
    by_domain, by_family = collections.defaultdict(list), collections.defaultdict(list)
    for row, i in enumerate(known):
        by_domain[clips[i].domain].append(hits[row])
        by_family[family_of(clips[i].domain)].append(hits[row])
    model.train()
    return {"accuracy": float(hits.mean()), "windows": int(hits.size),
            "by_domain": {d: float(np.mean(h)) for d, h in sorted(by_domain.items())},
            "by_family": {f: float(np.mean(h)) for f, h in sorted(by_family.items())}}


def family_of(domain: str) -> str:
    """'factory-2' → 'factory' (synth domains are family or family-severity)."""
    family, _, severity = domain.rpartition("-")
    return family if family and severity.isdigit() else domain


def learning_rate(base_lr: float, progress: float, step: int, warmup_steps: int = 100) -> float:
    warm = min(1.0, (step + 1) / warmup_steps)
    return base_lr * warm * 0.5 * (1 + math.cos(math.pi * min(progress, 1.0)))


def train(args):
    seed_everything(args.seed)
    torch.set_num_threads(args.threads)
    fe = features.TINY_CLAP
    cache = os.path.join(args.work, "cache")
    os.makedirs(args.work, exist_ok=True)
    started = time.time()

    train_clips = data.load_manifest(args.train)
    classes = sorted({c.label for c in train_clips})
    labels = np.array([classes.index(c.label) for c in train_clips])

    vocab, merges = train_bpe(tokenizer_texts(train_clips, classes), args.vocab_size)
    tokenizer = ByteLevelBPE(vocab, merges)
    tokenizer.save(os.path.join(args.work, "tokenizer.json"))
    log(f"tokenizer: {len(vocab)} tokens ({time.time() - started:.0f}s)")

    spec = data.clip_spectrograms(train_clips, args.train, cache, args.clip_seconds, fe)
    val_clips = data.load_manifest(args.val)
    val_windows = data.window_features(val_clips, args.val, cache, args.clip_seconds, fe)
    log(f"features: train {spec.shape}, val {val_windows.shape} ({time.time() - started:.0f}s)")

    model = TinyClap(vocab_size=len(vocab), n_mels=fe.n_mels)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    texts = TextSampler(tokenizer, train_clips, classes, args.template_fraction, args.name_fraction)
    rng = np.random.default_rng(args.seed)
    steps_per_epoch = len(train_clips) // args.batch_size
    total_steps = steps_per_epoch * args.epochs
    budget = args.max_minutes * 60
    train_started = time.time()
    step, history = 0, []

    for epoch in range(args.epochs):
        order = rng.permutation(len(train_clips))
        losses = []
        for b in range(steps_per_epoch):
            idx = order[b * args.batch_size:(b + 1) * args.batch_size]
            progress = max(step / total_steps, (time.time() - train_started) / budget)
            for group in optimizer.param_groups:
                group["lr"] = learning_rate(args.lr, progress, step)
            audio = F.normalize(model.audio(augment(spec[idx], rng, fe.n_frames)), dim=-1)
            ids, mask, text_rows = texts.batch(idx, labels[idx], rng)
            text = F.normalize(model.embed_text_ids(ids, mask), dim=-1)[text_rows]
            loss = class_aware_loss(model.scale() * audio @ text.t(), torch.from_numpy(labels[idx]))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
            step += 1
        val = evaluate(model, tokenizer, classes, val_clips, val_windows)
        elapsed = time.time() - train_started
        history.append({"epoch": epoch + 1, "loss": float(np.mean(losses)), "val_accuracy": val["accuracy"], "seconds": elapsed})
        log(f"epoch {epoch + 1:3d}  loss {np.mean(losses):.4f}  clean-val zero-shot {100 * val['accuracy']:.1f}%  "
            f"scale {model.scale().item():.1f}  elapsed {elapsed / 60:.1f} min")
        if elapsed >= budget:
            log("wall-clock budget reached")
            break

    metrics = {"classes": classes, "train_clips": len(train_clips), "epochs": len(history),
               "train_minutes": (time.time() - train_started) / 60, "history": history,
               "clean_val": evaluate(model, tokenizer, classes, val_clips, val_windows)}
    if args.deploy:
        deploy_clips = data.load_manifest(args.deploy)
        deploy_windows = data.window_features(deploy_clips, args.deploy, cache, args.clip_seconds, fe)
        metrics["deployment"] = evaluate(model, tokenizer, classes, deploy_clips, deploy_windows)
    torch.save({"model": model.state_dict(), "vocab_size": len(vocab), "classes": classes}, os.path.join(args.work, "checkpoint.pt"))
    with open(os.path.join(args.work, "metrics.json"), "w") as f:
        json.dump(metrics, f, indent=1)
    log(f"clean-val zero-shot {100 * metrics['clean_val']['accuracy']:.1f}%")
    deployment = metrics.get("deployment", {})
    for group, acc in {**deployment.get("by_family", {}), **deployment.get("by_domain", {})}.items():
        log(f"deployment {group}: {100 * acc:.1f}%")


def log(message: str):
    print(message, flush=True)


if __name__ == "__main__":
    train(parse_args(sys.argv[1:]))
