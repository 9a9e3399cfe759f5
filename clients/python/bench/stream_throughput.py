#!/usr/bin/env python3
"""Streaming throughput of the Python client (grpc C-core + augment_client's zero-copy wire reader).

A child process of the service bench (``bench/service``): it streams the given ``StreamBatchesRequest``
(base64 of its serialized bytes) from a running service with ``--clients`` concurrent streams (shard i of n,
one channel each, one thread each), warms up, prints ``start``, streams for ``--seconds``, then prints
``end SAMPLES BYTES SECONDS CPU_SECONDS`` (CPU of this whole process: Python and C-core threads) and exits.
Every batch is parsed into numpy views (``batch.images``), as a training loop would receive it. With
``--shared-memory`` the tensor bytes and every batch after the first come through the stream's shared-memory
ring, announced on its doorbell (views of the ring, each batch released when the next is read); add
``--message-per-batch`` for one gRPC message per batch (tensor bytes only through the ring).

    /usr/bin/python3 clients/python/bench/stream_throughput.py --address 127.0.0.1:50051 --request BASE64
"""

from __future__ import annotations

import argparse
import base64
import os
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src"))

from augment_client import AugmentClient  # noqa: E402
from augment_client.client import BatchStream  # noqa: E402
from augment_client.v1 import service_pb2  # noqa: E402


def stream(clients: list[AugmentClient], request: service_pb2.StreamBatchesRequest, seconds: float):
    """Streams with one thread per client for ``seconds``; returns (samples, payload bytes, elapsed)."""
    totals = [[0, 0] for _ in clients]
    deadline = time.perf_counter() + seconds
    start = time.perf_counter()

    def run(i: int) -> None:
        r = service_pb2.StreamBatchesRequest()
        r.CopyFrom(request)
        r.shard.index, r.shard.count = i, len(clients)
        with BatchStream(clients[i], r) as batches:
            for batch in batches:
                totals[i][0] += batch.indices.shape[0]
                totals[i][1] += batch.images.nbytes
                if time.perf_counter() >= deadline:
                    break

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(clients))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    return sum(t[0] for t in totals), sum(t[1] for t in totals), elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--address", required=True)
    parser.add_argument("--request", required=True, help="base64 of a serialized StreamBatchesRequest")
    parser.add_argument("--clients", type=int, default=1)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--warmup", type=float, default=1.0)
    parser.add_argument("--shared-memory", action="store_true",
                        help="tensor bytes through a shared-memory ring (server default ring size)")
    parser.add_argument("--message-per-batch", action="store_true",
                        help="with --shared-memory: one gRPC message per batch instead of batches in the ring")
    parser.add_argument("--max-frame-size", type=int, default=0,
                        help="grpc.http2.max_frame_size to advertise (0: C-core's default)")
    args = parser.parse_args()
    request = service_pb2.StreamBatchesRequest.FromString(base64.b64decode(args.request))
    request.shared_memory.enabled = args.shared_memory
    request.shared_memory.batches_in_ring = args.shared_memory and not args.message_per_batch
    options = [("grpc.http2.max_frame_size", args.max_frame_size)] if args.max_frame_size else []
    clients = [AugmentClient(args.address, options=options) for _ in range(args.clients)]
    for c in clients:
        c.wait_ready(30)
    stream(clients, request, args.warmup)
    print("start", flush=True)
    cpu = time.process_time()
    samples, nbytes, elapsed = stream(clients, request, args.seconds)
    cpu = time.process_time() - cpu
    print(f"end {samples} {nbytes} {elapsed:.6f} {cpu:.6f}", flush=True)
    for c in clients:
        c.close()


if __name__ == "__main__":
    main()
