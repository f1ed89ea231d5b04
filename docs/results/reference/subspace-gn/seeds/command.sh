#!/bin/bash
# run from the repository root; seed 0 of both budgets and its first-order lines are in ../
for s in mic-mid factory-mild hall-heavy; do for seed in 1 2; do
  ./zebra evaluate --settings $s/optimizer=subspace-gn/steps=30/directions=64,$s/optimizer=subspace-gn/steps=15/directions=32/lr=0.03 --seeds $seed --shots 16 --methods coop,zebra --out target/gap/$s-$seed --export target/ref3/$s-$seed > target/gap/$s-$seed.log 2>&1
  for m in coop zebra; do /usr/bin/python3 tools/reference/first_order.py --export target/ref3/$s-$seed --method $m --threads 1 | grep "^{" >> target/gap/first_order.jsonl; done
done; done
# then: copy target/gap/*/results.json to seeds/<setting>-<seed>.results.json and target/gap/first_order.jsonl to seeds/
python3 tools/reference/seed_gaps.py > docs/results/reference/subspace-gn/seeds/gaps.txt
