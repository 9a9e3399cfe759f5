"""The hand-written Batch reader agrees with protobuf's parser and returns views of the message."""

import struct

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from augment_client import _wire
from augment_client._shm import SharedMemoryRing
from augment_client.tensors import from_numpy, to_numpy
from augment_client.v1 import service_pb2, tensor_pb2


def _batch_message(rng, n=5, with_boxes=True):
    images = rng.integers(0, 256, size=(n, 7, 5, 3), dtype=np.uint8)
    msg = service_pb2.Batch(epoch=3, batch_index=-2, indices=from_numpy(rng.integers(0, 1000, n)),
                            labels=from_numpy(np.arange(n, dtype=np.int64) - 2),
                            keys=from_numpy(np.arange(n, dtype=np.int64) + (1 << 40)))
    msg.image.images.CopyFrom(from_numpy(images))
    if with_boxes:
        for i in range(n):
            sb = msg.image.boxes.add()
            sb.boxes.CopyFrom(from_numpy(rng.random((i, 4), dtype=np.float32)))
            sb.labels.CopyFrom(from_numpy(np.full(i, i, dtype=np.int64)))
    msg.epoch_info.epoch = 3
    msg.epoch_info.batch_count = 9
    msg.skipped.add(index=4, reason="bad file")
    return msg


def test_parse_batch_equals_protobuf_parse():
    rng = np.random.default_rng(1)
    msg = _batch_message(rng)
    raw = msg.SerializeToString()
    batch = _wire.parse_batch(raw)
    assert (batch.epoch, batch.batch_index) == (msg.epoch, msg.batch_index)
    np.testing.assert_array_equal(batch.indices, to_numpy(msg.indices))
    np.testing.assert_array_equal(batch.labels, to_numpy(msg.labels))
    np.testing.assert_array_equal(batch.keys, to_numpy(msg.keys))
    np.testing.assert_array_equal(batch.images, to_numpy(msg.image.images))
    assert batch.images.shape == (5, 7, 5, 3) and batch.images.dtype == np.uint8
    assert len(batch.boxes) == 5
    for (b, lab), sb in zip(batch.boxes, msg.image.boxes):
        np.testing.assert_array_equal(b, to_numpy(sb.boxes))
        np.testing.assert_array_equal(lab, to_numpy(sb.labels))
    assert batch.epoch_info == msg.epoch_info
    assert [s.reason for s in batch.skipped] == ["bad file"]
    assert batch.nbytes == len(raw)


def test_parse_batch_arrays_point_into_the_received_bytes():
    raw = _batch_message(np.random.default_rng(2), with_boxes=False).SerializeToString()
    batch = _wire.parse_batch(raw)
    start = np.frombuffer(raw, np.uint8).ctypes.data
    for array in (batch.images, batch.indices, batch.labels, batch.keys):
        address = array.__array_interface__["data"][0]
        assert start <= address < start + len(raw)
        assert not array.flags.owndata and not array.flags.writeable


def test_parse_batch_skips_unknown_fields_and_reads_unpacked_shapes():
    known = _batch_message(np.random.default_rng(3), n=2, with_boxes=False)
    # field 99 (varint), field 98 (fixed64), field 97 (length-delimited), field 96 (fixed32): all unknown.
    unknown = b"\x98\x06\x2a" + b"\x91\x06" + bytes(8) + b"\x8a\x06\x03abc" + b"\x85\x06" + bytes(4)
    # A labels tensor whose shape is written unpacked (field 2 as repeated varints), as older encoders may.
    labels = np.array([7, -1], dtype=np.int64)
    tensor = b"\x08\x03" + b"\x10\x02" + b"\x1a\x10" + labels.tobytes()
    raw = unknown + known.SerializeToString() + b"\x22" + bytes([len(tensor)]) + tensor
    batch = _wire.parse_batch(raw)
    np.testing.assert_array_equal(batch.labels, labels)  # the last occurrence wins, as in protobuf
    assert batch.images.shape == (2, 7, 5, 3)


def test_parse_batch_rejects_data_that_does_not_match_the_shape():
    msg = service_pb2.Batch(labels=tensor_pb2.Tensor(dtype=tensor_pb2.DTYPE_INT64, shape=[3], data=bytes(16)))
    with pytest.raises(ValueError, match=r"labels.data: 16 bytes, but shape \(3,\)"):
        _wire.parse_batch(msg.SerializeToString())


@pytest.mark.parametrize("dtype", [np.uint8, np.int32, np.int64, np.float32, np.float64, ">i4", ">f8"])
def test_from_numpy_round_trips_every_dtype(dtype):
    values = np.arange(24).reshape(2, 3, 4)
    array = (values if np.dtype(dtype).kind == "u" else values - 5).astype(dtype)
    message = from_numpy(array)
    back = to_numpy(tensor_pb2.Tensor.FromString(message.SerializeToString()))
    np.testing.assert_array_equal(back, array)
    assert list(message.shape) == [2, 3, 4]
    little = np.dtype(dtype).newbyteorder("<")
    assert message.data == array.astype(little).tobytes()  # little-endian on the wire, whatever the input order


