#!/usr/bin/env python3
"""Python client benchmarks: ours vs the generated-protobuf reference, back to back, interleaved in rounds.

1. Parsing one Batch message into numpy arrays: augment_client's wire reader (views of the message)
   vs ``service_pb2.Batch.FromString`` + ``np.frombuffer`` on the fields (the usual way).
2. With ``--address``: streaming one epoch of a dataset end to end through gRPC: ``AugmentClient.stream_batches``
   vs the generated ``AugmentServiceStub.StreamBatches`` + ``np.frombuffer``.

Prints per case the median time of each side, the median ratio reference/ours (> 1: ours faster) and the
spread (min..max of the per-round ratios).

    /usr/bin/python3 clients/python/bench/bench_client.py [--address 127.0.0.1:50051 --dataset sample]
"""

from __future__ import annotations

import argparse
import statistics
import time

import grpc
import numpy as np

from augment_client import AugmentClient, _wire
from augment_client.tensors import from_numpy
from augment_client.v1 import service_pb2, service_pb2_grpc


def _reference_arrays(msg):
    t = msg.image.images
    images = np.frombuffer(t.data, np.uint8 if t.dtype == 1 else np.float32).reshape(t.shape)
    labels = np.frombuffer(msg.labels.data, np.int64)
    indices = np.frombuffer(msg.indices.data, np.int64)
    return images, labels, indices


def _timed(fn, repeat):
    start = time.perf_counter()
    for _ in range(repeat):
        fn()
    return (time.perf_counter() - start) / repeat


def _report(name, ours, ref, unit_bytes):
    ratios = [r / o for o, r in zip(ours, ref)]
    mo, mr = statistics.median(ours), statistics.median(ref)
    print(f"{name}: ours {mo * 1e3:.3f} ms ({unit_bytes / mo / 2**20:.0f} MiB/s), "
          f"reference {mr * 1e3:.3f} ms ({unit_bytes / mr / 2**20:.0f} MiB/s), "
          f"median ratio {statistics.median(ratios):.2f}x (spread {min(ratios):.2f}..{max(ratios):.2f}) "
          f"over {len(ratios)} rounds")


def bench_parse(rounds: int) -> None:
    rng = np.random.default_rng(0)
    for n, h, w, c, repeat in ((256, 28, 28, 1, 200), (64, 224, 224, 3, 10)):
        msg = service_pb2.Batch(epoch=1, batch_index=2, indices=from_numpy(np.arange(n)),
                                labels=from_numpy(rng.integers(0, 10, n)), keys=from_numpy(np.arange(n)))
        msg.image.images.CopyFrom(from_numpy(rng.integers(0, 256, (n, h, w, c), dtype=np.uint8)))
        raw = msg.SerializeToString()
        ours, ref = [], []
        for _ in range(rounds):
            ours.append(_timed(lambda: _wire.parse_batch(raw), repeat))
            ref.append(_timed(lambda: _reference_arrays(service_pb2.Batch.FromString(raw)), repeat))
        _report(f"parse {n}x{h}x{w}x{c} uint8 batch ({len(raw) / 2**20:.1f} MiB)", ours, ref, len(raw))


def bench_stream(address: str, dataset: str, batch_size: int, rounds: int) -> None:
    client = AugmentClient(address)
    client.wait_ready(30)
    channel = grpc.insecure_channel(address, options=[("grpc.max_receive_message_length", 512 << 20)])
    stub = service_pb2_grpc.AugmentServiceStub(channel)
    request = service_pb2.StreamBatchesRequest(dataset=dataset, batch_size=batch_size, epochs=1, seed=1)
    ours, ref = [], []
    total = 0

    def run_ours():
        nonlocal total
        total = 0
        for b in client.stream_batches(dataset, None, batch_size=batch_size, epochs=1, seed=1):
            total += b.images.nbytes

    def run_ref():
        for msg in stub.StreamBatches(request):
            _reference_arrays(msg)

    run_ours(), run_ref()  # warm-up (server cache, JIT)
    for _ in range(rounds):
        ours.append(_timed(run_ours, 1))
        ref.append(_timed(run_ref, 1))
    _report(f"stream one epoch of {dataset!r}, batch {batch_size} ({total / 2**20:.1f} MiB of images)", ours, ref, total)
    client.close()
    channel.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--address")
    parser.add_argument("--dataset", default="sample")
    parser.add_argument("--batch-size", type=int, default=256)
    args = parser.parse_args()
    bench_parse(args.rounds)
    if args.address:
        bench_stream(args.address, args.dataset, args.batch_size, args.rounds)


if __name__ == "__main__":
    main()
