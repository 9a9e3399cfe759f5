#!/usr/bin/env bash
# Training-step time of the README's small CNN: TorchSharp (this repo; input in the trainer's channels-last layout) vs
# PyTorch 1.13 (Debian's python3-torch) as a user runs it (default NCHW input) and with the same channels-last input,
# same threads, batch 128, interleaved in rounds. Prints each round and the median ratios (ours / PyTorch) with their
# spread. Target: <= 1.15x. Usage: bench/trainer/step_time.sh [threads=1] [rounds=5] [steps=40] [padding=valid|same]
set -euo pipefail
cd "$(dirname "$0")/../.."
threads="${1:-1}"; rounds="${2:-5}"; steps="${3:-40}"; padding="${4:-valid}"; warmup=5
export OMP_WAIT_POLICY=PASSIVE DOTNET_CLI_TELEMETRY_OPTOUT=1
[ -n "${AUGMENT_SKIP_BUILD:-}" ] || dotnet build bench/trainer/StepTime -c Release -v q -nologo | tail -n 2  # build first, outside quiet, then set AUGMENT_SKIP_BUILD=1
ours=(dotnet bench/trainer/StepTime/bin/Release/net10.0/Augment.Trainer.Bench.dll)
ref=(/usr/bin/python3 bench/trainer/step_time.py "$threads" 128 "$steps" "$warmup" "$padding")
/usr/bin/python3 -c "import numpy; numpy.show_config()" 2>/dev/null | grep -m1 -i -E 'openblas|blas_info|name' || true
ratios=(); ratios_cl=()
for r in $(seq 1 "$rounds"); do
  o=$("${ours[@]}" "$threads" 128 "$steps" "$warmup" "$padding")
  p=$("${ref[@]}" contiguous)
  c=$("${ref[@]}" channels_last)
  ratio=$(/usr/bin/python3 -c "print(f'{$o/$p:.3f}')"); ratio_cl=$(/usr/bin/python3 -c "print(f'{$o/$c:.3f}')")
  ratios+=("$ratio"); ratios_cl+=("$ratio_cl")
  echo "round $r: torchsharp ${o} ms/step, pytorch ${p} ms/step (ratio ${ratio}), pytorch channels-last ${c} ms/step (ratio ${ratio_cl})"
done
/usr/bin/python3 - "${ratios[*]}" "${ratios_cl[*]}" <<'PY'
import statistics, sys
for name, arg in (("PyTorch", sys.argv[1]), ("PyTorch channels-last", sys.argv[2])):
    r = sorted(float(x) for x in arg.split())
    print(f"median ratio (TorchSharp / {name}): {statistics.median(r):.3f}  spread {r[0]:.3f}-{r[-1]:.3f}  ({len(r)} rounds)")
PY
