"""One batch of a stream, with its tensors as numpy views."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from .v1 import service_pb2


@dataclass(frozen=True)
class Batch:
    """A batch from ``StreamBatches``.

    The arrays are read-only numpy views of the received message (``np.frombuffer``, no copy);
    call ``.copy()`` on one to get a writable array. On a shared-memory stream (``shared_memory=`` of
    ``stream_batches``) ``indices``, ``labels``, ``keys`` and ``images`` are views of the stream's ring
    instead, valid until the batch is released: :meth:`release`, or when the stream moves to the next
    batch or closes. Copy what must outlive that (or stream with ``copy=True``).

    Attributes:
        epoch: the epoch this batch belongs to.
        batch_index: index of the batch within its epoch for this shard (0-based).
        indices: int64 ``[N]``, the dataset index of each sample.
        labels: int64 ``[N]``, the class label of each sample.
        keys: int64 ``[N]``, the index each sample's augmentation was keyed with
            (``index + repeat * sample_count``; equal to ``indices`` unless balancing repeats samples).
        images: uint8 ``[N, H, W, C]`` or float32 ``[N, C, H, W]`` (image datasets), else ``None``.
        boxes: per sample ``(float32 [M, 4] xyxy, int64 [M] labels)`` for datasets with boxes, else ``None``.
        epoch_info: ``augment_client.v1.service_pb2.EpochInfo`` on the first batch the iterator yields for
            each epoch (sample and batch counts, effective class counts), else ``None``.
        skipped: samples left out of this batch under the SKIP decode-error policy.
        text, tabular: the text / tabular payload messages for those dataset kinds, else ``None``.
        nbytes: size of the received message in bytes.
        shared_memory_release: on shared-memory streams, the ring position that releasing this batch
            stores in the ring's ``consumed`` counter; 0 otherwise.
    """

    epoch: int
    batch_index: int
    indices: np.ndarray | None
    labels: np.ndarray | None
    keys: np.ndarray | None
    images: np.ndarray | None = None
    boxes: list[tuple[np.ndarray, np.ndarray]] | None = None
    epoch_info: service_pb2.EpochInfo | None = None
    skipped: list[service_pb2.SkippedSample] = field(default_factory=list)
    text: service_pb2.TextPayload | None = None
    tabular: service_pb2.TabularPayload | None = None
    nbytes: int = 0
    shared_memory_release: int = 0
    ring: object | None = field(default=None, repr=False, compare=False)

    @property
    def position(self) -> tuple[int, int]:
        """``(epoch, batch_index)``."""
        return self.epoch, self.batch_index

    def release(self) -> None:
        """Shared-memory streams: lets the server reuse this batch's part of the ring (and that of every
        earlier batch). Its ring views must not be used afterwards. No-op otherwise."""
        if self.ring is not None and self.shared_memory_release:
            self.ring.release(self.shared_memory_release)

    def copied(self) -> Batch:
        """A batch whose arrays own their memory (copies of the ring views); this batch stays as it is."""
        def own(a):
            return None if a is None else np.array(a)
        return replace(self, indices=own(self.indices), labels=own(self.labels), keys=own(self.keys),
                       images=own(self.images), ring=None, shared_memory_release=0)

    def __len__(self) -> int:
        return 0 if self.indices is None else int(self.indices.shape[0])
