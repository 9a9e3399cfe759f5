#!/usr/bin/env bash
# Results table of docs/trainer.md: Fashion-MNIST (Debian's dataset-fashion-mnist), the small CNN (2 conv + 2 dense),
# Adam 1e-3, batch 128, each row with and without the trick, ours (`augment train`) next to the PyTorch 1.13
# reference (bench/trainer/reference.py) with the same protocol:
#   PROTOCOL (both sides): conv padding, weight init and input normalisation given by --protocol
#   (default "--padding same --init glorot --normalize fashion-mnist", i.e. the Keras tutorial model).
# Sections:
#   main  same budget (3 epochs; 1,000-image rows 15 epochs), constant LR, no validation split (trains on all
#         60,000 images / all images the scenario keeps), median over --seeds:
#         (a) 1,000 images: none vs crop(pad 2) + flip   (b) full data: none, crop + flip, cosine schedule
#         (c) classes 5-9 kept at 5%: none vs class weights vs balanced sampling (random oversampling), and balanced
#         sampling + horizontal flip (each repeat of a minority image gets its own keyed flip), or + crop(pad 2) + flip
#         (PyTorch: imbalanced-learn-style oversampling, then the same augmentation on every draw)
#   long  longer budgets where the tricks should pay (ours only, --long-seeds): 1,000 images for --long-small-epochs
#         with/without early stopping (restore best) and augmentation; full data for --long-epochs, constant vs
#         cosine + early stopping vs plateau + early stopping; the imbalanced set for --long-imb-epochs.
# Every training run is its own command, prefixed by $AUGMENT_RUN_PREFIX when set (e.g. /work/notes/bin/busy), so
# other work can slip in between runs; finished runs (metrics.json / ref.json present) are skipped, so the script
# resumes. With --parallel, ours and the reference of the same row and seed run at the same time (each with
# --threads): more throughput on 2 cores, but the s/epoch columns are then measured under that load.
# Usage: bench/trainer/results.sh [--section main|long|all] [--seeds "1 2 3"] [--long-seeds "1"] [--epochs 3]
#        [--small-epochs 15] [--threads 2] [--parallel] [--protocol "..."] [--out DIR] [--rows "a-none b-constant ..."]
#        [--summary-only]
set -euo pipefail
cd "$(dirname "$0")/../.."
section=main; seeds="1 2 3"; long_seeds="1"; epochs=3; small_epochs=15; threads=2; out=bench/trainer/out; parallel=0
protocol="--padding same --init glorot --normalize fashion-mnist"; rows=""; summary_only=0
long_small_epochs=100; long_epochs=15; long_imb_epochs=10
while [ $# -gt 0 ]; do
  case "$1" in
    --section) section="$2"; shift 2;; --seeds) seeds="$2"; shift 2;; --long-seeds) long_seeds="$2"; shift 2;;
    --epochs) epochs="$2"; shift 2;; --small-epochs) small_epochs="$2"; shift 2;; --threads) threads="$2"; shift 2;;
    --out) out="$2"; shift 2;; --parallel) parallel=1; shift;; --protocol) protocol="$2"; shift 2;;
    --rows) rows="$2"; shift 2;; --summary-only) summary_only=1; shift;;
    --long-small-epochs) long_small_epochs="$2"; shift 2;; --long-epochs) long_epochs="$2"; shift 2;;
    --long-imb-epochs) long_imb_epochs="$2"; shift 2;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
export OMP_WAIT_POLICY=PASSIVE DOTNET_CLI_TELEMETRY_OPTOUT=1
read -r -a prefix <<< "${AUGMENT_RUN_PREFIX:-}"
read -r -a proto <<< "$protocol"
augment=(dotnet src/Augment.Cli/bin/Release/net10.0/augment.dll)
mkdir -p "$out"
if [ "$summary_only" = 0 ]; then
  "${prefix[@]}" dotnet build src/Augment.Cli -c Release -v q -nologo | tail -n 2
fi
cat > "$out/cropflip.json" <<'JSON'
{"nodes":[{"id":"crop","randomCrop":{"width":28,"height":28,"padding":2}},{"id":"flip","p":0.5,"horizontalFlip":{}}]}
JSON
cat > "$out/flip.json" <<'JSON'
{"nodes":[{"id":"flip","p":0.5,"horizontalFlip":{}}]}
JSON
common=(--dataset fashion-mnist --model cnn --optimizer adam --lr 1e-3 --batch-size 128 --threads "$threads" "${proto[@]}")
imb=(--minority-classes 5,6,7,8,9 --minority-fraction 0.05)
cropflip=(--pipeline "$out/cropflip.json")

wanted() { [ -z "$rows" ] || [[ " $rows " == *" $1 "* ]]; }

