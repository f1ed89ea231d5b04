"""Issue 4's bar on first-order runs: a markdown table per setting and shot count of zero-shot, CoOp and
ZEBRA (mean over seeds), whether CoOp's mean novel accuracy is below zero-shot's (a dilemma cell), and
ZEBRA's HM minus CoOp's there.

    /usr/bin/python3 tools/reference/dilemma_table.py docs/results/reference/paper-recipe/first_order.jsonl

Reads the JSON lines first_order.py prints (each carries the zero-shot accuracies of its export).
"""
import json
import statistics
import sys
from collections import defaultdict


def load(path: str) -> dict:
    """(setting, shots, method) -> {seed: row}."""
    cells = defaultdict(dict)
    with open(path) as f:
        for line in f:
            if line.startswith("{"):
                row = json.loads(line)
                cells[(row["setting"], row["shots"], row["method"])][row["seed"]] = row
    return cells


def mean(rows, key):
    return 100 * statistics.mean(key(r) for r in rows)


def triple(rows, key=lambda r: r):
    return " / ".join(f"{mean(rows, lambda r, f=f: key(r)[f]):.1f}" for f in ("base", "novel", "hm"))


def main():
    cells = load(sys.argv[1])
    print("| setting | shots | seeds | zero-shot | CoOp | ZEBRA | CoOp novel − ZS novel | ZEBRA − CoOp HM |")
    print("|---|---|---|---|---|---|---|---|")
    for setting, shots in sorted({(s, k) for s, k, _ in cells}):
        coop, zebra = cells.get((setting, shots, "coop"), {}), cells.get((setting, shots, "zebra"), {})
        seeds = sorted(set(coop) & set(zebra))
        if not seeds:
            continue
        coop_rows, zebra_rows = [coop[s] for s in seeds], [zebra[s] for s in seeds]
        drop = mean(coop_rows, lambda r: r["novel"]) - mean(coop_rows, lambda r: r["zeroshot"]["novel"])
        gap = mean(zebra_rows, lambda r: r["hm"]) - mean(coop_rows, lambda r: r["hm"])
        dilemma = "**dilemma**" if drop < 0 else ""
        print(f"| {setting} | {shots} | {len(seeds)} | {triple(coop_rows, lambda r: r['zeroshot'])} "
              f"| {triple(coop_rows)} | {triple(zebra_rows)} | {drop:+.1f} {dilemma} | {gap:+.1f} |")


if __name__ == "__main__":
    main()
