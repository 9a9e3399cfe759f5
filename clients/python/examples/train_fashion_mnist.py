#!/usr/bin/env python3
"""Trains a small CNN on Fashion-MNIST streamed from the Augment service, with augmentation.

Start the service first (it serves Debian's Fashion-MNIST as "fashion-mnist" / "fashion-mnist-test"
when the dataset-fashion-mnist package is installed):

    dotnet run --project src/Augment.Service -c Release          # listens on 127.0.0.1:50051
    python clients/python/examples/train_fashion_mnist.py --epochs 2

The service decodes, augments (random crop with padding, horizontal flip), shuffles, normalises and
batches; this script only trains. Epoch e of the stream is a pure function of (seed, e): rerunning
gives the same batches.
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import torch
from torch import nn

from augment_client import AugmentClient
from augment_client.torch import AugmentIterableDataset

MEAN, STD = 0.2860, 0.3530  # Fashion-MNIST training-set pixel statistics on the 0..1 scale
OUTPUT = {"layout": "IMAGE_LAYOUT_FLOAT32_CHW", "mean": [MEAN], "std": [STD]}
TRAIN_PIPELINE = {
    "nodes": [
        {"id": "crop", "randomCrop": {"width": 28, "height": 28, "padding": 2}},
        {"id": "flip", "p": 0.5, "horizontalFlip": {}},
    ]
}


class SmallCnn(nn.Module):
    def __init__(self, classes: int = 10):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(inplace=True), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(inplace=True), nn.MaxPool2d(2),
        )
        self.head = nn.Sequential(nn.Flatten(), nn.Linear(64 * 7 * 7, 128), nn.ReLU(inplace=True),
                                  nn.Dropout(0.25), nn.Linear(128, classes))

    def forward(self, x):
        return self.head(self.features(x))


def evaluate(model: nn.Module, address: str, dataset: str, batch_size: int = 1000) -> float:
    """Test accuracy, streaming the test set without augmentation or shuffling (plain AugmentClient use)."""
    model.eval()
    correct = total = 0
    with AugmentClient(address) as client, torch.no_grad():
        for batch in client.stream_batches(dataset, None, batch_size=batch_size, shuffle=False, output=OUTPUT):
            images = torch.from_numpy(batch.images.copy())  # float32 [N, 1, 28, 28], normalised by the service
            labels = torch.from_numpy(batch.labels.astype(np.int64))
            correct += int((model(images).argmax(1) == labels).sum())
            total += len(labels)
    return correct / total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--address", default="127.0.0.1:50051")
    parser.add_argument("--train", default="fashion-mnist")
    parser.add_argument("--test", default="fashion-mnist-test")
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=128)
    parser.add_argument("--lr", type=float, default=3e-3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threads", type=int, default=2, help="torch CPU threads")
    parser.add_argument("--workers", type=int, default=0, help="DataLoader workers (each streams its own shard)")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    with AugmentClient(args.address) as client:
        client.wait_ready(30)
        info = client.describe(args.train)
    steps_per_epoch = -(-info.sample_count // args.batch_size)
    print(f"{args.train}: {info.sample_count} samples, {len(info.classes)} classes, shape {list(info.sample_shape)}")

    train = AugmentIterableDataset(args.address, args.train, TRAIN_PIPELINE, batch_size=args.batch_size,
                                   seed=args.seed, output=OUTPUT)
    loader = train.loader(num_workers=args.workers)
    model = SmallCnn(len(info.classes))
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=args.lr, epochs=args.epochs,
                                                   steps_per_epoch=steps_per_epoch + args.workers)
    loss_fn = nn.CrossEntropyLoss()

    accuracy = 0.0
    for epoch in range(args.epochs):
        train.set_epoch(epoch)
        model.train()
        start = time.perf_counter()
        seen = loss_sum = 0
        for images, labels in loader:
            optimizer.zero_grad(set_to_none=True)
            loss = loss_fn(model(images), labels)
            loss.backward()
            optimizer.step()
            schedule.step()
            seen += len(labels)
            loss_sum += float(loss) * len(labels)
        train_time = time.perf_counter() - start
        accuracy = evaluate(model, args.address, args.test)
        print(f"epoch {epoch + 1}/{args.epochs}: {seen} samples in {train_time:.1f} s "
              f"({seen / train_time:.0f} samples/s), loss {loss_sum / seen:.4f}, test accuracy {accuracy:.2%}",
              flush=True)
    print(f"final test accuracy: {accuracy:.2%}")


if __name__ == "__main__":
    main()