def test_from_numpy_refuses_unsupported_dtypes():
    with pytest.raises(ValueError, match="unsupported dtype"):
        from_numpy(np.zeros(3, dtype=np.complex64))


def test_generated_messages_pickle_under_the_package_module():
    import pickle

    from augment_client import to_pipeline

    spec = to_pipeline({"nodes": [{"id": "flip", "horizontalFlip": {}}]})
    assert type(spec).__module__ == "augment_client.v1.pipeline_pb2"
    assert pickle.loads(pickle.dumps(spec)) == spec


@settings(max_examples=60, deadline=None)
@given(
    n=st.integers(0, 6),
    hw=st.tuples(st.integers(0, 5), st.integers(0, 5), st.sampled_from([1, 3])),
    layout=st.sampled_from(["uint8", "float32"]),
    epoch=st.integers(-(2**63), 2**63 - 1),
    batch_index=st.integers(-(2**63), 2**63 - 1),
    seed=st.integers(0, 2**32 - 1),
)
def test_parse_batch_matches_protobuf_for_any_batch(n, hw, layout, epoch, batch_index, seed):
    rng = np.random.default_rng(seed)
    h, w, c = hw
    images = (rng.integers(0, 256, (n, h, w, c), dtype=np.uint8) if layout == "uint8"
              else rng.standard_normal((n, c, h, w)).astype(np.float32))
    msg = service_pb2.Batch(epoch=epoch, batch_index=batch_index,
                            indices=from_numpy(rng.integers(-(2**62), 2**62, n)),
                            labels=from_numpy(rng.integers(0, 10, n)), keys=from_numpy(rng.integers(0, 10**12, n)))
    msg.image.images.CopyFrom(from_numpy(images))
    batch = _wire.parse_batch(msg.SerializeToString())
    reference = service_pb2.Batch.FromString(msg.SerializeToString())
    assert (batch.epoch, batch.batch_index) == (reference.epoch, reference.batch_index)
    for got, want in ((batch.indices, reference.indices), (batch.labels, reference.labels),
                      (batch.keys, reference.keys), (batch.images, reference.image.images)):
        expected = to_numpy(want)
        assert got.shape == expected.shape and got.dtype == expected.dtype
        np.testing.assert_array_equal(got, expected)


def _ring_file(tmp_path, capacity=1 << 16):
    path = tmp_path / "ring"
    header = struct.pack("<8sIIQ", b"AUGRING1", 1, 4096, capacity)
    path.write_bytes(header + bytes(4096 - len(header) + capacity))
    return str(path)


def test_parse_record_gives_views_of_the_ring_and_names_the_bad_field(tmp_path):
    ring = SharedMemoryRing(_ring_file(tmp_path))
    try:
        images = np.arange(2 * 3 * 4, dtype=np.uint8).reshape(2, 3, 4, 1)
        labels = np.array([5, -7], dtype=np.int64)
        ring._map[4096:4096 + images.nbytes] = images.tobytes()
        ring._map[8192:8192 + labels.nbytes] = labels.tobytes()

        def record(labels_length=labels.nbytes, labels_offset=8192, labels_dtype=tensor_pb2.DTYPE_INT64):
            msg = service_pb2.Batch(epoch=2, batch_index=9, shared_memory_release=777)
            msg.image.images.dtype, msg.image.images.shape[:] = tensor_pb2.DTYPE_UINT8, [2, 3, 4, 1]
            msg.image.images.shared_memory.offset, msg.image.images.shared_memory.length = 4096, images.nbytes
            msg.labels.dtype, msg.labels.shape[:] = labels_dtype, [2]
            msg.labels.shared_memory.offset, msg.labels.shared_memory.length = labels_offset, labels_length
            msg.indices.CopyFrom(from_numpy(np.array([1, 2])))  # inline data still works in a record
            return msg.SerializeToString()

        batch = _wire.parse_record(record(), ring)
        np.testing.assert_array_equal(batch.images, images)
        np.testing.assert_array_equal(batch.labels, labels)
        np.testing.assert_array_equal(batch.indices, [1, 2])
        assert (batch.epoch, batch.batch_index, batch.shared_memory_release) == (2, 9, 777)
        assert not batch.images.flags.writeable and not batch.images.flags.owndata
        ring._map[4096] = 200  # a view of the ring, not a copy
        assert batch.images[0, 0, 0, 0] == 200
        batch.release()
        assert ring.consumed == 777
        ring.release(5)  # never lowers it
        assert ring.consumed == 777
        with pytest.raises(ValueError, match=r"labels.data: 8 bytes, but shape \(2,\)"):
            _wire.parse_record(record(labels_length=8), ring)
        with pytest.raises(ValueError, match=r"labels.shared_memory: \[69632, 69648\) is outside the ring"):
            _wire.parse_record(record(labels_offset=4096 + (1 << 16)), ring)
        with pytest.raises(ValueError, match=r"labels.dtype: unsupported value 42"):
            _wire.parse_record(record(labels_dtype=42), ring)
        ring.close()  # the mapping stays while an array uses it
        assert batch.images[0, 0, 0, 0] == 200 and batch.labels.tolist() == [5, -7]
    finally:
        ring.close()
