"""First-order reference for ZEBRA prompt learning: the same objective, data and model as the JVM's
forward-only optimiser, but optimised with PyTorch autograd (Adam) through the text encoder.

    ./zebra evaluate --settings hall-heavy --seeds 0 --shots 16 --methods coop,zebra --export target/ref
    /usr/bin/python3 tools/reference/first_order.py --export target/ref --method zebra \
        --compare target/evaluate/results.json

The text encoder is tools/tinyclap/model.py's TextEncoder with the weights read from the ONNX
initializers of the exported model; before optimising, its output on the exported prompts is checked
against the JVM's own text embeddings (zero-shot templates and learned prompts at the initial context).
"""
import argparse
import json
import math
import os
import sys
import time
from dataclasses import asdict, dataclass

import numpy as np
import onnx
import torch
import torch.nn.functional as F
from onnx import numpy_helper

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tinyclap"))
from model import TextEncoder  # noqa: E402  (tools/tinyclap is not a package)

# Mirrors dev.zebrastream.eval.Method: (fusion, beta, uses pool terms).
METHODS = {
    "coop": (False, 0.0, False),
    "zebra": (True, None, False),
    "zebra-pool": (True, None, True),
    "fusion-only": (True, 0.0, False),
    "beta-only": (False, None, False),
    "pool-only": (False, 0.0, True),
}
# Agreement required between this encoder and ONNX Runtime in the JVM (cosine of raw embeddings).
MIN_COSINE = 0.9999


def load_export(directory: str) -> dict:
    with open(os.path.join(directory, "meta.json")) as f:
        meta = json.load(f)
    arrays = {}
    for name, shape in meta["shapes"].items():
        arrays[name] = torch.from_numpy(np.fromfile(os.path.join(directory, name + ".f32"), dtype="<f4").reshape(shape))
    for name in ("test_labels", "shots_labels"):
        arrays[name] = torch.from_numpy(np.fromfile(os.path.join(directory, name + ".i32"), dtype="<i4").astype(np.int64))
    return {"meta": meta, **arrays}


def onnx_state_dict(path: str) -> dict:
    """TextEncoder parameters from the ONNX initializers. Named ones map directly; the exporter stores
    each Linear weight transposed under an anonymous name as the second input of a MatMul, whose
    following Add carries the named bias, which identifies the layer."""
    graph = onnx.load(path).graph
    inits = {i.name: numpy_helper.to_array(i) for i in graph.initializer}
    state = {name: value for name, value in inits.items() if not name.startswith("onnx::")}
    consumers = {}
    for node in graph.node:
        for name in node.input:
            consumers.setdefault(name, []).append(node)
    for node in graph.node:
        if node.op_type == "MatMul" and node.input[1] in inits and node.input[1].startswith("onnx::"):
            add = next(n for n in consumers[node.output[0]] if n.op_type == "Add")
            bias = next(i for i in add.input if i.endswith(".bias"))
            state[bias[: -len(".bias")] + ".weight"] = inits[node.input[1]].T.copy()
    return {k: torch.from_numpy(np.array(v, copy=True)) for k, v in state.items()}


def load_text_encoder(path: str, heads: int) -> TextEncoder:
    state = onnx_state_dict(path)
    hidden = state["positions"].shape[1]
    layers = len({k.split(".")[1] for k in state if k.startswith("layers.")})
    encoder = TextEncoder(hidden=hidden, layers=layers, heads=heads, embed_dim=state["proj.weight"].shape[0])
    encoder.load_state_dict(state, strict=True)
    return encoder.eval()


class Prompts:
    """[BOS] ctx_1..ctx_M tokens [EOS], padded with the pad embedding (mask 0), as the JVM's PromptBuilder."""

    def __init__(self, meta: dict):
        vocab, hidden = meta["vocabSize"], meta["hiddenSize"]
        table = np.fromfile(meta["tokenEmbeddings"], dtype="<f4").reshape(vocab, hidden)
        self.table = torch.from_numpy(table)
        self.bos, self.eos, self.pad = meta["bosTokenId"], meta["eosTokenId"], meta["padTokenId"]

    def batch(self, token_lists: list, context):
        """(inputs_embeds [B, L, H], attention_mask [B, L]); a fixed context goes in as it is."""
        return self.builder(token_lists, 0 if context is None else context.shape[0])(context)

    def builder(self, token_lists: list, m: int):
        """A function of the context that builds the batch: everything but the context rows is
        looked up once, so an optimisation step only splices the context in."""
        tail_length = max(len(t) for t in token_lists) + 1
        tails, masks = [], []
        for tokens in token_lists:
            ids = list(tokens) + [self.eos]
            tails.append(self.table[ids + [self.pad] * (tail_length - len(ids))])
            masks.append([1] * (1 + m + len(ids)) + [0] * (tail_length - len(ids)))
        head = self.table[[self.bos]].expand(len(token_lists), 1, -1)
        tail = torch.stack(tails)
        mask = torch.tensor(masks, dtype=torch.int64)

        def build(context):
            parts = [head] if context is None else [head, context.expand(len(token_lists), -1, -1)]
            return torch.cat(parts + [tail], dim=1), mask

        return build


