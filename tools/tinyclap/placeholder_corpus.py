"""Writes a tiny numpy-made corpus in the `synth` format, for smoke-testing the pipeline
without the Java generator:

    /usr/bin/python3 tools/tinyclap/placeholder_corpus.py --out DIR --per-class 8 --seed 1
"""
import argparse
import json
import os

import numpy as np
from scipy.io import wavfile

RATE = 16000


def tone(rng, n):
    f = rng.uniform(400, 1200)
    return np.sin(2 * np.pi * f * np.arange(n) / RATE)


def noise(rng, n):
    return rng.standard_normal(n) * 0.3


def beeps(rng, n):
    gate = (np.arange(n) // int(RATE * rng.uniform(0.1, 0.25))) % 2
    return tone(rng, n) * gate


def sweep(rng, n):
    t = np.arange(n) / RATE
    f0, f1 = rng.uniform(300, 600), rng.uniform(1500, 3000)
    return np.sin(2 * np.pi * (f0 * t + (f1 - f0) * t ** 2 / (2 * t[-1])))


GENERATORS = {"tone": tone, "noise": noise, "beeping": beeps, "siren": sweep}
CAPTIONS = ["a {} sound", "someone recorded a {}", "{} in the background", "a short {} clip"]


def write_corpus(out: str, per_class: int, seed: int, seconds: float, domain: str):
    rng = np.random.default_rng(seed)
    os.makedirs(os.path.join(out, "audio"), exist_ok=True)
    n = int(seconds * RATE)
    with open(os.path.join(out, "manifest.jsonl"), "w") as manifest:
        for label, make in GENERATORS.items():
            for k in range(per_class):
                signal = 0.5 * make(rng, n) * rng.uniform(0.3, 1.0)
                name = f"audio/{label}-{k:03d}.wav"
                wavfile.write(os.path.join(out, name), RATE, np.round(signal * 32767).astype(np.int16))
                caption = CAPTIONS[rng.integers(len(CAPTIONS))].format(label)
                manifest.write(json.dumps({"file": name, "class": label, "caption": caption, "domain": domain, "seed": seed}) + "\n")


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--out", required=True)
    p.add_argument("--per-class", type=int, default=8)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--seconds", type=float, default=2.0)
    p.add_argument("--domain", default="train")
    a = p.parse_args()
    write_corpus(a.out, a.per_class, a.seed, a.seconds, a.domain)