# run NAME SEEDS REF_SCENARIO REF_EPOCHS -- OUR_ARGS...   (REF_SCENARIO "-": no reference)
run() {
  local name="$1" run_seeds="$2" ref="$3" ref_epochs="$4"; shift 5
  wanted "$name" || return 0
  for s in $run_seeds; do
    local dir="$out/$name/seed-$s"; mkdir -p "$dir"
    local pids=()
    if [ ! -f "$dir/metrics.json" ]; then
      echo "$(date +%T) ours $name seed $s" >&2
      if [ "$parallel" = 1 ]; then
        "${prefix[@]}" "${augment[@]}" train "${common[@]}" --seed "$s" --out "$dir" "$@" > "$dir/ours.log" 2>&1 & pids+=($!)
      else
        "${prefix[@]}" "${augment[@]}" train "${common[@]}" --seed "$s" --out "$dir" "$@" > "$dir/ours.log" 2>&1 || { echo "ours $name seed $s failed: see $dir/ours.log" >&2; exit 1; }
      fi
    fi
    if [ "$ref" != "-" ] && [ ! -s "$dir/ref.json" ]; then
      echo "$(date +%T) reference $ref seed $s" >&2
      "${prefix[@]}" /usr/bin/python3 bench/trainer/reference.py "$ref" --seed "$s" --epochs "$ref_epochs" --threads "$threads" "${proto[@]}" > "$dir/ref.json.tmp" 2> "$dir/ref.log" \
        && mv "$dir/ref.json.tmp" "$dir/ref.json" || { echo "reference $ref seed $s failed: see $dir/ref.log" >&2; exit 1; }
    fi
    for p in "${pids[@]}"; do wait "$p" || { echo "ours $name seed $s failed: see $dir/ours.log" >&2; exit 1; }; done
  done
}

# summarise NAME LABEL [noref]: one markdown row, medians over the seeds present
summarise() {
  wanted "$1" || return 0
  /usr/bin/python3 - "$out/$1" "$2" "${3:-}" <<'PY'
import json, statistics, sys, glob
folder, label, noref = sys.argv[1], sys.argv[2], sys.argv[3] == "noref"
ours = [json.load(open(p)) for p in sorted(glob.glob(folder + "/seed-*/metrics.json"))]
refs = [json.loads(open(p).read()) for p in sorted(glob.glob(folder + "/seed-*/ref.json"))]
if not ours:
    sys.exit(0)
med = lambda rs, k: statistics.median(r[k] for r in rs)
pct = lambda v: f"{100 * v:.1f}%"
sec = lambda v: f"{v:.1f} s" if v < 10 else f"{v:.0f} s"
secs = statistics.median(statistics.median(e["seconds"] for e in r["epochs"]) for r in ours)
epochs = statistics.median(len(r["epochs"]) for r in ours)
best = [r["best_epoch"] for r in ours if r.get("stopped_early_at", -1) >= 0 or r.get("restored_best")]
ran = f"{epochs:.0f}" + (f" (stopped: {', '.join(str(r['stopped_early_at'] + 1) for r in ours if r['stopped_early_at'] >= 0)})" if best else "")
row = f"| {label} | {len(ours)} | {med(ours, 'train_samples'):.0f} | {ran} | {pct(med(ours, 'test_accuracy'))} | {med(ours, 'test_macro_f1'):.3f} | {pct(med(ours, 'test_worst_recall'))} | {sec(secs)} |"
if noref:
    vals = [max(v for v in (e["val_accuracy"] for e in r["epochs"]) if isinstance(v, float) and v == v) for r in ours if any(isinstance(e["val_accuracy"], float) and e["val_accuracy"] == e["val_accuracy"] for e in r["epochs"])]
    row += f" {ours[0]['epochs'][-1]['learning_rate']:.2g} | " + (f"{statistics.median(vals) * 100:.1f}% |" if vals else "— |")
elif refs:
    row += f" {len(refs)} | {pct(med(refs, 'test_accuracy'))} | {med(refs, 'test_macro_f1'):.3f} | {pct(med(refs, 'test_worst_recall'))} | {sec(med(refs, 'seconds_per_epoch'))} |"
else:
    row += " | — | — | — | — |"
print(row)
PY
}

header() {
  echo
  echo "$1"
  echo
  if [ "${2:-}" = noref ]; then
    echo "| configuration | seeds | train samples | epochs | test accuracy | macro-F1 | worst-class recall | s/epoch | last lr | best val accuracy |"
    echo "|---|---|---|---|---|---|---|---|---|---|"
    return
  fi
  echo "| configuration | seeds | train samples | epochs | test accuracy | macro-F1 | worst-class recall | s/epoch | ref seeds | PyTorch accuracy | PyTorch macro-F1 | PyTorch worst recall | PyTorch s/epoch |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
}