def check_mapping(encoder, prompts, data):
    """Cosine between this encoder's embeddings and the JVM's, for both prompt kinds."""
    meta = data["meta"]
    with torch.no_grad():
        zero_shot = encoder(*prompts.batch(meta["zeroShotTokenIds"], None))
        learned = encoder(*prompts.batch(meta["learnedTokenIds"], data["init_context"]))
    worst = min(F.cosine_similarity(zero_shot, data["zeroshot_text"]).min().item(),
                F.cosine_similarity(learned, data["learned_text_init"]).min().item())
    diff = max((zero_shot - data["zeroshot_text"]).abs().max().item(),
               (learned - data["learned_text_init"]).abs().max().item())
    print(f"weight mapping check: min cosine {worst:.7f}, max abs diff {diff:.2e} (JVM vs PyTorch)")
    if worst < MIN_COSINE:
        raise SystemExit("text encoder mapping does not reproduce the JVM's embeddings")


def entropy(logits):
    return -(logits.softmax(1) * logits.log_softmax(1)).sum(1)


class Objective:
    """L = CE(z_l, y) - beta H(p_l) + lambda_u mean H(p_u) - lambda_div H(mean p_u), z fused as in the JVM;
    the labeled terms range over base classes, the pool terms over every class."""

    def __init__(self, data, method: str):
        meta = data["meta"]
        fusion, beta, pool = METHODS[method]
        self.a = meta["fusionWeight"] if fusion else 1.0
        self.beta = meta["beta"] if beta is None else beta
        weights = meta["poolWeights"] or {"lambdaU": 0.0, "lambdaDiv": 0.0}
        self.lambda_u, self.lambda_div = (weights["lambdaU"], weights["lambdaDiv"]) if pool else (0.0, 0.0)
        self.uses_pool = pool
        self.scale = meta["logitScale"]
        self.base = meta["baseCount"]
        self.zero_shot = F.normalize(data["zeroshot_text"], dim=1)
        self.shots = F.normalize(data["shots_audio"], dim=1)
        self.labels = data["shots_labels"]
        self.pool = F.normalize(data["pool_audio"], dim=1)

    def logits(self, audio, prompt_unit, classes):
        return self.scale * (self.a * audio @ prompt_unit[:classes].T
                             + (1 - self.a) * audio @ self.zero_shot[:classes].T)

    def __call__(self, prompt_unit, rows=None):
        """The objective, its labeled terms over the shots in rows (a minibatch) or over all of them."""
        shots, labels = (self.shots, self.labels) if rows is None else (self.shots[rows], self.labels[rows])
        z = self.logits(shots, prompt_unit, self.base)
        loss = F.cross_entropy(z, labels) - self.beta * entropy(z).mean()
        if self.uses_pool:
            zu = self.logits(self.pool, prompt_unit, prompt_unit.shape[0])
            mean_p = zu.softmax(1).mean(0)
            loss = loss + self.lambda_u * entropy(zu).mean() + self.lambda_div * (mean_p * mean_p.clamp_min(1e-30).log()).sum()
        return loss


def prompt_builder(prompts, data, objective):
    """Builds the prompts the objective needs: base classes only, or every class when the pool terms
    score the pool against all of them."""
    meta = data["meta"]
    tokens = meta["learnedTokenIds"] if objective.uses_pool else meta["learnedTokenIds"][: meta["baseCount"]]
    return prompts.builder(tokens, meta["contextLength"])


def cosine_schedule(optimizer, steps: int):
    return torch.optim.lr_scheduler.LambdaLR(optimizer, lambda t: 0.5 * (1 + math.cos(math.pi * t / steps)))


