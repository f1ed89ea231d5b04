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
    p.add_argument("--train", required=True, action="append",
                   help="training corpus dir (manifest.jsonl); repeat to train on several (generator + real audio)")
    p.add_argument("--val", required=True, help="clean validation corpus dir (different seed)")
    p.add_argument("--deploy", help="deployment-condition corpus dir, reported per domain")
    p.add_argument("--real-select", help="real-audio corpus dir of the selection packages, reported every epoch")
    p.add_argument("--real-test", help="real-audio corpus dir of the held-out test packages, evaluated once at the end")
    p.add_argument("--real-share", type=float, default=0.5, help="share of real clips in each batch when both kinds train")
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


def augment(spec_batch: np.ndarray, rng: np.random.Generator, n_frames: int, real: np.ndarray,
            bank: np.ndarray) -> torch.Tensor:
    """Random window crop, real-world corruption (real clips mostly, generator clips sometimes: the
    generator's own train domain already degrades them), random gain and SpecAugment masks."""
    crops = random_crops(spec_batch, rng, n_frames)
    corrupted = rng.random(len(crops)) < np.where(real, 0.8, 0.3)
    if corrupted.any():
        others = random_crops(bank[rng.integers(0, len(bank), size=int(corrupted.sum()))], rng, n_frames)
        crops[corrupted] = corrupt(crops[corrupted], others, rng)
    crops += (rng.uniform(-1.0, 1.0, size=(len(crops), 1, 1)) * np.where(real, 10.0, 6.0)[:, None, None]).astype(np.float32)
    mask(crops, rng)
    return torch.from_numpy(crops).unsqueeze(1)


def random_crops(spec_batch: np.ndarray, rng: np.random.Generator, n_frames: int) -> np.ndarray:
    total = spec_batch.shape[1]
    starts = rng.integers(0, total - n_frames + 1, size=len(spec_batch))
    return np.stack([spec_batch[i, s:s + n_frames] for i, s in enumerate(starts)]).astype(np.float32)


