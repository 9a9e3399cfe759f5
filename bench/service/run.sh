#!/usr/bin/env bash
# Service throughput: in-process batch production vs the same batches streamed through gRPC on loopback
# (1 client, and 4 concurrent clients on 4 channels each taking one shard), in one process, interleaved in rounds.
# Scenarios: Fashion-MNIST batches of 256 (RandomCrop 28 pad 4 + flip), 224x224 uint8 batches of 64 from the
# core bench's JPEG set (RandomResizedCrop 224 + flip, decoded images cached), and cached pre-made 224x224 data
# (no augmentation: wire throughput). Usage: bash bench/service/run.sh [ROUNDS] [SECONDS_PER_MEASUREMENT]
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-5}; secs=${2:-3}
out=bench/out; mkdir -p "$out"
[ -d "$out/jpegs" ] || /usr/bin/python3 bench/images/make_jpegs.py "$out/jpegs"
dotnet build bench/service/Augment.Service.Bench -c Release -o "$out/service-bin" >/dev/null
dotnet "$out/service-bin/Augment.Service.Bench.dll" "$out/jpegs" "$out/service" "$rounds" "$secs"
