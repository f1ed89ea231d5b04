"""Builds the real-audio corpus from pinned Debian data packages.

    /usr/bin/python3 tools/realaudio/build.py --cache DIR [--jobs N]

Reads packages.tsv (package, version, split, licence), classes.tsv (class vocabulary and captions)
and rules/<package>.tsv (path regex → class). For every package it downloads the pinned .deb
(`apt-get download`), unpacks it (`dpkg-deb -x`), finds audio files (also inside zip/pk3/wz
archives and Qt .rcc files), labels them by the first matching rule, decodes them with ffmpeg to 16 kHz mono,
cuts event clips, drops duplicates by audio content and writes, per split,

    DIR/corpus/<split>/manifest.jsonl   file, class, caption, domain, package, version, source, licence, ...
    DIR/corpus/<split>/clips/...        16-bit PCM WAV, 16 kHz mono, at most 2 s each

and DIR/corpus/summary.json with counts per split and class. Test packages are processed first,
so a clip that also occurs in a training package is kept in the test split and dropped from
training.
"""
import argparse
import collections
import functools
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from scipy.io import wavfile

import rcc
import segment

HERE = os.path.dirname(os.path.abspath(__file__))
AUDIO_EXTENSIONS = (".wav", ".ogg", ".oga", ".mp3", ".flac", ".opus", ".aif", ".aiff", ".wv", ".au", ".spx")
ARCHIVE_EXTENSIONS = (".zip", ".pk3", ".wz")      # zip files; Qt .rcc files are read by rcc.py
SPLIT_ORDER = ("test", "select", "train")
RATE = segment.RATE
MAX_DECODE_SECONDS = 60


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--cache", required=True, help="cache directory (debs, unpacked packages, corpus)")
    p.add_argument("--jobs", type=int, default=2, help="parallel ffmpeg decoders")
    p.add_argument("--per-file", type=int, default=3, help="most clips cut from one source file")
    p.add_argument("--per-package-class", type=int, default=150, help="most clips of one class from one package")
    p.add_argument("--near-duplicate", type=float, default=0.98, help="fingerprint cosine above which clips are duplicates")
    return p.parse_args(argv)


def read_table(path):
    """Tab-separated rows, '#' comments and blank lines skipped."""
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]


def load_packages():
    rows = read_table(os.path.join(HERE, "packages.tsv"))
    packages = [{"package": r[0], "version": r[1], "split": r[2], "licence": r[3]} for r in rows]
    for p in packages:
        if p["split"] not in SPLIT_ORDER:
            raise SystemExit(f"packages.tsv: {p['package']}: split must be one of {SPLIT_ORDER}")
    return sorted(packages, key=lambda p: (SPLIT_ORDER.index(p["split"]), p["package"]))


def load_classes():
    return {name: captions.split("|") for name, captions in read_table(os.path.join(HERE, "classes.tsv"))}


def load_rules(package, classes):
    rules = []
    for pattern, label in read_table(os.path.join(HERE, "rules", package + ".tsv")):
        if label != "-" and label not in classes:
            raise SystemExit(f"rules/{package}.tsv: unknown class {label!r}")
        rules.append((re.compile(pattern, re.IGNORECASE), label))
    return rules


def fetch(cache, package, version):
    """Downloads and unpacks the pinned .deb once; returns the unpacked root."""
    debs = os.path.join(cache, "debs")
    root = os.path.join(cache, "extract", package)
    if os.path.isdir(root):
        return root
    os.makedirs(debs, exist_ok=True)
    deb = pinned_deb(debs, package, version)
    if deb is None:
        subprocess.run(["apt-get", "download", f"{package}={version}"], cwd=debs, check=True)
        deb = pinned_deb(debs, package, version)
        if deb is None:
            raise SystemExit(f"{package}: apt-get download did not give version {version}")
    partial = root + ".tmp"
    subprocess.run(["dpkg-deb", "-x", deb, partial], check=True)
    os.rename(partial, root)
    return root


def pinned_deb(debs, package, version):
    for name in sorted(os.listdir(debs)):
        if name.startswith(package + "_") and name.endswith(".deb"):
            path = os.path.join(debs, name)
            field = subprocess.run(["dpkg-deb", "-f", path, "Package", "Version"], capture_output=True, text=True)
            if field.stdout.split() == ["Package:", package, "Version:", version]:
                return path
    return None


@functools.lru_cache(maxsize=16)
def open_archive(path):
    """A zip-like reader (namelist, read) for zip/pk3/wz files and Qt .rcc files, else None."""
    lower = path.lower()
    if lower.endswith(ARCHIVE_EXTENSIONS) and zipfile.is_zipfile(path):
        return zipfile.ZipFile(path)
    if lower.endswith(".rcc") and rcc.is_rcc(path):
        return rcc.Rcc(path)
    return None


def has_audio_magic(path):
    """Some games ship audio without a file extension (blobwars): recognise WAV, Ogg, FLAC, MP3."""
    with open(path, "rb") as f:
        head = f.read(4)
    return head in (b"RIFF", b"OggS", b"fLaC") or head[:3] == b"ID3"


def audio_members(root):
    """Package-relative audio paths; members of archives as ARCHIVE!MEMBER."""
    for directory, _, files in os.walk(root):
        for name in sorted(files):
            path = os.path.join(directory, name)
            if not os.path.isfile(path):          # dangling links to files of other packages
                continue
            relative = os.path.relpath(path, root)
            if name.lower().endswith(AUDIO_EXTENSIONS) or ("." not in name and has_audio_magic(path)):
                yield relative
                continue
            archive = open_archive(path)
            if archive is not None:
                for member in archive.namelist():
                    if member.lower().endswith(AUDIO_EXTENSIONS):
                        yield f"{relative}!{member}"


