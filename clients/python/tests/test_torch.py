"""augment_client.torch.AugmentIterableDataset with a real DataLoader."""

import numpy as np
import pytest
import torch

from augment_client.torch import AugmentIterableDataset, shard_for_current_process

PIPELINE = {"nodes": [{"id": "flip", "p": 0.5, "horizontalFlip": {}}]}


def _indices(items):
    return sorted(int(i) for item in items for i in item["indices"])


def test_dataloader_with_two_workers_covers_the_epoch_once(service):
    ds = AugmentIterableDataset(service.address, "sample", PIPELINE, batch_size=250, seed=3, with_meta=True,
                                to_float=True, channels_first=True)
    items = list(ds.loader(num_workers=2, timeout=120))
    assert _indices(items) == list(range(4000))
    first = items[0]
    assert first["images"].dtype == torch.float32 and first["images"].shape == (250, 1, 28, 28)
    assert first["images"].is_contiguous() and 0.0 <= float(first["images"].min()) <= float(first["images"].max()) <= 1.0
    assert first["labels"].dtype == torch.int64
    # Each worker streamed its own shard: batch indices restart per worker (0..7 twice).
    assert sorted(item["batch_index"] for item in items) == sorted(list(range(8)) * 2)
    loader = ds.loader(num_workers=2)
    assert loader.batch_size is None and loader.multiprocessing_context.get_start_method() == "spawn"


def test_set_epoch_changes_the_order_and_epochs_stream_in_one_iteration(service):
    ds = AugmentIterableDataset(service.address, "sample", None, batch_size=4000, seed=3, with_meta=True)
    (e0,) = list(ds)
    ds.set_epoch(1)
    (e1,) = list(ds)
    assert e0["epoch"] == 0 and e1["epoch"] == 1
    assert not torch.equal(e0["indices"], e1["indices"])
    ds2 = AugmentIterableDataset(service.address, "sample", None, batch_size=4000, seed=3, epochs=2, with_meta=True)
    both = list(ds2)
    assert [b["epoch"] for b in both] == [0, 1]
    assert torch.equal(both[1]["indices"], e1["indices"])


def test_ranks_and_workers_partition_the_epoch(service):
    seen = []
    for rank in range(2):
        ds = AugmentIterableDataset(service.address, "sample", None, batch_size=500, seed=8, with_meta=True,
                                    rank=rank, world_size=2)
        seen.append(_indices(ds.loader(num_workers=2, timeout=120)))
    assert len(seen[0]) == len(seen[1]) == 2000
    assert sorted(seen[0] + seen[1]) == list(range(4000))


def test_rank_comes_from_the_environment_like_torchrun(monkeypatch):
    monkeypatch.setenv("RANK", "2")
    monkeypatch.setenv("WORLD_SIZE", "3")
    assert shard_for_current_process() == (2, 3)
    assert shard_for_current_process(rank=0, world_size=1) == (0, 1)
    with pytest.raises(ValueError, match="rank"):
        shard_for_current_process(rank=3, world_size=3)


def test_uint8_batches_are_owned_tensors(service):
    ds = AugmentIterableDataset(service.address, "sample", None, batch_size=16, seed=1)
    images, labels = next(iter(ds))
    assert images.dtype == torch.uint8 and images.shape == (16, 28, 28, 1)
    images += 1  # writable: the dataset copied out of the read-only message buffer
    assert labels.shape == (16,) and np.all(labels.numpy() >= 0)


def test_shared_memory_stream_gives_the_same_tensors(service):
    kw = dict(batch_size=500, seed=4, with_meta=True, to_float=False)
    tcp = list(AugmentIterableDataset(service.address, "sample", PIPELINE, **kw))
    # A ring of two batches: every tensor must own its memory before the next batch overwrites the ring.
    shm = list(AugmentIterableDataset(service.address, "sample", PIPELINE, shared_memory=1 << 20, **kw))
    assert len(shm) == len(tcp) == 8
    for a, b in zip(tcp, shm):
        assert torch.equal(a["images"], b["images"]) and torch.equal(a["indices"], b["indices"])
