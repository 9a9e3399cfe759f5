#!/usr/bin/env bash
# Results table of docs/trainer.md: Fashion-MNIST (Debian's dataset-fashion-mnist), the README's small CNN
# (2 conv + 2 dense), Adam 1e-3, batch 128, same budget per row, each row with and without the trick.
#   (a) 1,000 training images: augmentation (random crop pad 2 + horizontal flip) vs none
#   (b) full data: cosine schedule + early stopping vs constant LR
#   (c) classes 5-9 kept at 5%: none vs class weights vs balanced sampling
# Prints one markdown row per configuration: median over seeds of test accuracy, macro-F1, worst-class recall.
# Usage: bench/trainer/results.sh [--seeds "1 2 3"] [--epochs 3] [--small-epochs 15] [--threads 1] [--out DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
seeds="1 2 3"; epochs=3; small_epochs=15; threads=1; out=bench/trainer/out
while [ $# -gt 0 ]; do
  case "$1" in
    --seeds) seeds="$2"; shift 2;; --epochs) epochs="$2"; shift 2;; --small-epochs) small_epochs="$2"; shift 2;;
    --threads) threads="$2"; shift 2;; --out) out="$2"; shift 2;; *) echo "unknown option $1" >&2; exit 2;;
  esac
done
export OMP_WAIT_POLICY=PASSIVE DOTNET_CLI_TELEMETRY_OPTOUT=1
dotnet build src/Augment.Cli -c Release -v q -nologo | tail -n 2
augment=(dotnet src/Augment.Cli/bin/Release/net10.0/augment.dll)
mkdir -p "$out"
cat > "$out/cropflip.json" <<'JSON'
{"nodes":[{"id":"crop","randomCrop":{"width":28,"height":28,"padding":2}},{"id":"flip","p":0.5,"horizontalFlip":{}}]}
JSON
common=(--dataset fashion-mnist --model cnn --optimizer adam --lr 1e-3 --batch-size 128 --threads "$threads")

run() { # name, extra args...
  local name="$1"; shift
  for s in $seeds; do
    local dir="$out/$name/seed-$s"; mkdir -p "$out/$name"
    if [ ! -f "$dir/metrics.json" ]; then
      "${augment[@]}" train "${common[@]}" --seed "$s" --out "$dir" "$@" > "$dir.log" 2>&1 || { echo "run $name seed $s failed: see $dir.log" >&2; exit 1; }
    fi
  done
}
summarise() { # name, label
  /usr/bin/python3 - "$out/$1" "$2" <<'PY'
import json, statistics, sys, glob
runs = [json.load(open(p)) for p in sorted(glob.glob(sys.argv[1] + "/seed-*/metrics.json"))]
med = lambda k: statistics.median(r[k] for r in runs)
secs = statistics.median(sum(e["seconds"] for e in r["epochs"]) / len(r["epochs"]) for r in runs)
print(f"| {sys.argv[2]} | {len(runs)} | {med('train_samples')} | {100*med('test_accuracy'):.1f}% | {med('test_macro_f1'):.3f} | {100*med('test_worst_recall'):.1f}% | {secs:.0f} s |")
PY
}

run a-none        --train-size 1000 --epochs "$small_epochs" --val-fraction 0.1
run a-augment     --train-size 1000 --epochs "$small_epochs" --val-fraction 0.1 --pipeline "$out/cropflip.json"
run b-constant    --epochs "$epochs" --val-fraction 0.1
run b-schedule-es --epochs "$epochs" --val-fraction 0.1 --schedule cosine --per-step --early-stopping 10
imb=(--epochs "$epochs" --val-fraction 0.1 --minority-classes 5,6,7,8,9 --minority-fraction 0.05)
run c-none        "${imb[@]}"
run c-weights     "${imb[@]}" --class-weights
run c-balanced    "${imb[@]}" --balanced

echo "| configuration | seeds | train samples | test accuracy | macro-F1 | worst-class recall | s/epoch |"
echo "|---|---|---|---|---|---|---|"
summarise a-none        "(a) 1,000 images, no augmentation, $small_epochs epochs"
summarise a-augment     "(a) 1,000 images, crop(pad 2) + flip, $small_epochs epochs"
summarise b-constant    "(b) full data, constant LR, $epochs epochs"
summarise b-schedule-es "(b) full data, cosine (per step) + early stopping, $epochs epochs"
summarise c-none        "(c) classes 5-9 at 5%, none, $epochs epochs"
summarise c-weights     "(c) classes 5-9 at 5%, class weights, $epochs epochs"
summarise c-balanced    "(c) classes 5-9 at 5%, balanced sampling, $epochs epochs"
