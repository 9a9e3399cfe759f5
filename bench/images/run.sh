#!/usr/bin/env bash
# Image pipeline throughput: ours vs torchvision 0.14 (PIL backend) vs OpenCV, one thread, same JPEGs,
# measured back to back in interleaved rounds; prints median ratios with their spread.
# Usage: bash bench/images/run.sh [ROUNDS] [SECONDS_PER_MEASUREMENT]
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-5}; secs=${2:-4}
out=bench/out; mkdir -p "$out"
[ -d "$out/jpegs" ] || /usr/bin/python3 bench/images/make_jpegs.py "$out/jpegs"
dotnet build bench/Augment.Bench -c Release -o "$out/bin" >/dev/null
results="$out/images-results.txt"; : > "$results"
for r in $(seq 1 "$rounds"); do
  dotnet "$out/bin/Augment.Bench.dll" images "$out/jpegs" "$secs" decode,ours-A,ours-B | sed "s/^/$r /" | tee -a "$results"
  OMP_NUM_THREADS=1 /usr/bin/python3 bench/images/reference.py "$out/jpegs" "$secs" pil-decode,torchvision-A,torchvision-B,opencv-A,opencv-B | sed "s/^/$r /" | tee -a "$results"
done
dotnet "$out/bin/Augment.Bench.dll" images "$out/jpegs" "$secs" ours-A-2w,ours-B-2w | sed "s/^/0 /" | tee -a "$results"
/usr/bin/python3 bench/ratios.py "$results" \
  "ours-A/torchvision-A" "ours-A/opencv-A" "ours-B/torchvision-B" "ours-B/opencv-B" "decode/pil-decode" \
  "ours-A-2w/ours-A" "ours-B-2w/ours-B"
