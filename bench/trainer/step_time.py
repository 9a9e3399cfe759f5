"""PyTorch reference for the step-time comparison: the same small CNN, Adam 1e-3, batch 128, 1x28x28, 10 classes.
Prints the median milliseconds per training step (forward + backward + optimiser step).
Usage: step_time.py THREADS BATCH STEPS WARMUP [valid|same] [contiguous|channels_last]
(channels_last: the input with channels-last strides (784, 1, 28, 1), as the trainer makes them; with one channel,
`x.contiguous(memory_format=torch.channels_last)` keeps the strides (784, 784, 28, 1), which libtorch reads as NCHW)."""
import statistics
import sys
import time

import torch
from torch import nn

threads, batch, steps, warmup = (int(a) for a in sys.argv[1:5])
pad = 1 if len(sys.argv) > 5 and sys.argv[5] == "same" else 0
side = 7 if pad else 5
torch.set_num_threads(threads)
torch.manual_seed(0)
model = nn.Sequential(
    nn.Conv2d(1, 32, 3, padding=pad), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(32, 64, 3, padding=pad), nn.ReLU(), nn.MaxPool2d(2),
    nn.Flatten(), nn.Linear(64 * side * side, 128), nn.ReLU(), nn.Linear(128, 10))
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
x = torch.rand(batch, 1, 28, 28)
if len(sys.argv) > 6 and sys.argv[6] == "channels_last":
    x = x.reshape(batch, 28, 28, 1).permute(0, 3, 1, 2)
y = torch.randint(0, 10, (batch,))
times = []
for i in range(warmup + steps):
    t0 = time.perf_counter()
    opt.zero_grad()
    loss = nn.functional.cross_entropy(model(x), y)
    loss.backward()
    opt.step()
    if i >= warmup:
        times.append((time.perf_counter() - t0) * 1000)
print(f"{statistics.median(times):.3f}")
