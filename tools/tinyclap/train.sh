#!/usr/bin/env bash
# Builds tiny-clap end to end: render the procedural corpus with the Java `synth` command,
# train on it and on the real-audio corpus of tools/realaudio (built first when missing),
# export models/tiny-clap/ and write the golden fixtures for the Java tests.
# Environment overrides: PYTHON, WORK, REAL (real-audio corpus dir), TRAIN_PER_CLASS,
# VAL_PER_CLASS, DEPLOY_PER_CLASS, MAX_MINUTES, EPOCHS, THREADS.
set -euo pipefail
cd "$(dirname "$0")/../.."

PYTHON=${PYTHON:-/usr/bin/python3}          # Debian python3-torch / python3-onnx
WORK=${WORK:-tools/tinyclap/work}
TRAIN_PER_CLASS=${TRAIN_PER_CLASS:-150}
VAL_PER_CLASS=${VAL_PER_CLASS:-15}
DEPLOY_PER_CLASS=${DEPLOY_PER_CLASS:-30}
MAX_MINUTES=${MAX_MINUTES:-70}
EPOCHS=${EPOCHS:-60}
REAL=${REAL:-${ZEBRA_REALAUDIO_CACHE:-$HOME/.cache/zebra-stream/realaudio}/corpus}
THREADS=${THREADS:-2}

[ -f target/zebra-stream.jar ] || mvn -q -B -o package -DskipTests

render() {  # render DIR DOMAIN PER_CLASS SEED (skipped when DIR already holds a corpus)
  [ -f "$1/manifest.jsonl" ] || java -cp 'target/zebra-stream.jar:target/lib/*' dev.zebrastream.cli.ZebraCli synth \
      --out "$1" --domain "$2" --per-class "$3" --seed "$4" --seconds 2 --sample-rate 16000
}
render "$WORK/corpus/train" train "$TRAIN_PER_CLASS" 1
render "$WORK/corpus/val" clean "$VAL_PER_CLASS" 2
render "$WORK/corpus/deploy" deployment "$DEPLOY_PER_CLASS" 3

[ -f "$REAL/train/manifest.jsonl" ] || ZEBRA_REALAUDIO_CACHE="$(dirname "$REAL")" tools/realaudio/build.sh

"$PYTHON" tools/tinyclap/train.py --train "$WORK/corpus/train" --train "$REAL/train" \
    --real-select "$REAL/select" --real-test "$REAL/test" --val "$WORK/corpus/val" --deploy "$WORK/corpus/deploy" \
    --work "$WORK/run" --max-minutes "$MAX_MINUTES" --epochs "$EPOCHS" --threads "$THREADS"
"$PYTHON" tools/tinyclap/export.py --work "$WORK/run" --out models/tiny-clap
"$PYTHON" tools/tinyclap/fixtures.py --work "$WORK/run" --model models/tiny-clap --val "$WORK/corpus/val" \
    --out src/test/resources/golden/tiny-clap