def corrupt(crops_db: np.ndarray, others_db: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Recording conditions applied to power spectrograms (cheap stand-ins for waveform effects,
    exact in expectation for the power of uncorrelated sums): reverberation as an exponential
    tail per band, a second recording mixed in, stationary coloured noise and a microphone's
    frequency response."""
    b, t, m = crops_db.shape
    power = 10.0 ** (crops_db / 10.0)
    bands = np.linspace(0.0, 1.0, m)
    for i in range(b):
        if rng.random() < 0.5:
            decay = (10.0 ** (-0.06 / rng.uniform(0.2, 1.2))) ** (1.0 + bands)   # per 10 ms frame, HF dies faster
            tail, wet = np.zeros(m), np.empty((t, m))
            for f in range(t):
                tail = decay * tail + power[i, f]
                wet[f] = tail
            power[i] += rng.uniform(0.3, 2.0) * (1.0 - decay) * wet
        if rng.random() < 0.5:
            other = 10.0 ** (others_db[i] / 10.0)
            power[i] += other * power[i].mean() / max(other.mean(), 1e-10) * 10.0 ** (-rng.uniform(3, 20) / 10.0)
        if rng.random() < 0.5:
            shape = 10.0 ** ((rng.uniform(-30, 5) * bands + rng.normal(0, 2, size=(t, 1))) / 10.0)
            power[i] += shape * power[i].mean() / shape.mean() * 10.0 ** (-rng.uniform(5, 30) / 10.0)
        colour = rng.uniform(-6, 6) * (2 * bands - 1) + sum(
            rng.uniform(-4, 4) * np.exp(-((bands - rng.random()) / 0.1) ** 2) for _ in range(2))
        if rng.random() < 0.25:                                     # a band-limited microphone or channel
            colour -= rng.uniform(10, 40) * (bands > rng.uniform(0.55, 0.9))
        power[i] *= 10.0 ** (colour / 10.0)
    return (10.0 * np.log10(np.maximum(power, 1e-10))).astype(np.float32)


def mask(crops: np.ndarray, rng: np.random.Generator):
    """SpecAugment: two time masks (< 12 frames) and two frequency masks (< 8 bins) per crop."""
    _, n_frames, n_mels = crops.shape
    for crop in crops:
        fill = crop.mean()
        for _ in range(2):
            width = rng.integers(0, 12)
            t0 = rng.integers(0, n_frames - width + 1)
            crop[t0:t0 + width, :] = fill
            height = rng.integers(0, 8)
            f0 = rng.integers(0, n_mels - height + 1)
            crop[:, f0:f0 + height] = fill


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


@torch.no_grad()
def clip_embeddings(model, windows: np.ndarray) -> torch.Tensor:
    """Unit embedding per clip: the mean of its windows' unit embeddings, renormalised (model in eval mode)."""
    n, w = windows.shape[:2]
    flat = torch.from_numpy(windows.reshape(-1, *windows.shape[2:])).unsqueeze(1)
    rows = torch.cat([F.normalize(model.audio(flat[i:i + 256]), dim=-1) for i in range(0, len(flat), 256)])
    return F.normalize(rows.reshape(n, w, -1).mean(dim=1), dim=-1)


def evaluate_real(model, tokenizer, clips, windows) -> dict:
    """Zero-shot top-1 per clip over the classes present in a real-audio split, with the
    template prompt of each real class name; per-class accuracy and the confusion matrix."""
    classes = sorted({c.label for c in clips})
    truth = np.array([classes.index(c.label) for c in clips])
    model.eval()
    scores = clip_embeddings(model, windows) @ class_text_embeddings(model, tokenizer, classes).t()
    model.train()
    return scored(classes, truth, scores.argmax(dim=1).numpy())


def scored(classes, truth, preds) -> dict:
    confusion = np.zeros((len(classes), len(classes)), dtype=int)
    np.add.at(confusion, (truth, preds), 1)
    per_class = {c: float(confusion[i, i] / confusion[i].sum()) for i, c in enumerate(classes)}
    return {"accuracy": float((truth == preds).mean()), "clips": int(len(truth)), "classes": classes,
            "balanced_accuracy": float(np.mean(list(per_class.values()))), "per_class": per_class,
            "confusion": confusion.tolist()}


class BatchSampler:
    """Batches that hold a fixed share of real clips when both kinds train. Generator clips go in
    shuffled passes (its classes are balanced); real clips are drawn with probability
    proportional to 1/sqrt(clips of their class), so speech and music, half of the real corpus,
    do not crowd out classes with a dozen recordings. An epoch is one pass's worth of the larger kind."""

    def __init__(self, real: np.ndarray, labels: np.ndarray, batch_size: int, real_share: float,
                 rng: np.random.Generator):
        self.generated, self.real = np.flatnonzero(~real), np.flatnonzero(real)
        real_per_batch = int(round(batch_size * real_share)) if len(self.generated) else batch_size
        self.per_batch = (batch_size - real_per_batch, real_per_batch) if len(self.real) else (batch_size, 0)
        self.steps = max(len(k) // n for k, n in zip((self.generated, self.real), self.per_batch) if n)
        counts = np.bincount(labels[self.real], minlength=labels.max() + 1) if len(self.real) else None
        self.real_weights = None if counts is None else 1 / np.sqrt(counts[labels[self.real]])
        if self.real_weights is not None:
            self.real_weights /= self.real_weights.sum()
        self.rng = rng
        self.order, self.cursor = rng.permutation(self.generated), 0

    def _generated(self, n):
        out = []
        while len(out) < n:
            if self.cursor == len(self.order):
                self.order, self.cursor = self.rng.permutation(self.generated), 0
            take = min(n - len(out), len(self.order) - self.cursor)
            out.extend(self.order[self.cursor:self.cursor + take])
            self.cursor += take
        return out

    def next(self) -> np.ndarray:
        real = list(self.rng.choice(self.real, self.per_batch[1], p=self.real_weights)) if self.per_batch[1] else []
        return np.array(self._generated(self.per_batch[0]) + real, dtype=np.int64)


def learning_rate(base_lr: float, progress: float, step: int, warmup_steps: int = 100) -> float:
    warm = min(1.0, (step + 1) / warmup_steps)
    return base_lr * warm * 0.5 * (1 + math.cos(math.pi * min(progress, 1.0)))


def load_training(dirs, cache, clip_seconds, fe):
    """Clips and whole-clip log-mels of every training corpus, concatenated."""
    clips, specs = [], []
    for corpus in dirs:
        some = data.load_manifest(corpus)
        clips += some
        specs.append(data.clip_spectrograms(some, corpus, cache, clip_seconds, fe))
    return clips, np.concatenate(specs)


def is_real(clip) -> bool:
    return clip.domain.startswith("real:")


def train(args):
    seed_everything(args.seed)
    torch.set_num_threads(args.threads)
    fe = features.TINY_CLAP
    cache = os.path.join(args.work, "cache")
    os.makedirs(args.work, exist_ok=True)
    started = time.time()

    train_clips, spec = load_training(args.train, cache, args.clip_seconds, fe)
    classes = sorted({c.label for c in train_clips})
    labels = np.array([classes.index(c.label) for c in train_clips])
    real = np.array([is_real(c) for c in train_clips])

    vocab, merges = train_bpe(tokenizer_texts(train_clips, classes), args.vocab_size)
    tokenizer = ByteLevelBPE(vocab, merges)
    tokenizer.save(os.path.join(args.work, "tokenizer.json"))
    log(f"tokenizer: {len(vocab)} tokens ({time.time() - started:.0f}s)")

    val_clips = data.load_manifest(args.val)
    val_windows = data.window_features(val_clips, args.val, cache, args.clip_seconds, fe)
    select = real_split(args.real_select, cache, args.clip_seconds, fe)
    log(f"features: train {spec.shape} ({int(real.sum())} real clips), val {val_windows.shape} "
        f"({time.time() - started:.0f}s)")

    model = TinyClap(vocab_size=len(vocab), n_mels=fe.n_mels)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    texts = TextSampler(tokenizer, train_clips, classes, args.template_fraction, args.name_fraction)
    rng = np.random.default_rng(args.seed)
    sampler = BatchSampler(real, labels, args.batch_size, args.real_share, rng)
    total_steps = sampler.steps * args.epochs
    budget = args.max_minutes * 60
    train_started = time.time()
    step, history = 0, []

    for epoch in range(args.epochs):
        losses = []
        for _ in range(sampler.steps):
            idx = sampler.next()
            progress = max(step / total_steps, (time.time() - train_started) / budget)
            for group in optimizer.param_groups:
                group["lr"] = learning_rate(args.lr, progress, step)
            audio = F.normalize(model.audio(augment(spec[idx], rng, fe.n_frames, real[idx], spec)), dim=-1)
            ids, mask_, text_rows = texts.batch(idx, labels[idx], rng)
            text = F.normalize(model.embed_text_ids(ids, mask_), dim=-1)[text_rows]
            loss = class_aware_loss(model.scale() * audio @ text.t(), torch.from_numpy(labels[idx]))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
            step += 1
        val = evaluate(model, tokenizer, classes, val_clips, val_windows)
        elapsed = time.time() - train_started
        entry = {"epoch": epoch + 1, "loss": float(np.mean(losses)), "val_accuracy": val["accuracy"], "seconds": elapsed}
        line = (f"epoch {epoch + 1:3d}  loss {entry['loss']:.4f}  clean-val zero-shot {100 * val['accuracy']:.1f}%  "
                f"scale {model.scale().item():.1f}  elapsed {elapsed / 60:.1f} min")
        if select:
            entry["real_select_accuracy"] = evaluate_real(model, tokenizer, *select)["accuracy"]
            line += f"  real-select {100 * entry['real_select_accuracy']:.1f}%"
        history.append(entry)
        log(line)
        if elapsed >= budget:
            log("wall-clock budget reached")
            break

    torch.save({"model": model.state_dict(), "vocab_size": len(vocab), "classes": classes}, os.path.join(args.work, "checkpoint.pt"))
    metrics = {"classes": classes, "train_clips": len(train_clips), "real_train_clips": int(real.sum()),
               "epochs": len(history), "train_minutes": (time.time() - train_started) / 60, "history": history,
               "clean_val": evaluate(model, tokenizer, classes, val_clips, val_windows)}
    generator_classes = sorted({c.label for c in val_clips})
    metrics["clean_val_generator_classes"] = evaluate(model, tokenizer, generator_classes, val_clips, val_windows)
    if args.deploy:
        deploy_clips = data.load_manifest(args.deploy)
        deploy_windows = data.window_features(deploy_clips, args.deploy, cache, args.clip_seconds, fe)
        metrics["deployment"] = evaluate(model, tokenizer, classes, deploy_clips, deploy_windows)
    if select:
        metrics["real_select"] = evaluate_real(model, tokenizer, *select)
    test = real_split(args.real_test, cache, args.clip_seconds, fe)
    if test:
        metrics["real_test"] = evaluate_real(model, tokenizer, *test)
    with open(os.path.join(args.work, "metrics.json"), "w") as f:
        json.dump(metrics, f, indent=1)
    report(metrics)


def real_split(corpus, cache, clip_seconds, fe):
    """(clips, window features) of a real-audio split, or None when not given."""
    if not corpus:
        return None
    clips = data.load_manifest(corpus)
    return clips, data.window_features(clips, corpus, cache, clip_seconds, fe)


def report(metrics):
    log(f"clean-val zero-shot {100 * metrics['clean_val']['accuracy']:.1f}% over all {len(metrics['classes'])} classes, "
        f"{100 * metrics['clean_val_generator_classes']['accuracy']:.1f}% over the generator's classes")
    deployment = metrics.get("deployment", {})
    for group, acc in {**deployment.get("by_family", {}), **deployment.get("by_domain", {})}.items():
        log(f"deployment {group}: {100 * acc:.1f}%")
    for key in ("real_select", "real_test"):
        if key in metrics:
            m = metrics[key]
            log(f"{key}: top-1 {100 * m['accuracy']:.1f}% (balanced {100 * m['balanced_accuracy']:.1f}%) "
                f"over {m['clips']} clips, {len(m['classes'])} classes")


def log(message: str):
    print(message, flush=True)


if __name__ == "__main__":
    train(parse_args(sys.argv[1:]))
