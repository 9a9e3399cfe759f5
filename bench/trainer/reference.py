"""PyTorch 1.13 reference for the results table (Debian's python3-torch, /usr/bin/python3): the same small CNN
(2 conv + 2 dense), Adam 1e-3, batch 128, inputs x/255, on Debian's Fashion-MNIST.
Usage: reference.py SCENARIO SEED [EPOCHS=3] [THREADS=1]
  SCENARIO: full | imbalanced | imbalanced-oversample | imbalanced-weights | small | small-augment
Prints one JSON line: test accuracy, macro-F1, worst-class recall, seconds per epoch."""
import gzip, json, sys, time
import numpy as np
import torch
from torch import nn

scenario, seed = sys.argv[1], int(sys.argv[2])
epochs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
torch.set_num_threads(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
root = "/usr/share/datasets/fashion-mnist/"

def idx(name, offset):
    with gzip.open(root + name) as f:
        return np.frombuffer(f.read(), np.uint8, offset=offset)

xtr = idx("train-images-idx3-ubyte.gz", 16).reshape(-1, 1, 28, 28); ytr = idx("train-labels-idx1-ubyte.gz", 8).astype(np.int64)
xte = idx("t10k-images-idx3-ubyte.gz", 16).reshape(-1, 1, 28, 28); yte = idx("t10k-labels-idx1-ubyte.gz", 8).astype(np.int64)
rng = np.random.default_rng(seed)
torch.manual_seed(seed)
if scenario.startswith("small"):
    keep = rng.permutation(len(ytr))[:1000]; xtr, ytr = xtr[keep], ytr[keep]
if scenario.startswith("imbalanced"):
    keep = np.concatenate([np.where(ytr == c)[0] if c < 5 else rng.permutation(np.where(ytr == c)[0])[:int(np.ceil(0.05 * (ytr == c).sum()))] for c in range(10)])
    xtr, ytr = xtr[keep], ytr[keep]
if scenario == "imbalanced-oversample":
    counts = np.bincount(ytr, minlength=10)
    keep = np.concatenate([rng.choice(np.where(ytr == c)[0], counts.max(), replace=True) for c in range(10)])
    xtr, ytr = xtr[keep], ytr[keep]
weights = None
if scenario == "imbalanced-weights":
    counts = np.bincount(ytr, minlength=10); weights = torch.tensor(len(ytr) / (10 * counts), dtype=torch.float32)

model = nn.Sequential(nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
                      nn.Flatten(), nn.Linear(64 * 5 * 5, 128), nn.ReLU(), nn.Linear(128, 10))
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
X = torch.tensor(xtr, dtype=torch.float32) / 255; Y = torch.tensor(ytr)
t0 = time.perf_counter()
for epoch in range(epochs):
    model.train()
    perm = torch.randperm(len(Y))
    for s in range(0, len(Y), 128):
        b = perm[s:s + 128]; x = X[b]
        if scenario == "small-augment":
            x = nn.functional.pad(x, (2, 2, 2, 2))
            off = rng.integers(0, 5, (len(b), 2)); x = torch.stack([x[k, :, i:i + 28, j:j + 28] for k, (i, j) in enumerate(off)])
            flip = torch.tensor(rng.random(len(b)) < 0.5); x = torch.where(flip[:, None, None, None], x.flip(3), x)
        opt.zero_grad(); loss = nn.functional.cross_entropy(model(x), Y[b], weight=weights); loss.backward(); opt.step()
secs = (time.perf_counter() - t0) / epochs
model.eval()
with torch.no_grad():
    pred = model(torch.tensor(xte, dtype=torch.float32) / 255).argmax(1).numpy()
recall = [float((pred[yte == c] == c).mean()) for c in range(10)]
f1 = []
for c in range(10):
    tp = ((pred == c) & (yte == c)).sum(); den = (pred == c).sum() + (yte == c).sum()
    f1.append(2 * tp / den if den else 0.0)
print(json.dumps({"scenario": scenario, "seed": seed, "epochs": epochs, "test_accuracy": float((pred == yte).mean()),
                  "macro_f1": float(np.mean(f1)), "worst_recall": min(recall), "seconds_per_epoch": secs}))
