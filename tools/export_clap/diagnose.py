#!/usr/bin/env python3
"""Why does a full-size random CLAP export disagree with PyTorch? Evidence, one stage per call.

    python3 diagnose.py prepare CKPT                 # random full-size ClapModel (HTSAT-unfused + RoBERTa-base)
    python3 diagnose.py text CKPT legacy|dynamo REPORT.jsonl
    python3 diagnose.py audio CKPT HF_FEATURES_DIR legacy|dynamo REPORT.jsonl

Each stage exports one tower, then compares, case by case (batch sizes, prompt lengths, padding):
ONNX Runtime with all graph optimisations and with none, PyTorch fp32 on the CPU, PyTorch fp32 on CUDA
(TF32 off) when there is a GPU, and PyTorch fp64 on the CPU as the reference. If PyTorch's own fp32
runs disagree with fp64 as much as ONNX Runtime does, the PyTorch side is not what it seems (that
is how the training-mode bug of docs/results/export-clap was found); if only ONNX Runtime disagrees,
the graph is wrong (and the cases say where).
"""
import json
import os
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from export_clap import IR_VERSION, OPSET, AudioTower, TextTower, cosines  # noqa: E402

BOS, PAD, EOS = 0, 1, 2


def prepare(ckpt):
    """Random weights at the default (clap-htsat-unfused) sizes, with the tiny BPE and LAION's extractor
    settings beside them, so export_clap.py can also export the directory at full size."""
    from transformers import ClapConfig, ClapFeatureExtractor, ClapModel
    from tiny_checkpoint import EXTRACTOR, tokenizer
    torch.manual_seed(0)
    ClapModel(ClapConfig()).save_pretrained(ckpt)
    tokenizer().save_pretrained(ckpt)
    ClapFeatureExtractor(**EXTRACTOR).save_pretrained(ckpt)
    print(f"wrote {ckpt}")


def load(ckpt):
    from transformers import ClapModel
    return ClapModel.from_pretrained(ckpt, attn_implementation="eager").eval()


def text_cases(table):
    rng = np.random.default_rng(0)

    def ids(n):
        return [BOS] + list(rng.integers(3, table.shape[0] - 1, n - 2)) + [EOS]

    def batch(seqs):
        length = max(len(s) for s in seqs)
        mask = np.array([[1] * len(s) + [0] * (length - len(s)) for s in seqs], dtype=np.int64)
        padded = np.array([s + [PAD] * (length - len(s)) for s in seqs])
        return table[padded].astype(np.float32), mask, padded

    a, b, c = ids(12), ids(7), ids(20)
    return {"len12 (traced)": batch([a]), "len7": batch([b]), "len20": batch([c]), "batch3 padded": batch([a, b, c])}


def audio_cases(features_dir):
    with open(os.path.join(features_dir, "index.json")) as f:
        signals = sorted(json.load(f)["signals"].values(), key=lambda s: s["features"]["file"])
    real = np.stack([np.fromfile(os.path.join(features_dir, s["features"]["file"]), dtype="<f4")
                     .reshape(s["features"]["shape"]) for s in signals])[:, None]
    noise = (np.random.default_rng(0).standard_normal((3, 1, 1001, 64)) * 20 - 40).astype(np.float32)
    return {"real batch 1": (real[:1],), "real batch 5": (real,), "noise batch 3": (noise,)}


def run_torch(tower, inputs, dtype, device):
    module = tower.to(device=device, dtype=dtype)
    args = [torch.from_numpy(x).to(device) for x in inputs]
    args = [x.to(dtype) if x.is_floating_point() else x for x in args]
    with torch.no_grad():
        return module(*args).double().cpu().numpy()


def ort_sessions(path):
    import onnxruntime as ort
    sessions = {}
    for name, level in (("ort all-opt", ort.GraphOptimizationLevel.ORT_ENABLE_ALL),
                        ("ort no-opt", ort.GraphOptimizationLevel.ORT_DISABLE_ALL)):
        options = ort.SessionOptions()
        options.graph_optimization_level = level
        sessions[name] = ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])
    return sessions


