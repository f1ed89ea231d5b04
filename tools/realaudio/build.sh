#!/usr/bin/env bash
# Rebuilds the real-audio corpus from the pinned Debian packages in packages.tsv.
#   tools/realaudio/build.sh            # cache in $ZEBRA_REALAUDIO_CACHE or ~/.cache/zebra-stream/realaudio
# Needs apt-get (Debian bookworm sources), dpkg-deb, ffmpeg and Debian's python3-numpy/python3-scipy.
set -euo pipefail
cd "$(dirname "$0")"
CACHE=${ZEBRA_REALAUDIO_CACHE:-$HOME/.cache/zebra-stream/realaudio}
PYTHON=${PYTHON:-/usr/bin/python3}
JOBS=${JOBS:-2}
for tool in apt-get dpkg-deb ffmpeg "$PYTHON"; do
  command -v "$tool" > /dev/null || { echo "build.sh: needs $tool on PATH" >&2; exit 2; }
done
mkdir -p "$CACHE"
rm -rf "$CACHE/corpus"
exec "$PYTHON" build.py --cache "$CACHE" --jobs "$JOBS" "$@"