if [ "$section" = main ] || [ "$section" = all ]; then
  if [ "$summary_only" = 0 ]; then
    run b-constant  "$seeds" full                  "$epochs" -- --epochs "$epochs" --val-fraction 0
    run c-none      "$seeds" imbalanced            "$epochs" -- --epochs "$epochs" --val-fraction 0 "${imb[@]}"
    run c-weights   "$seeds" imbalanced-weights    "$epochs" -- --epochs "$epochs" --val-fraction 0 "${imb[@]}" --class-weights
    run c-balanced  "$seeds" imbalanced-oversample "$epochs" -- --epochs "$epochs" --val-fraction 0 "${imb[@]}" --balanced
    run c-balanced-flip "$seeds" imbalanced-ros-flip "$epochs" -- --epochs "$epochs" --val-fraction 0 "${imb[@]}" --balanced --pipeline "$out/flip.json"
    run c-balanced-augment "$seeds" imbalanced-ros-augment "$epochs" -- --epochs "$epochs" --val-fraction 0 "${imb[@]}" --balanced "${cropflip[@]}"
    run a-none      "$seeds" small                 "$small_epochs" -- --epochs "$small_epochs" --val-fraction 0 --train-size 1000
    run a-augment   "$seeds" small-augment         "$small_epochs" -- --epochs "$small_epochs" --val-fraction 0 --train-size 1000 "${cropflip[@]}"
    run b-augment   "$seeds" full-augment          "$epochs" -- --epochs "$epochs" --val-fraction 0 "${cropflip[@]}"
    run b-cosine    "$seeds" -                     "$epochs" -- --epochs "$epochs" --val-fraction 0 --schedule cosine --per-step
  fi
  header "Same budget ($protocol; Adam 1e-3, batch 128, constant LR unless stated, no validation split)"
  summarise a-none     "(a) 1,000 images, no augmentation, $small_epochs epochs"
  summarise a-augment  "(a) 1,000 images, crop(pad 2) + flip, $small_epochs epochs"
  summarise b-constant "(b) full data, constant LR, $epochs epochs"
  summarise b-augment  "(b) full data, crop(pad 2) + flip, $epochs epochs"
  summarise b-cosine   "(b) full data, cosine (per step), $epochs epochs"
  summarise c-none     "(c) classes 5-9 at 5%, none, $epochs epochs"
  summarise c-weights  "(c) classes 5-9 at 5%, class weights, $epochs epochs"
  summarise c-balanced "(c) classes 5-9 at 5%, balanced sampling (oversampling), $epochs epochs"
  summarise c-balanced-flip "(c) classes 5-9 at 5%, balanced sampling + flip, $epochs epochs"
  summarise c-balanced-augment "(c) classes 5-9 at 5%, balanced sampling + crop(pad 2) + flip, $epochs epochs"
fi

if [ "$section" = long ] || [ "$section" = all ]; then
  small=(--train-size 1000 --val-fraction 0.02 --epochs "$long_small_epochs")
  es=(--early-stopping 15 --monitor val_accuracy)
  full=(--val-fraction 0.1 --epochs "$long_epochs")
  if [ "$summary_only" = 0 ]; then
    run L-a-none       "$long_seeds" - 0 -- "${small[@]}"
    run L-a-es         "$long_seeds" - 0 -- "${small[@]}" "${es[@]}"
    run L-a-augment-es "$long_seeds" - 0 -- "${small[@]}" "${es[@]}" "${cropflip[@]}"
    run L-b-constant   "$long_seeds" - 0 -- "${full[@]}"
    run L-b-cosine-es  "$long_seeds" - 0 -- "${full[@]}" --schedule cosine --per-step --early-stopping 5
    run L-b-plateau-es "$long_seeds" - 0 -- "${full[@]}" --schedule plateau --plateau-factor 0.2 --plateau-patience 1 --early-stopping 4
    run L-c-none       "$long_seeds" - 0 -- --epochs "$long_imb_epochs" --val-fraction 0 "${imb[@]}"
    run L-c-weights    "$long_seeds" - 0 -- --epochs "$long_imb_epochs" --val-fraction 0 "${imb[@]}" --class-weights
    run L-c-balanced   "$long_seeds" - 0 -- --epochs "$long_imb_epochs" --val-fraction 0 "${imb[@]}" --balanced
  fi
  header "Longer budgets (ours; $protocol)" noref
  summarise L-a-none       "(a) 1,000 images (1,200 held out), none, $long_small_epochs epochs" noref
  summarise L-a-es         "(a) 1,000 images, ≤ $long_small_epochs epochs, early stopping 15 on val accuracy + restore best" noref
  summarise L-a-augment-es "(a) 1,000 images, ≤ $long_small_epochs epochs, crop + flip + early stopping 15 + restore best" noref
  summarise L-b-constant   "(b) 54,000 images (6,000 held out), constant LR, $long_epochs epochs" noref
  summarise L-b-cosine-es  "(b) 54,000 images, cosine (per step) + early stopping 5, $long_epochs epochs" noref
  summarise L-b-plateau-es "(b) 54,000 images, plateau (×0.2, patience 1) + early stopping 4, $long_epochs epochs" noref
  summarise L-c-none       "(c) classes 5-9 at 5%, none, $long_imb_epochs epochs" noref
  summarise L-c-weights    "(c) classes 5-9 at 5%, class weights, $long_imb_epochs epochs" noref
  summarise L-c-balanced   "(c) classes 5-9 at 5%, balanced sampling, $long_imb_epochs epochs" noref
fi
