"""Streaming batches from the real service: shapes, dtypes, zero-copy views, determinism, sharding, balancing."""

import json

import numpy as np
import pytest

from augment_client import Batch
from augment_client.v1 import pipeline_pb2

SAMPLE = "sample"
FLIP_CROP = {"nodes": [{"id": "flip", "p": 0.5, "horizontalFlip": {}},
                       {"id": "crop", "randomCrop": {"width": 28, "height": 28, "padding": 2}}]}


def _epoch(client, **kw):
    kw.setdefault("batch_size", 500)
    return list(client.stream_batches(SAMPLE, kw.pop("pipeline", FLIP_CROP), **kw))


def test_datasets_lists_the_builtin_sample(client):
    names = {d.name: d for d in client.datasets()}
    assert names[SAMPLE].sample_count == 4000
    assert list(names[SAMPLE].sample_shape) == [28, 28, 1]
    info = client.describe(SAMPLE)
    assert len(info.classes) == 10 and sum(c.count for c in info.classes) == 4000


def test_stream_batches_yields_one_epoch_with_uint8_nhwc_views(client):
    batches = _epoch(client, batch_size=300, seed=1)
    assert [b.batch_index for b in batches] == list(range(14))
    assert all(isinstance(b, Batch) and b.epoch == 0 for b in batches)
    assert [len(b) for b in batches] == [300] * 13 + [100]
    first = batches[0]
    assert first.images.shape == (300, 28, 28, 1) and first.images.dtype == np.uint8
    assert first.labels.dtype == np.int64 and first.indices.dtype == np.int64 and first.keys.dtype == np.int64
    assert first.epoch_info is not None and first.epoch_info.batch_count == 14
    assert all(b.epoch_info is None for b in batches[1:])
    indices = np.concatenate([b.indices for b in batches])
    assert sorted(indices.tolist()) == list(range(4000))  # every sample once, shuffled
    assert indices.tolist() != list(range(4000))


def test_stream_batches_arrays_are_zero_copy_views_of_the_message(client):
    batch = next(iter(client.stream_batches(SAMPLE, None, batch_size=64, seed=3)))
    for array in (batch.images, batch.labels, batch.indices, batch.keys):
        assert not array.flags.owndata and not array.flags.writeable
        base = array
        while isinstance(base, np.ndarray):
            base = base.base
        assert isinstance(base, memoryview) and isinstance(base.obj, bytes)
        assert len(base.obj) == batch.nbytes  # the buffer is the whole received message
    with pytest.raises(ValueError):
        batch.images[0, 0, 0, 0] = 1


def test_stream_batches_same_seed_gives_equal_arrays_and_another_seed_differs(client):
    a = _epoch(client, seed=11, epochs=2)
    b = _epoch(client, seed=11, epochs=2, workers=1)
    c = _epoch(client, seed=12, epochs=2)
    assert [x.position for x in a] == [x.position for x in b]
    for x, y in zip(a, b):
        np.testing.assert_array_equal(x.images, y.images)
        np.testing.assert_array_equal(x.indices, y.indices)
    assert not np.array_equal(a[0].indices, c[0].indices)
    # Epochs differ from each other too.
    assert not np.array_equal(a[0].indices, a[len(a) // 2].indices)


def test_stream_batches_shards_partition_the_epoch(client):
    full = np.concatenate([b.indices for b in _epoch(client, seed=5, batch_size=128)])
    parts = [np.concatenate([b.indices for b in _epoch(client, seed=5, batch_size=128, shard=(i, 3))])
             for i in range(3)]
    assert sum(len(p) for p in parts) == 4000
    assert sorted(np.concatenate(parts).tolist()) == sorted(full.tolist()) == list(range(4000))
    # Shard i takes positions i, i + 3, ... of the epoch's sequence.
    for i, part in enumerate(parts):
        np.testing.assert_array_equal(part, full[i::3])


def test_stream_batches_resume_from_start_equals_the_tail(client):
    full = _epoch(client, seed=9, epochs=2, batch_size=700)
    tail = _epoch(client, seed=9, epochs=2, batch_size=700, start=(0, 4))
    assert [b.position for b in tail] == [b.position for b in full[4:]]
    for x, y in zip(full[4:], tail):
        np.testing.assert_array_equal(x.images, y.images)


def test_stream_batches_float32_chw_normalised_and_target_size(client):
    output = {"layout": "IMAGE_LAYOUT_FLOAT32_CHW", "mean": [0.5], "std": [0.25]}
    u8 = next(iter(client.stream_batches(SAMPLE, None, batch_size=16, seed=2)))
    f32 = next(iter(client.stream_batches(SAMPLE, None, batch_size=16, seed=2, output=output)))
    assert f32.images.shape == (16, 1, 28, 28) and f32.images.dtype == np.float32
    expected = (u8.images.transpose(0, 3, 1, 2).astype(np.float32) / 255 - 0.5) / 0.25
    np.testing.assert_allclose(f32.images, expected, atol=1e-5)
    big = next(iter(client.stream_batches(SAMPLE, None, batch_size=4, seed=2, target_width=40, target_height=32)))
    assert big.images.shape == (4, 32, 40, 1)


def test_stream_batches_accepts_dict_json_string_file_and_message(client, tmp_path):
    path = tmp_path / "pipeline.json"
    path.write_text(json.dumps(FLIP_CROP))
    message = pipeline_pb2.Pipeline()
    message.nodes.add(id="flip", p=0.5, horizontal_flip=pipeline_pb2.HorizontalFlip())
    message.nodes.add(id="crop", random_crop=pipeline_pb2.RandomCrop(width=28, height=28, padding=2))
    results = [next(iter(client.stream_batches(SAMPLE, spec, batch_size=32, seed=4)))
               for spec in (FLIP_CROP, json.dumps(FLIP_CROP), str(path), path, message)]
    for other in results[1:]:
        np.testing.assert_array_equal(results[0].images, other.images)
    identity = next(iter(client.stream_batches(SAMPLE, None, batch_size=32, seed=4)))
    assert not np.array_equal(results[0].images, identity.images)  # the pipeline did something


def test_stream_batches_oversample_balances_classes(client):
    batches = list(client.stream_batches(SAMPLE, None, batch_size=1000, seed=1, balance="oversample"))
    info = batches[0].epoch_info
    largest = max(c.count for c in client.describe(SAMPLE).classes)
    assert {c.count for c in info.class_counts} == {largest}
    labels = np.concatenate([b.labels for b in batches])
    assert np.bincount(labels).tolist() == [largest] * 10
    keys = np.concatenate([b.keys for b in batches])
    assert len(set(keys.tolist())) == len(keys)  # every repeat has its own augmentation key


def test_stream_batches_unbounded_streams_until_closed(client):
    with client.stream_batches(SAMPLE, None, batch_size=1000, epochs=None, seed=1) as stream:
        positions = [next(stream).position for _ in range(10)]
    assert positions[-1] == (2, 1)


def test_pipeline_json_round_trips_through_the_canonical_mapping():
    from augment_client import to_pipeline
    from augment_client.pipelines import dumps

    spec = to_pipeline(FLIP_CROP)
    assert to_pipeline(json.loads(dumps(spec))) == spec
    assert json.loads(dumps(spec))["nodes"][1]["randomCrop"] == {"width": 28, "height": 28, "padding": 2}
