#!/bin/bash
# Run from the repository root. The paper's own recipe (first-order minibatch SGD, lr 0.05, momentum 0.9,
# 50 epochs, batch 16) for CoOp and ZEBRA on the data of the two long-training settings, every shot count and
# seed: does the paper's optimiser, rather than our forward-only one, meet issue 4's bar on this model?
set -e
mkdir -p target/paper-recipe
: > target/paper-recipe/first_order.jsonl
for s in mic-long hall-long; do for seed in 0 1 2; do for k in 1 2 4 8 16; do
  ./zebra evaluate --settings $s --seeds $seed --shots $k --methods zeroshot --out target/paper-recipe/$s-$seed-$k \
      --export target/paper-recipe/export-$s-$seed-$k > target/paper-recipe/$s-$seed-$k.log 2>&1
  for m in coop zebra; do
    /usr/bin/python3 tools/reference/first_order.py --export target/paper-recipe/export-$s-$seed-$k --method $m \
        --optimizer paper | grep "^{" >> target/paper-recipe/first_order.jsonl
  done
done; done; done
cp target/paper-recipe/first_order.jsonl docs/results/reference/paper-recipe/
/usr/bin/python3 tools/reference/dilemma_table.py docs/results/reference/paper-recipe/first_order.jsonl \
    > docs/results/reference/paper-recipe/table.md
