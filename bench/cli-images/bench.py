"""Side-by-side benchmark of `augment images` against torchvision 0.14 doing the same job (pipeline B, PNG out).

Generates 128 JPEGs (500x375, q90) in 4 class folders, then runs in interleaved rounds:
  ours --workers 1, ours --workers 2, torchvision (one process, one thread).
Prints images/s per round and the median ratios with their spread (min..max over rounds).
Usage: /usr/bin/python3 bench/cli-images/bench.py [ROUNDS]   (builds the CLI in Release first)
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
COPIES = 2
N = 128


def make_data(folder):
    rng = np.random.default_rng(0)
    for i in range(N):
        cls = os.path.join(folder, f"class{i % 4}")
        os.makedirs(cls, exist_ok=True)
        a = (rng.random((375, 500, 3)) * 64).astype(np.uint8)
        a[:, :, 0] += np.linspace(0, 180, 500).astype(np.uint8)[None, :]
        a[60 + i % 50:260, 120:380, i % 3] = 200
        Image.fromarray(a).save(os.path.join(cls, f"img{i:03d}.jpg"), quality=90)


def timed(cmd, out):
    shutil.rmtree(out, ignore_errors=True)
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return N * COPIES / (time.perf_counter() - t)


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    subprocess.run(["dotnet", "build", "-c", "Release", os.path.join(ROOT, "src", "Augment.Cli")], check=True, stdout=subprocess.DEVNULL)
    dll = os.path.join(ROOT, "src", "Augment.Cli", "bin", "Release", "net10.0", "augment.dll")
    spec = os.path.join(ROOT, "examples", "pipelines", "pipeline-b.json")
    work = tempfile.mkdtemp(prefix="augment-bench-")
    try:
        data = os.path.join(work, "in")
        make_data(data)
        out = os.path.join(work, "out")

        def ours(w):
            return timed(["dotnet", dll, "images", "--input", data, "--output", out, "--pipeline", spec,
                          "--copies", str(COPIES), "--seed", "1", "--workers", str(w)], out)

        def ref():
            return timed(["/usr/bin/python3", os.path.join(HERE, "reference_torchvision.py"), data, out, str(COPIES), "1"], out)

        rows = []
        for r in range(rounds):
            row = {"ours1": ours(1), "ours2": ours(2), "torchvision": ref()}
            rows.append(row)
            print(f"round {r}: " + ", ".join(f"{k} {v:.0f} img/s" for k, v in row.items()), flush=True)

        def ratio(a, b):
            xs = [x[a] / x[b] for x in rows]
            return f"median {statistics.median(xs):.2f}x (spread {min(xs):.2f}..{max(xs):.2f})"

        print(f"outputs per run: {N * COPIES} (224x224 PNG), process start-up included")
        print("ours --workers 1 / torchvision:", ratio("ours1", "torchvision"))
        print("ours --workers 2 / ours --workers 1:", ratio("ours2", "ours1"))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
