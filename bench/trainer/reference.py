"""PyTorch 1.13 reference for the results table (Debian's python3-torch, run with /usr/bin/python3): the small CNN
(2 conv + 2 dense), Adam 1e-3, batch 128, on Debian's Fashion-MNIST, constant learning rate, no validation split
(it trains on every image the scenario keeps). The protocol switches mirror `augment train`:
  --padding valid|same      conv 3x3 without padding (64*5*5 features) or with padding 1 (64*7*7), as --padding
  --init torch|glorot       torch's defaults (U(+-1/sqrt(fan_in))) or Keras' (Glorot uniform weights, zero bias), as --init
  --normalize none|fashion-mnist|MEAN,STD   x/255, or (x/255 - mean)/std (fashion-mnist: 0.2860, 0.3530), as --normalize
  --dropout P               dropout on the 128 features entering the last layer while training (default 0), as --dropout
Usage: reference.py SCENARIO --seed S [--epochs 3] [--threads 2] [--padding same] [--init glorot] [--normalize fashion-mnist] [--dropout 0.5]
  SCENARIO: full | full-augment | imbalanced | imbalanced-oversample | imbalanced-ros | imbalanced-weights | small | small-augment,
            and imbalanced-{oversample,ros}-{augment,flip} (oversampling, then crop + flip, or the flip alone, on every draw)
  (small: 1,000 images; imbalanced: classes 5-9 keep 5%; augment: random crop (pad 2) + horizontal flip p 0.5;
  oversample: every class drawn with replacement up to the largest, once for the run (as a class-balanced
  WeightedRandomSampler would draw), so the large classes lose about a third of their distinct images;
  ros: imbalanced-learn's RandomOverSampler, every original kept and only the smaller classes topped up by draws
  with replacement, as `augment train --balanced` keeps every original)
Prints one JSON line: test accuracy, macro-F1, worst-class recall, per-class recall, train samples, seconds per epoch."""
import argparse
import gzip
import json
import time

import numpy as np
import torch
from torch import nn

p = argparse.ArgumentParser()
p.add_argument("scenario", choices=["full", "full-augment", "imbalanced", "imbalanced-oversample", "imbalanced-ros", "imbalanced-weights", "small",
                                    "small-augment", "imbalanced-oversample-augment", "imbalanced-ros-augment", "imbalanced-oversample-flip",
                                    "imbalanced-ros-flip"])
p.add_argument("--seed", type=int, default=1)
p.add_argument("--epochs", type=int, default=3)
p.add_argument("--threads", type=int, default=2)
p.add_argument("--padding", choices=["valid", "same"], default="same")
p.add_argument("--init", choices=["torch", "glorot"], default="glorot")
p.add_argument("--normalize", default="fashion-mnist")
p.add_argument("--small-size", type=int, default=1000)
p.add_argument("--dropout", type=float, default=0.0)
a = p.parse_args()
torch.set_num_threads(a.threads)
root = "/usr/share/datasets/fashion-mnist/"


def idx(name, offset):
    with gzip.open(root + name) as f:
        return np.frombuffer(f.read(), np.uint8, offset=offset)


xtr = idx("train-images-idx3-ubyte.gz", 16).reshape(-1, 1, 28, 28); ytr = idx("train-labels-idx1-ubyte.gz", 8).astype(np.int64)
xte = idx("t10k-images-idx3-ubyte.gz", 16).reshape(-1, 1, 28, 28); yte = idx("t10k-labels-idx1-ubyte.gz", 8).astype(np.int64)
rng = np.random.default_rng(a.seed)
torch.manual_seed(a.seed)
if a.scenario.startswith("small"):
    keep = rng.permutation(len(ytr))[:a.small_size]; xtr, ytr = xtr[keep], ytr[keep]
if a.scenario.startswith("imbalanced"):
    keep = np.concatenate([np.where(ytr == c)[0] if c < 5 else rng.permutation(np.where(ytr == c)[0])[:int(np.ceil(0.05 * (ytr == c).sum()))] for c in range(10)])
    xtr, ytr = xtr[keep], ytr[keep]
