#!/usr/bin/env bash
# Service throughput: in-process batch production vs the same batches streamed through gRPC on loopback
# (1 client, and 4 concurrent clients on 4 channels each taking one shard), in one process, interleaved in rounds.
# Scenarios: Fashion-MNIST batches of 256 (RandomCrop 28 pad 4 + flip), 224x224 uint8 batches of 64 from the
# core bench's JPEG set (RandomResizedCrop 224 + flip, decoded images cached), and cached pre-made 224x224 data
# (no augmentation: wire throughput). Clients: the C# library client (Augment.Contracts.Client) in this process and in a
# child process (server and client CPU measured apart), the generated C# client as before, the Python client (grpc
# C-core) in a child process, both also through a shared-memory ring (-shm modes: same-host clients, tensor bytes and
# every batch after the first through the ring with a doorbell FIFO, no gRPC message per batch; -shm-msg modes: tensor
# bytes through the ring, one gRPC message per batch), and raw loopback TCP as the floor of any TCP transport. Modes: see
# ServiceBench.cs.
# Usage: bash bench/service/run.sh [ROUNDS] [SECONDS_PER_MEASUREMENT] [SCENARIOS|all] [MODES]
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-5}; secs=${2:-3}; scenarios=${3:-all}
modes=${4:-inproc,tcp,grpc-1-gen,grpc-1,grpc-1-pool,grpc-4-pool,proc-1-pool,py-1,py-4,grpc-1-shm,grpc-4-shm,py-1-shm,py-4-shm}
out=bench/out; mkdir -p "$out"
[ -d "$out/jpegs" ] || /usr/bin/python3 bench/images/make_jpegs.py "$out/jpegs"
dotnet build bench/service/Augment.Service.Bench -c Release -o "$out/service-bin" >/dev/null
dotnet "$out/service-bin/Augment.Service.Bench.dll" "$out/jpegs" "$out/service" "$rounds" "$secs" "$scenarios" "$modes"
