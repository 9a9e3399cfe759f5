#!/usr/bin/env bash
# CBERT augmentation throughput, BERT-mini shape (4 layers, 256 hidden, 30522 pieces): ours (TorchSharp, full
# augment path: tokenise, mask, batched forward, sample, splice) vs the same forward + sampling in PyTorch 1.13
# (Debian's python3-torch), same threads, interleaved in rounds. Prints sentences/s per round and the median ratio
# (ours / PyTorch) with its spread. Target: >= 0.8x.
# Usage: bench/cbert/run.sh [threads=1] [rounds=5] [sentences=256] [num_aug=4] [batch=64]
set -euo pipefail
cd "$(dirname "$0")/../.."
threads="${1:-1}"; rounds="${2:-5}"; sentences="${3:-256}"; num_aug="${4:-4}"; batch="${5:-64}"
export OMP_WAIT_POLICY=PASSIVE DOTNET_CLI_TELEMETRY_OPTOUT=1
work="${TMPDIR:-/tmp}/cbert-bench"
[ -f "$work/model.safetensors" ] && [ "$(wc -l < "$work/corpus.tsv")" = "$sentences" ] || /usr/bin/python3 bench/cbert/make_model.py "$work" "$sentences" >/dev/null
dotnet build bench/cbert/CbertBench -c Release -v q -nologo | tail -n 2
ours=(dotnet bench/cbert/CbertBench/bin/Release/net10.0/Augment.Cbert.Bench.dll)
readlink -f /etc/alternatives/libblas.so.3-x86_64-linux-gnu || true
ratios=(); ratios_cdf=()
for r in $(seq 1 "$rounds"); do
  o=$("${ours[@]}" "$work" "$work/corpus.tsv" "$threads" "$num_aug" "$batch")
  p=$(/usr/bin/python3 bench/cbert/reference.py "$work" "$work/corpus.tsv" "$threads" "$num_aug" "$batch" multinomial)
  c=$(/usr/bin/python3 bench/cbert/reference.py "$work" "$work/corpus.tsv" "$threads" "$num_aug" "$batch" cdf)
  ratio=$(/usr/bin/python3 -c "print(f'{$o/$p:.3f}')")
  ratio_cdf=$(/usr/bin/python3 -c "print(f'{$o/$c:.3f}')")
  ratios+=("$ratio"); ratios_cdf+=("$ratio_cdf")
  echo "round $r: ours ${o} sentences/s, pytorch (multinomial) ${p}, pytorch (inverse cdf) ${c}; ratios ${ratio} ${ratio_cdf}"
done
/usr/bin/python3 - "${ratios[*]}" "${ratios_cdf[*]}" <<'PY'
import statistics, sys
for name, arg in (("PyTorch with torch.multinomial", sys.argv[1]), ("PyTorch with inverse-CDF sampling", sys.argv[2])):
    r = sorted(float(x) for x in arg.split())
    print(f"median ratio ours / {name}: {statistics.median(r):.3f}  spread {r[0]:.3f}-{r[-1]:.3f}  ({len(r)} rounds)")
PY