train_samples = len(ytr)
if a.scenario.startswith("imbalanced-oversample"):  # every class drawn up to the largest class, with replacement (one draw for the run)
    counts = np.bincount(ytr, minlength=10)
    keep = np.concatenate([rng.choice(np.where(ytr == c)[0], counts.max(), replace=True) for c in range(10)])
    xtr, ytr = xtr[keep], ytr[keep]
if a.scenario.startswith("imbalanced-ros"):  # originals kept, smaller classes topped up with replacement (one draw for the run)
    counts = np.bincount(ytr, minlength=10)
    keep = np.concatenate([np.concatenate([np.where(ytr == c)[0], rng.choice(np.where(ytr == c)[0], counts.max() - counts[c], replace=True)]) for c in range(10)])
    xtr, ytr = xtr[keep], ytr[keep]
weights = None
if a.scenario == "imbalanced-weights":  # scikit-learn's "balanced": n / (C * n_c)
    counts = np.bincount(ytr, minlength=10); weights = torch.tensor(len(ytr) / (10 * counts), dtype=torch.float32)

if a.normalize == "none":
    mean, std = 0.0, 1.0
elif a.normalize == "fashion-mnist":
    mean, std = 0.2860, 0.3530
else:
    mean, std = (float(v) for v in a.normalize.split(","))
pad = 1 if a.padding == "same" else 0
side = 7 if pad else 5
model = nn.Sequential(nn.Conv2d(1, 32, 3, padding=pad), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(32, 64, 3, padding=pad), nn.ReLU(), nn.MaxPool2d(2),
                      nn.Flatten(), nn.Linear(64 * side * side, 128), nn.ReLU(), nn.Dropout(a.dropout), nn.Linear(128, 10))
if a.init == "glorot":
    for m in model:
        if isinstance(m, (nn.Conv2d, nn.Linear)):
            nn.init.xavier_uniform_(m.weight); nn.init.zeros_(m.bias)
opt = torch.optim.Adam(model.parameters(), lr=1e-3)


def prepare(x):  # uint8 NCHW -> float, as the trainer does on the torch side
    return (torch.tensor(x, dtype=torch.float32) / 255 - mean) / std


X = torch.tensor(xtr); Y = torch.tensor(ytr)
t0 = time.perf_counter()
for epoch in range(a.epochs):
    model.train()
    perm = torch.randperm(len(Y))
    for s in range(0, len(Y), 128):
        b = perm[s:s + 128]; x = X[b]
        if a.scenario.endswith("augment"):  # on uint8, zero padding = black border, as the pipeline's randomCrop
            x = nn.functional.pad(x, (2, 2, 2, 2))
            off = rng.integers(0, 5, (len(b), 2)); x = torch.stack([x[k, :, i:i + 28, j:j + 28] for k, (i, j) in enumerate(off)])
        if a.scenario.endswith(("augment", "flip")):
            flip = torch.tensor(rng.random(len(b)) < 0.5); x = torch.where(flip[:, None, None, None], x.flip(3), x)
        x = (x.float() / 255 - mean) / std
        opt.zero_grad(); loss = nn.functional.cross_entropy(model(x), Y[b], weight=weights); loss.backward(); opt.step()
secs = (time.perf_counter() - t0) / a.epochs
model.eval()
with torch.no_grad():
    pred = torch.cat([model(prepare(xte[s:s + 1000])).argmax(1) for s in range(0, len(yte), 1000)]).numpy()
recall = [float((pred[yte == c] == c).mean()) for c in range(10)]
f1 = []
for c in range(10):
    tp = ((pred == c) & (yte == c)).sum(); den = (pred == c).sum() + (yte == c).sum()
    f1.append(float(2 * tp / den) if den else 0.0)
print(json.dumps({"scenario": a.scenario, "seed": a.seed, "epochs": a.epochs, "threads": a.threads, "padding": a.padding, "init": a.init,
                  "normalize": a.normalize, "dropout": a.dropout, "train_samples": train_samples, "test_accuracy": float((pred == yte).mean()),
                  "test_macro_f1": float(np.mean(f1)), "test_worst_recall": min(recall), "test_recall": recall, "seconds_per_epoch": secs}))