def label_of(rules, member):
    for pattern, label in rules:
        if pattern.search(member):
            return None if label == "-" else label
    return None


def decode(root, member):
    """16 kHz mono float32 samples of the first minute, or None when ffmpeg cannot read it."""
    archive, _, inner = member.partition("!")
    path = os.path.join(root, archive)
    with tempfile.NamedTemporaryFile(suffix=os.path.splitext(inner or archive)[1]) as temp:
        if inner:
            temp.write(open_archive(path).read(inner))
            temp.flush()
            path = temp.name
        result = subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-t", str(MAX_DECODE_SECONDS), "-i", path,
                                 "-vn", "-ac", "1", "-ar", str(RATE), "-f", "f32le", "-"],
                                capture_output=True)
    if result.returncode != 0 or not result.stdout:
        return None
    return np.frombuffer(result.stdout, dtype=np.float32)


def candidates(cache, packages, classes, per_package_class):
    """(package row, unpacked root, member, class) for every labelled audio file, in a fixed
    pseudo-random order within each package, at most `per_package_class` files per class (each
    file gives at least one clip, so more could never be used)."""
    for p in packages:
        root = fetch(cache, p["package"], p["version"])
        rules = load_rules(p["package"], classes)
        labelled = [(m, label_of(rules, m)) for m in audio_members(root)]
        labelled = [(m, c) for m, c in labelled if c]
        taken = collections.Counter()
        for member, label in sorted(labelled, key=lambda mc: hashlib.sha1(mc[0].encode()).hexdigest()):
            if taken[label] < per_package_class:
                taken[label] += 1
                yield p, root, member, label
        log(f"{p['package']} ({p['split']}): {len(labelled)} labelled audio files, {sum(taken.values())} used")


def build(args):
    started = time.time()
    classes = load_classes()
    packages = load_packages()
    jobs = list(candidates(args.cache, packages, classes, args.per_package_class))
    log(f"{len(jobs)} labelled files in {len(packages)} packages; decoding with {args.jobs} ffmpeg processes")

    state = Selection()
    with ThreadPoolExecutor(args.jobs) as pool:
        for first in range(0, len(jobs), 64):   # bounded batches: a decoded minute is 3.8 MB
            batch = jobs[first:first + 64]
            for job, samples in zip(batch, pool.map(lambda j: decode(j[1], j[2]), batch)):
                keep_events(job, samples, args, state)
            log(f"  {min(first + 64, len(jobs))}/{len(jobs)} files, {len(state.kept)} clips kept "
                f"({time.time() - started:.0f} s)")
    write_corpus(args.cache, state.kept, classes)
    log(f"dropped: {dict(state.dropped)}; {len(state.kept)} clips written in {(time.time() - started) / 60:.1f} min")


class Selection:
    """The clips kept so far, with what is needed to cap and de-duplicate the next ones."""

    def __init__(self):
        self.kept = []
        self.per_package_class = collections.Counter()
        self.digests = set()
        self.fingerprints = segment.FingerprintIndex()
        self.dropped = collections.Counter()


def keep_events(job, samples, args, state):
    p, _, member, label = job
    if samples is None:
        state.dropped["undecodable"] += 1
        return
    events = segment.events(samples, args.per_file)
    if not events:
        state.dropped["silent"] += 1
    for start, clip in events:
        if state.per_package_class[(p["package"], label)] >= args.per_package_class:
            state.dropped["over package-class cap"] += 1
            continue
        digest = hashlib.sha1(segment.to_int16(clip).tobytes()).hexdigest()
        fingerprint, seconds = segment.fingerprint(clip), len(clip) / RATE
        if digest in state.digests or state.fingerprints.near(fingerprint, seconds, args.near_duplicate):
            state.dropped["duplicate"] += 1
            continue
        state.digests.add(digest)
        state.fingerprints.add(fingerprint, seconds)
        state.per_package_class[(p["package"], label)] += 1
        state.kept.append((p, member, label, start, clip))


def write_corpus(cache, kept, classes):
    out = os.path.join(cache, "corpus")
    manifests = {}
    summary = {split: collections.Counter() for split in SPLIT_ORDER}
    for n, (p, member, label, start, clip) in enumerate(kept):
        split = p["split"]
        directory = os.path.join(out, split)
        if split not in manifests:
            os.makedirs(os.path.join(directory, "clips"), exist_ok=True)
            manifests[split] = open(os.path.join(directory, "manifest.jsonl"), "w", encoding="utf-8")
        clip_id = f"{p['package']}/{member}@{start / RATE:.2f}"
        captions = classes[label]
        file = f"clips/{n:05d}.wav"
        wavfile.write(os.path.join(directory, file), RATE, segment.to_int16(clip))
        row = {"file": file, "class": label,
               "caption": captions[int(hashlib.sha1(clip_id.encode()).hexdigest(), 16) % len(captions)],
               "domain": "real:" + p["package"], "package": p["package"], "version": p["version"],
               "source": member, "start_s": round(start / RATE, 3), "duration_s": round(len(clip) / RATE, 3),
               "licence": p["licence"], "split": split}
        manifests[split].write(json.dumps(row) + "\n")
        summary[split][label] += 1
    for f in manifests.values():
        f.close()
    with open(os.path.join(out, "summary.json"), "w", encoding="utf-8") as f:
        json.dump({split: {"clips": sum(c.values()), "classes": len(c), "per_class": dict(sorted(c.items()))}
                   for split, c in summary.items()}, f, indent=1)
    for split, c in summary.items():
        log(f"{split}: {sum(c.values())} clips, {len(c)} classes")


def log(message):
    print(message, flush=True)


if __name__ == "__main__":
    build(parse_args(sys.argv[1:]))
