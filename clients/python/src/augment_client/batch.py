"""One batch of a stream, with its tensors as numpy views."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .v1 import service_pb2


@dataclass(frozen=True)
class Batch:
    """A batch from ``StreamBatches``.

    The arrays are read-only numpy views of the received message (``np.frombuffer``, no copy);
    call ``.copy()`` on one to get a writable array.

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

    @property
    def position(self) -> tuple[int, int]:
        """``(epoch, batch_index)``."""
        return self.epoch, self.batch_index

    def __len__(self) -> int:
        return 0 if self.indices is None else int(self.indices.shape[0])