def descend(optimizer, loss):
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()


def optimise(encoder, prompts, data, objective, steps: int, lr: float):
    """Full-batch Adam with a half-cosine learning-rate decay; returns the iterate with the lowest loss
    (the JVM's optimiser keeps its best iterate the same way)."""
    build = prompt_builder(prompts, data, objective)
    context = data["init_context"].clone().requires_grad_(True)
    adam = torch.optim.Adam([context], lr=lr)
    schedule = cosine_schedule(adam, steps)
    best, best_loss = context.detach().clone(), float("inf")
    for step in range(steps + 1):
        loss = objective(F.normalize(encoder(*build(context)), dim=1))
        if loss.item() < best_loss:
            best, best_loss = context.detach().clone(), loss.item()
        if step == steps:
            break
        descend(adam, loss)
        schedule.step()
        if (step + 1) % max(1, steps // 10) == 0:
            print(f"  step {step + 1}/{steps}: loss {loss.item():.4f} (best {best_loss:.4f})", flush=True)
    return best, best_loss


@dataclass(frozen=True)
class PaperRecipe:
    """The paper's lr, momentum, epochs and batch size, with the rest from CoOp's public training loop
    (on Dassl): weight decay, minibatches of shuffled shots with the incomplete last batch dropped (once
    there is a full one), a constant warm-up learning rate for the first epochs, then a half-cosine decay
    per epoch."""
    lr: float = 0.05
    momentum: float = 0.9
    epochs: int = 50
    batch: int = 16
    weight_decay: float = 5e-4
    warmup_epochs: int = 1
    warmup_lr: float = 1e-5

    def epoch_lr(self, epoch: int) -> float:
        if epoch < self.warmup_epochs:
            return self.warmup_lr
        return 0.5 * self.lr * (1 + math.cos(math.pi * (epoch - self.warmup_epochs) / self.epochs))


def optimise_paper(encoder, prompts, data, objective, recipe: PaperRecipe):
    """The paper's recipe, seeded by the run seed; keeps the last iterate. Returns the context and the
    full-batch objective there."""
    build = prompt_builder(prompts, data, objective)
    context = data["init_context"].clone().requires_grad_(True)
    count = objective.labels.shape[0]
    sgd = torch.optim.SGD([context], lr=recipe.lr, momentum=recipe.momentum, weight_decay=recipe.weight_decay)
    order = torch.Generator().manual_seed(data["meta"]["seed"])
    for epoch in range(recipe.epochs):
        for group in sgd.param_groups:
            group["lr"] = recipe.epoch_lr(epoch)
        batches = torch.randperm(count, generator=order).split(recipe.batch)
        if count >= recipe.batch and len(batches[-1]) < recipe.batch:
            batches = batches[:-1]
        for rows in batches:
            descend(sgd, objective(F.normalize(encoder(*build(context)), dim=1), rows))
        if (epoch + 1) % max(1, recipe.epochs // 10) == 0:
            print(f"  epoch {epoch + 1}/{recipe.epochs}: lr {recipe.epoch_lr(epoch):.5f}", flush=True)
    with torch.no_grad():
        loss = objective(F.normalize(encoder(*build(context)), dim=1)).item()
    return context.detach(), loss


def evaluate(encoder, prompts, data, objective, context):
    meta = data["meta"]
    with torch.no_grad():
        prompt_unit = F.normalize(encoder(*prompts.batch(meta["learnedTokenIds"], context)), dim=1)
        z = objective.logits(F.normalize(data["test_audio"], dim=1), prompt_unit, prompt_unit.shape[0])
    return accuracies(z, data)


def evaluate_zero_shot(data, objective):
    """The hand-written template alone, scored as the adapted prompts are (for the dilemma check)."""
    z = objective.scale * F.normalize(data["test_audio"], dim=1) @ objective.zero_shot.T
    return accuracies(z, data)


def accuracies(z, data):
    """Base windows classified among base classes, novel among novel classes; (base, novel, HM)."""
    labels, base = data["test_labels"], data["meta"]["baseCount"]
    is_base = labels < base
    base_acc = (z[is_base, :base].argmax(1) == labels[is_base]).float().mean().item()
    novel_acc = ((z[~is_base, base:].argmax(1) + base) == labels[~is_base]).float().mean().item()
    hm = 0.0 if base_acc + novel_acc == 0 else 2 * base_acc * novel_acc / (base_acc + novel_acc)
    return base_acc, novel_acc, hm


def jvm_row(path: str, meta: dict, method: str):
    with open(path) as f:
        rows = json.load(f)["results"]
    return next((r for r in rows if r["method"] == method and r["setting"] == meta["setting"]
                 and r["seed"] == meta["seed"] and r["shots"] == meta["shots"]), None)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--export", required=True, help="directory written by ./zebra evaluate --export")
    parser.add_argument("--method", default="zebra", choices=sorted(METHODS))
    parser.add_argument("--optimizer", default="adam", choices=("adam", "paper"),
                        help="adam: full-batch Adam, best iterate (default); paper: the paper's minibatch SGD")
    parser.add_argument("--steps", type=int, default=300, help="Adam steps (default 300)")
    parser.add_argument("--lr", type=float, help="learning rate (default 0.01 for adam, 0.05 for paper)")
    defaults = PaperRecipe()
    parser.add_argument("--epochs", type=int, default=defaults.epochs, help="paper: epochs (default %(default)s)")
    parser.add_argument("--batch", type=int, default=defaults.batch, help="paper: minibatch size (default %(default)s)")
    parser.add_argument("--momentum", type=float, default=defaults.momentum, help="paper: SGD momentum (default %(default)s)")
    parser.add_argument("--weight-decay", type=float, default=defaults.weight_decay,
                        help="paper: SGD weight decay (default %(default)s)")
    parser.add_argument("--warmup-epochs", type=int, default=defaults.warmup_epochs,
                        help="paper: epochs at the constant warm-up lr %s first (default %%(default)s)" % defaults.warmup_lr)
    parser.add_argument("--heads", type=int, default=4, help="attention heads of the text encoder (default 4)")
    parser.add_argument("--threads", type=int, default=2, help="torch threads (default 2)")
    parser.add_argument("--compare", help="results.json of the JVM run on the same export, to print the gap")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)

    data = load_export(args.export)
    meta = data["meta"]
    encoder = load_text_encoder(meta["textEncoder"], args.heads)
    for p in encoder.parameters():
        p.requires_grad_(False)
    prompts = Prompts(meta)
    check_mapping(encoder, prompts, data)

    objective = Objective(data, args.method)
    if args.optimizer == "paper":
        paper = PaperRecipe(lr=defaults.lr if args.lr is None else args.lr, momentum=args.momentum, epochs=args.epochs,
                            batch=args.batch, weight_decay=args.weight_decay, warmup_epochs=args.warmup_epochs)
        recipe = {"optimizer": "paper", **asdict(paper)}
    else:
        recipe = {"steps": args.steps, "lr": 0.01 if args.lr is None else args.lr}
    print(f"{meta['setting']} seed {meta['seed']}, {meta['shots']} shots, method {args.method}: {recipe}")
    started = time.time()
    if args.optimizer == "paper":
        context, loss = optimise_paper(encoder, prompts, data, objective, paper)
    else:
        context, loss = optimise(encoder, prompts, data, objective, args.steps, recipe["lr"])
    seconds = time.time() - started
    base, novel, hm = evaluate(encoder, prompts, data, objective, context)
    zs_base, zs_novel, zs_hm = evaluate_zero_shot(data, objective)
    print(f"first-order: base {100 * base:.2f} novel {100 * novel:.2f} HM {100 * hm:.2f} "
          f"(objective {loss:.4f}, {seconds:.1f} s); zero-shot: base {100 * zs_base:.2f} novel {100 * zs_novel:.2f}")
    print(json.dumps({"method": args.method, "setting": meta["setting"], "seed": meta["seed"], "shots": meta["shots"],
                      "base": base, "novel": novel, "hm": hm, "loss": loss, "seconds": round(seconds, 2), **recipe,
                      "zeroshot": {"base": zs_base, "novel": zs_novel, "hm": zs_hm}}))
    if args.compare:
        row = jvm_row(args.compare, meta, args.method)
        if row is None:
            print(f"no JVM result for {args.method} at this setting/seed/shots in {args.compare}")
        else:
            print(f"forward-only (JVM): base {100 * row['base']:.2f} novel {100 * row['novel']:.2f} "
                  f"HM {100 * row['hm']:.2f} ({row['seconds']:.1f} s); HM gap {100 * (hm - row['hm']):+.2f} points")


if __name__ == "__main__":
    main()
