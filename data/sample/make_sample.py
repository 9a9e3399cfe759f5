#!/usr/bin/python3
"""Regenerates the built-in sample dataset from Debian's dataset-fashion-mnist package.

Takes the first 4000 training images and the first 1000 test images of Fashion-MNIST, unchanged,
and writes them as gzipped IDX files (same format as the originals). Deterministic output
(gzip mtime 0)."""
import gzip, struct, pathlib

SRC = pathlib.Path("/usr/share/datasets/fashion-mnist")
OUT = pathlib.Path(__file__).resolve().parent

def take(prefix, n):
    with gzip.open(SRC / f"{prefix}-images-idx3-ubyte.gz", "rb") as f:
        magic, count, rows, cols = struct.unpack(">IIII", f.read(16))
        assert magic == 2051 and count >= n
        pixels = f.read(n * rows * cols)
    with gzip.open(SRC / f"{prefix}-labels-idx1-ubyte.gz", "rb") as f:
        magic, count = struct.unpack(">II", f.read(8))
        assert magic == 2049 and count >= n
        labels = f.read(n)
    write(OUT / f"{prefix}-images-idx3-ubyte.gz", struct.pack(">IIII", 2051, n, rows, cols) + pixels)
    write(OUT / f"{prefix}-labels-idx1-ubyte.gz", struct.pack(">II", 2049, n) + labels)

def write(path, data):
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as f:
        f.write(data)

take("train", 4000)
take("t10k", 1000)
