#!/usr/bin/env bash
# The one prepared run of issue 5 on the lent GPU machine (torch + transformers there, no Java):
#  1. a random tiny CLAP checkpoint, exported through the documented real-checkpoint path, with
#     goldens -> $OUT/fixture.tgz (committed as src/test/resources/models/clap-htsat-tiny);
#  2. a random full-size CLAP (clap-htsat-unfused sizes) exported the same way (self-check only), and
#     the diagnosis of its towers (diagnose.py) -> $OUT/diagnose.jsonl.
# Run from the repository root:  OUT=/tmp/out tools/export_clap/device_check.sh
set -u
export PYTHONUNBUFFERED=1 HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 TOKENIZERS_PARALLELISM=false
OUT=${OUT:-/tmp/out}
HERE=tools/export_clap
FEATURES=src/test/resources/golden/hf-clap
mkdir -p "$OUT" /tmp/fixture
stage() { echo "=== $1 (t=${SECONDS}s)"; }
{
  stage versions
  python3 -c "import sys, torch, transformers, onnx, onnxruntime, tokenizers; print(sys.version.split()[0], 'torch', torch.__version__, 'transformers', transformers.__version__, 'onnx', onnx.__version__, 'onnxruntime', onnxruntime.__version__, 'tokenizers', tokenizers.__version__, 'cuda', torch.cuda.is_available())"
  nvidia-smi -L
  stage "tiny checkpoint"
  timeout 120 python3 $HERE/tiny_checkpoint.py /tmp/clap-htsat-tiny
  stage "export tiny (eager) with goldens"
  timeout 180 python3 $HERE/export_clap.py --checkpoint /tmp/clap-htsat-tiny --out /tmp/fixture/clap-htsat-tiny \
    --goldens $FEATURES; echo "export rc=$?"
  tar czf "$OUT/fixture.tgz" -C /tmp/fixture clap-htsat-tiny
  stage "full-size random checkpoint"
  timeout 150 python3 $HERE/diagnose.py prepare /tmp/full
  stage "export full-size"
  timeout 240 python3 $HERE/export_clap.py --checkpoint /tmp/full --out /tmp/full-export; echo "export full rc=$?"
  cp /tmp/full-export/export_check.json "$OUT/export_check_full.json"
  cp /tmp/full-export/manifest.json "$OUT/manifest_full.json"
  for exporter in legacy dynamo; do
    stage "text $exporter"
    timeout 120 python3 $HERE/diagnose.py text /tmp/full $exporter "$OUT/diagnose.jsonl"
    stage "audio $exporter"
    timeout 180 python3 $HERE/diagnose.py audio /tmp/full $FEATURES $exporter "$OUT/diagnose.jsonl"
  done
  stage done
} 2>&1 | tee "$OUT/device.log"
