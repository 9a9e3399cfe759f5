"""PyTorch integration: :class:`AugmentIterableDataset` streams batches from the service into a ``DataLoader``.

Each item the dataset yields is a whole batch (the service batches), so the ``DataLoader`` gets
``batch_size=None``; ``ds.loader(num_workers)`` builds one with the ``spawn`` start method, because gRPC
is not fork-safe once the parent process has used a channel::

    ds = AugmentIterableDataset("127.0.0.1:50051", "fashion-mnist", pipeline, batch_size=128,
                                seed=1, to_float=True, channels_first=True)
    loader = ds.loader(num_workers=2)      # DataLoader(ds, batch_size=None, num_workers=2, "spawn")
    for epoch in range(epochs):
        ds.set_epoch(epoch)
        for images, labels in loader:
            ...

Sharding is automatic: with ``W`` DataLoader workers and ``R`` distributed ranks, worker ``w`` of rank
``r`` streams shard ``r * W + w`` of ``R * W``, so together they see every sample of an epoch exactly once.
"""

from __future__ import annotations

import os
import warnings

import numpy as np
import torch
from torch.utils.data import DataLoader, IterableDataset, get_worker_info

from .client import DEFAULT_ADDRESS, AugmentClient
from .pipelines import to_balance, to_output, to_pipeline

__all__ = ["AugmentIterableDataset", "shard_for_current_process"]


def _distributed() -> tuple[int, int]:
    """``(rank, world_size)`` from an initialised ``torch.distributed`` group, else from the ``RANK`` /
    ``WORLD_SIZE`` environment variables (torchrun sets them), else ``(0, 1)``."""
    dist = torch.distributed
    if dist.is_available() and dist.is_initialized():
        return dist.get_rank(), dist.get_world_size()
    if "RANK" in os.environ and "WORLD_SIZE" in os.environ:
        return int(os.environ["RANK"]), int(os.environ["WORLD_SIZE"])
    return 0, 1


def shard_for_current_process(rank: int | None = None, world_size: int | None = None) -> tuple[int, int]:
    """The ``(index, count)`` shard of this DataLoader worker of this distributed rank."""
    if rank is None or world_size is None:
        auto_rank, auto_world = _distributed()
        rank = auto_rank if rank is None else rank
        world_size = auto_world if world_size is None else world_size
    if not 0 <= rank < world_size:
        raise ValueError(f"rank: {rank} is outside [0, {world_size})")
    info = get_worker_info()
    worker, workers = (info.id, info.num_workers) if info is not None else (0, 1)
    return rank * workers + worker, world_size * workers


def _tensor(array: np.ndarray) -> torch.Tensor:
    # The numpy arrays are read-only views of the received message; torch warns about wrapping read-only
    # memory. Every caller converts or clones at once, so the message's bytes are never written.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return torch.from_numpy(array)


