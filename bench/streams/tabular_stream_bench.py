"""SMOTE-balanced, shuffled epochs of float32 batches: Augment's StreamBatches (tabular dataset, SMOTE generated
inside the stream, received by a Python gRPC client) vs imbalanced-learn (SMOTE.fit_resample + a numpy permutation
+ slicing into float32 batches), back to back in the same script, interleaved in rounds.

Usage: /usr/bin/python3 bench/streams/tabular_stream_bench.py SERVICE_DLL [ROUNDS] [ROWS]
Prints rows/s of both per round, then the median ratio (ours / reference) with its min and max.
Both sides do the same work per run: SMOTE planned once (Augment: per request; reference: one fit_resample), then
every epoch the same synthetic rows in a new order (Augment generates them on demand in each epoch; the reference
reuses its materialized table). Augment builds batches on the server's worker threads (2 cores here).
"""
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time

import grpc
import numpy as np
from imblearn.over_sampling import SMOTE

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "..", "clients", "python", "src"))
from augment_client.v1 import service_pb2, service_pb2_grpc, tabular_pb2  # noqa: E402

dll = sys.argv[1]
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
n = int(sys.argv[3]) if len(sys.argv) > 3 else 20000
d, batch, epochs, seed = 16, 256, 3, 7

rng = np.random.default_rng(0)
y = np.where(rng.random(n) < 0.9, 0, np.where(rng.random(n) < 0.9, 1, 2))
x = (rng.normal(size=(n, d)) + y[:, None] * 0.5).astype(np.float64)
tmp = tempfile.mkdtemp(prefix="augment-streams-bench-")
csv = os.path.join(tmp, "table.csv")
with open(csv, "w") as f:
    f.write(",".join(f"f{i}" for i in range(d)) + ",label\n")
    for row, label in zip(x, y):
        f.write(",".join(repr(float(v)) for v in row) + f",{label}\n")

with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
server = subprocess.Popen(
    ["dotnet", dll, "--urls", f"http://127.0.0.1:{port}", "--Logging:LogLevel:Default=Warning",
     "--Augment:Data:Datasets:table:Kind=tabular", f"--Augment:Data:Datasets:table:Path={csv}"],
    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    channel = grpc.insecure_channel(f"127.0.0.1:{port}", options=[("grpc.max_receive_message_length", 256 << 20)])
    grpc.channel_ready_future(channel).result(timeout=60)
    stub = service_pb2_grpc.AugmentServiceStub(channel)

    def ours():
        request = service_pb2.StreamBatchesRequest(
            dataset="table", batch_size=batch, epochs=epochs, seed=seed,
            tabular_sampler=tabular_pb2.TabularSampler(method=tabular_pb2.TABULAR_METHOD_SMOTE))
        rows = 0
        for b in stub.StreamBatches(request):
            feats = np.frombuffer(b.tabular.features.data, np.float32).reshape(-1, d)
            labels = np.frombuffer(b.labels.data, np.int64)
            rows += feats.shape[0] + 0 * labels.shape[0]
        return rows

    def reference():
        rows = 0
        xr, yr = SMOTE(random_state=seed).fit_resample(x, y)
        for epoch in range(epochs):
            order = np.random.default_rng(seed + epoch).permutation(len(yr))
            for start in range(0, len(yr), batch):
                idx = order[start:start + batch]
                feats = xr[idx].astype(np.float32)
                labels = yr[idx].astype(np.int64)
                rows += feats.shape[0] + 0 * labels.shape[0]
        return rows

    ours()
    reference()
    ratios = []
    for r in range(rounds):
        pair = {}
        for name, fn in ([("augment", ours), ("imblearn", reference)] if r % 2 == 0 else [("imblearn", reference), ("augment", ours)]):
            t = time.perf_counter()
            rows = fn()
            pair[name] = rows / (time.perf_counter() - t)
        ratios.append(pair["augment"] / pair["imblearn"])
        print(f"round {r}: augment {pair['augment']:.0f} rows/s, imblearn {pair['imblearn']:.0f} rows/s, ratio {ratios[-1]:.2f}")
    print(f"median ratio augment/imblearn {statistics.median(ratios):.2f} (min {min(ratios):.2f}, max {max(ratios):.2f}), "
          f"{n} rows x {d} features, {epochs} epochs of batch {batch}")
    try:
        import numpy.__config__  # noqa: F401
        blas = [l for l in subprocess.run(["update-alternatives", "--query", "libblas.so.3-x86_64-linux-gnu"],
                                            capture_output=True, text=True).stdout.splitlines() if l.startswith("Value:")]
        print("BLAS:", blas[0] if blas else "unknown")
    except Exception:  # noqa: BLE001
        pass
finally:
    server.terminate()
    server.wait(timeout=60)