def compare(tower, path, names, cases, extra=None):
    """Cosine (min over the batch) and relative error of every run against PyTorch fp64, per case."""
    sessions = ort_sessions(path)
    rows = {}
    for case, inputs in cases.items():
        ref = run_torch(tower, inputs, torch.float64, "cpu")
        runs = {"torch fp32 cpu": run_torch(tower, inputs, torch.float32, "cpu")}
        if torch.cuda.is_available():
            runs["torch fp32 cuda"] = run_torch(tower, inputs, torch.float32, "cuda")
            tower.to("cpu")
        for name, session in sessions.items():
            runs[name] = session.run(None, dict(zip(names, inputs)))[0].astype(np.float64)
        if extra:
            runs.update(extra(case, inputs))
        rows[case] = {name: {"cos_vs_fp64": float(cosines(ref, out).min()),
                             "cos_vs_torch32": float(cosines(runs["torch fp32 cpu"], out).min()),
                             "rel_err_vs_fp64": float(np.linalg.norm(out - ref) / np.linalg.norm(ref))}
                      for name, out in runs.items()}
        rows[case]["fp64 output norm"] = float(np.linalg.norm(ref, axis=1).mean())
    return rows


def export_graph(module, inputs, names, axes, path, exporter):
    started = time.time()
    if exporter == "legacy":
        torch.onnx.export(module, inputs, path, input_names=names, output_names=["out"], dynamic_axes=axes,
                          opset_version=OPSET, do_constant_folding=True, dynamo=False)
    else:
        # torch.export specialises a dimension whose example size is 1: trace dynamo on a padded batch of 3.
        dims = {label: torch.export.Dim(label) for spec in axes.values() for label in spec.values()}
        shapes = tuple({axis: dims[label] for axis, label in axes[name].items()} for name in names)
        torch.onnx.export(module, inputs, path, input_names=names, output_names=["out"], dynamic_shapes=shapes,
                          opset_version=18, dynamo=True)
    import onnx
    proto = onnx.load(path)
    proto.ir_version = min(proto.ir_version, IR_VERSION)
    onnx.save(proto, path)
    return time.time() - started


def text(ckpt, exporter, report):
    model = load(ckpt)
    table = model.text_model.embeddings.word_embeddings.weight.detach().numpy()
    cases = text_cases(table)
    tower = TextTower(model)
    embeds, mask, _ = cases["len12 (traced)" if exporter == "legacy" else "batch3 padded"]
    path = f"/tmp/text_{exporter}.onnx"
    axes = {"inputs_embeds": {0: "batch", 1: "length"}, "attention_mask": {0: "batch", 1: "length"}}
    seconds = export_graph(tower, (torch.from_numpy(embeds), torch.from_numpy(mask)), ["inputs_embeds", "attention_mask"],
                           axes, path, exporter)

    def extra(case, inputs):
        """PyTorch on input_ids (positions from ids) and PyTorch with the mask ignored: which one ONNX matches."""
        _, mask_case, ids = cases[case]
        with torch.no_grad():
            by_ids = model.text_projection(model.text_model(input_ids=torch.from_numpy(ids),
                                                            attention_mask=torch.from_numpy(mask_case)).pooler_output)
            unmasked = tower(torch.from_numpy(inputs[0]), torch.ones_like(torch.from_numpy(mask_case)))
        return {"torch fp32 input_ids": by_ids.double().numpy(), "torch fp32 mask ignored": unmasked.double().numpy()}

    rows = compare(tower.float(), path, ["inputs_embeds", "attention_mask"],
                   {k: (v[0], v[1]) for k, v in cases.items()}, extra)
    emit(report, {"stage": "text", "exporter": exporter,
                  "export_seconds": round(seconds, 1), "cases": rows})


def audio(ckpt, features_dir, exporter, report):
    tower = AudioTower(load(ckpt))
    path = f"/tmp/audio_{exporter}.onnx"
    example = torch.zeros(1 if exporter == "legacy" else 2, 1, 1001, 64)
    seconds = export_graph(tower, (example,), ["input_features"], {"input_features": {0: "batch"}}, path, exporter)
    rows = compare(tower.float(), path, ["input_features"], audio_cases(features_dir))
    emit(report, {"stage": "audio", "exporter": exporter, "export_seconds": round(seconds, 1), "cases": rows})


def emit(report, record):
    with open(report, "a") as f:
        f.write(json.dumps(record) + "\n")
    print(json.dumps(record, indent=1))


def main():
    torch.backends.cuda.matmul.allow_tf32 = False
    torch.backends.cudnn.allow_tf32 = False
    stage = sys.argv[1]
    if stage == "prepare":
        prepare(sys.argv[2])
    elif stage == "text":
        text(*sys.argv[2:5])
    elif stage == "audio":
        audio(*sys.argv[2:6])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