class AugmentIterableDataset(IterableDataset):
    """A ``torch.utils.data.IterableDataset`` over ``AugmentClient.stream_batches``.

    Args:
        address: the service's ``host:port``.
        dataset: a configured dataset name.
        pipeline: dict, JSON string or path, or ``Pipeline`` message (see ``AugmentClient.stream_batches``).
        batch_size: samples per batch (each item is one batch).
        seed: the stream's seed.
        epochs: epochs streamed per iteration, starting at the epoch set with :meth:`set_epoch` (default 0).
        to_float: uint8 images become float32 in [0, 1] (float32 output from the service passes unchanged).
        channels_first: NHWC uint8 images are permuted to NCHW (contiguous).
        with_meta: yield dicts with ``images``, ``labels``, ``indices``, ``keys``, ``epoch``, ``batch_index``
            instead of ``(images, labels)`` tuples.
        rank, world_size: override the distributed rank detection.
        client_options: keyword arguments for :class:`AugmentClient` (``retries``, ``backoff``, ...).
        **stream_options: more ``stream_batches`` arguments (``balance``, ``output``, ``shuffle``,
            ``drop_last``, ``target_width``, ``target_height``, ``workers`` ...).

    The gRPC channel is opened inside ``__iter__``, in the worker process, never shared across a fork.
    Torch tensors own their memory (uint8 batches are copied once, the float conversion makes its own copy).
    """

    def __init__(self, address: str = DEFAULT_ADDRESS, dataset: str = "sample", pipeline=None, *, batch_size: int = 64,
                 seed: int = 0, epochs: int = 1, to_float: bool = False, channels_first: bool = False,
                 with_meta: bool = False, rank: int | None = None, world_size: int | None = None,
                 client_options: dict | None = None, **stream_options):
        super().__init__()
        if epochs < 1:
            raise ValueError(f"epochs: {epochs} must be >= 1")
        if "shard" in stream_options or "start" in stream_options or "epochs" in stream_options:
            raise ValueError("shard, start and epochs are managed by the dataset (use set_epoch, rank, world_size)")
        self.address = address
        self.dataset = dataset
        self.pipeline = to_pipeline(pipeline)
        self.batch_size = batch_size
        self.seed = seed
        self.epochs = epochs
        self.epoch = 0
        self.to_float = to_float
        self.channels_first = channels_first
        self.with_meta = with_meta
        self.rank = rank
        self.world_size = world_size
        self.client_options = dict(client_options or {})
        if "balance" in stream_options:
            stream_options["balance"] = to_balance(stream_options["balance"])
        if "output" in stream_options:
            stream_options["output"] = to_output(stream_options["output"])
        self.stream_options = stream_options

    def set_epoch(self, epoch: int) -> None:
        """The first epoch the next iteration streams (call it before each epoch's loop, like DistributedSampler)."""
        if epoch < 0:
            raise ValueError(f"epoch: {epoch} must be >= 0")
        self.epoch = epoch

    def shard(self) -> tuple[int, int]:
        """This process's ``(index, count)`` shard (call it inside a worker for the worker's shard)."""
        return shard_for_current_process(self.rank, self.world_size)

    def loader(self, num_workers: int = 0, *, multiprocessing_context=None, **kwargs) -> DataLoader:
        """A ``DataLoader`` over this dataset: ``batch_size=None`` (items are batches already) and, with workers,
        the ``spawn`` start method unless another is given.

        gRPC is not fork-safe: a worker forked from a process that has used a gRPC channel can hang when it
        opens its own. ``spawn`` (or ``forkserver``) workers start clean; scripts using them need the usual
        ``if __name__ == "__main__":`` guard.
        """
        if num_workers > 0 and multiprocessing_context is None:
            multiprocessing_context = "spawn"
        return DataLoader(self, batch_size=None, num_workers=num_workers,
                          multiprocessing_context=multiprocessing_context, **kwargs)

    def __iter__(self):
        shard = self.shard()
        with AugmentClient(self.address, **self.client_options) as client:
            stream = client.stream_batches(self.dataset, self.pipeline, self.batch_size,
                                           epochs=self.epoch + self.epochs, seed=self.seed, shard=shard,
                                           start=(self.epoch, 0), **self.stream_options)
            with stream:
                for batch in stream:
                    yield self._convert(batch)

    def _convert(self, batch):
        images = batch.images
        if images is None:
            raise TypeError(f"dataset {self.dataset!r} does not produce image batches")
        t = _tensor(images)
        if images.dtype == np.uint8:
            if self.channels_first and t.dim() == 4:
                t = t.permute(0, 3, 1, 2)
            if self.to_float:
                t = t.to(torch.float32, memory_format=torch.contiguous_format).div_(255.0)
            else:
                t = t.clone(memory_format=torch.contiguous_format)
        else:
            t = t.clone(memory_format=torch.contiguous_format)
        labels = torch.from_numpy(batch.labels.astype(np.int64))
        if not self.with_meta:
            return t, labels
        return {
            "images": t,
            "labels": labels,
            "indices": torch.from_numpy(batch.indices.astype(np.int64)),
            "keys": torch.from_numpy(batch.keys.astype(np.int64)),
            "epoch": batch.epoch,
            "batch_index": batch.batch_index,
        }
