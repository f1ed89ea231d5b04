"""Exports a trained tiny-clap checkpoint into the model contract (docs/model-contract.md):

    /usr/bin/python3 tools/tinyclap/export.py --work tools/tinyclap/work/run --out models/tiny-clap
"""
import argparse
import hashlib
import json
import os
import shutil

import onnx
import torch

import data
import features
from bpe import BOS_ID, EOS_ID, PAD_ID
from model import TinyClap

OPSET = 17
ONNX_NAMES = {
    "audio_input": "input_features", "audio_output": "audio_embeds",
    "text_inputs_embeds": "inputs_embeds", "text_attention_mask": "attention_mask",
    "text_position_ids": "position_ids", "text_output": "text_embeds",
}


def load_trained(work_dir: str) -> tuple:
    """(model in eval mode, sorted class names) from WORK/checkpoint.pt."""
    checkpoint = torch.load(os.path.join(work_dir, "checkpoint.pt"))
    model = TinyClap(vocab_size=checkpoint["vocab_size"], n_mels=features.TINY_CLAP.n_mels)
    model.load_state_dict(checkpoint["model"])
    return model.eval(), checkpoint["classes"]


def export_audio(model: TinyClap, path: str):
    fe = features.TINY_CLAP
    dummy = torch.zeros(2, 1, fe.n_frames, fe.n_mels) - 40.0
    torch.onnx.export(model.audio, (dummy,), path, opset_version=OPSET,
                      input_names=[ONNX_NAMES["audio_input"]], output_names=[ONNX_NAMES["audio_output"]],
                      dynamic_axes={ONNX_NAMES["audio_input"]: {0: "B", 2: "T"}, ONNX_NAMES["audio_output"]: {0: "B"}})


def export_text(model: TinyClap, path: str):
    hidden = model.token_embeddings.embedding_dim
    embeds = torch.randn(2, 7, hidden) * 0.02
    mask = torch.tensor([[1] * 7, [1] * 5 + [0] * 2], dtype=torch.int64)
    names = [ONNX_NAMES["text_inputs_embeds"], ONNX_NAMES["text_attention_mask"]]
    torch.onnx.export(model.text, (embeds, mask), path, opset_version=OPSET,
                      input_names=names, output_names=[ONNX_NAMES["text_output"]],
                      dynamic_axes={names[0]: {0: "B", 1: "L"}, names[1]: {0: "B", 1: "L"},
                                    ONNX_NAMES["text_output"]: {0: "B"}})


def check_onnx(path: str, inputs: list, output: str):
    graph_model = onnx.load(path)
    onnx.checker.check_model(graph_model)
    actual_inputs = [i.name for i in graph_model.graph.input]
    actual_outputs = [o.name for o in graph_model.graph.output]
    if actual_inputs != inputs or actual_outputs != [output]:
        raise RuntimeError(f"{path}: inputs {actual_inputs}, outputs {actual_outputs}")


def sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def fingerprint(file_hashes: dict) -> str:
    lines = sorted(f"{name}:{digest}" for name, digest in file_hashes.items())
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def manifest(model: TinyClap, classes: list, file_hashes: dict) -> dict:
    embeddings = model.token_embeddings.weight
    return {
        "name": "tiny-clap",
        "version": "2",
        "audio": features.TINY_CLAP.manifest_block(),
        "text": {
            "tokenizer": "tokenizer.json",
            "token_embeddings": "token_embeddings.f32",
            "vocab_size": embeddings.shape[0],
            "hidden_size": embeddings.shape[1],
            "max_length": data.MAX_TEXT_LENGTH,
            "bos_token_id": BOS_ID,
            "eos_token_id": EOS_ID,
            "pad_token_id": PAD_ID,
            "position_ids": False,
            "zero_shot_template": data.ZERO_SHOT_TEMPLATE,
        },
        "embedding_dim": model.text.proj.out_features,
        "logit_scale": round(model.scale().item(), 4),
        "classes": classes,
        "onnx": ONNX_NAMES,
        "files": file_hashes,
        "fingerprint": fingerprint(file_hashes),
    }


def export(work_dir: str, out_dir: str):
    model, classes = load_trained(work_dir)
    os.makedirs(out_dir, exist_ok=True)
    audio_path = os.path.join(out_dir, "audio_encoder.onnx")
    text_path = os.path.join(out_dir, "text_encoder.onnx")
    with torch.no_grad():
        export_audio(model, audio_path)
        export_text(model, text_path)
    check_onnx(audio_path, [ONNX_NAMES["audio_input"]], ONNX_NAMES["audio_output"])
    check_onnx(text_path, [ONNX_NAMES["text_inputs_embeds"], ONNX_NAMES["text_attention_mask"]], ONNX_NAMES["text_output"])
    model.token_embeddings.weight.detach().numpy().astype("<f4").tofile(os.path.join(out_dir, "token_embeddings.f32"))
    shutil.copyfile(os.path.join(work_dir, "tokenizer.json"), os.path.join(out_dir, "tokenizer.json"))

    names = ["audio_encoder.onnx", "text_encoder.onnx", "token_embeddings.f32", "tokenizer.json"]
    file_hashes = {name: sha256(os.path.join(out_dir, name)) for name in names}
    with open(os.path.join(out_dir, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest(model, classes, file_hashes), f, indent=2)
        f.write("\n")
    for name in names + ["manifest.json"]:
        print(f"{name}: {os.path.getsize(os.path.join(out_dir, name)) / 1e6:.2f} MB")


if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--work", required=True, help="training work dir with checkpoint.pt and tokenizer.json")
    p.add_argument("--out", required=True, help="model directory to write")
    a = p.parse_args()
    export(a.work, a.out)
