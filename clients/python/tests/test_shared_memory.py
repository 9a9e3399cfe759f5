"""Shared-memory streams from the real service: same bytes as the socket path, views of the ring, release,
the ring file's lifetime, errors."""

import os
import stat
import struct
import threading
import time
import zlib

import numpy as np
import pytest

from augment_client import AugmentClient, DataLossError, InvalidArgumentError, UnavailableError
from conftest import ServiceProcess, _dll, _free_port

SAMPLE = "sample"
PIPELINE = {"nodes": [{"id": "crop", "randomResizedCrop": {"width": 28, "height": 28}},
                      {"id": "flip", "p": 0.5, "horizontalFlip": {}}]}
# 500 samples of 28x28 are ~400 KB per batch: a 1 MiB ring holds two, and 3 epochs (24 batches) wrap it.
REQUEST = dict(batch_size=500, epochs=3, seed=13, workers=2)
RING = 1 << 20


def _arrays(b):
    return (b.epoch, b.batch_index, b.indices.tobytes(), b.labels.tobytes(), b.keys.tobytes(), b.images.tobytes(),
            b.images.shape, b.images.dtype)


def _tcp(client):
    return [_arrays(b) for b in client.stream_batches(SAMPLE, PIPELINE, **REQUEST)]


def _wait_gone(path):
    for _ in range(200):
        if not os.path.exists(path):
            return
        time.sleep(0.01)
    raise AssertionError(f"{path} still exists")


@pytest.mark.parametrize("in_ring", [True, False], ids=["batches-in-ring", "message-per-batch"])
def test_shared_memory_stream_wraps_the_ring_with_the_same_bytes_as_the_socket(client, in_ring):
    expected = _tcp(client)
    actual = []
    path = bell = None
    with client.stream_batches(SAMPLE, PIPELINE, shared_memory=RING, batches_in_ring=in_ring, **REQUEST) as stream:
        for i, batch in enumerate(stream):
            if path is None:
                path = batch.ring.path
                assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
                assert batch.ring.capacity == RING
                if in_ring:
                    bell = stream._bell.path
                    assert bell == path + ".bell" and stat.S_ISFIFO(os.stat(bell).st_mode)
                    assert stat.S_IMODE(os.stat(bell).st_mode) == 0o600
                else:
                    assert stream._bell is None
            assert not batch.images.flags.writeable and not batch.images.flags.owndata
            assert batch.images.ctypes.data % 64 == 0  # tensors start 64-byte aligned in the ring
            if i % 4 == 0:
                time.sleep(0.03)  # a slow consumer: the server must wait for room, not overwrite this batch
            actual.append(_arrays(batch))
    assert len(expected) == 24
    assert actual == expected
    _wait_gone(path)
    if bell is not None:
        _wait_gone(bell)


def test_batches_in_ring_resume_gives_the_remaining_batches_of_the_socket_stream(client):
    expected = [_arrays(b) for b in client.stream_batches(SAMPLE, PIPELINE, start=(1, 3), **REQUEST)]
    with client.stream_batches(SAMPLE, PIPELINE, start=(1, 3), shared_memory=RING, **REQUEST) as stream:
        actual = [_arrays(b) for b in stream]
    assert len(expected) == 13 and expected[0][:2] == (1, 3)
    assert actual == expected


def _png(path, seed):
    """An 8x8 grayscale PNG."""
    rows = b"".join(b"\x00" + bytes((seed * 31 + y * 8 + x) % 256 for x in range(8)) for y in range(8))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 0, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


@pytest.fixture()
def broken_service(tmp_path):
    """A service with dataset "broken": 0.png .. 2.png, then 3.png that fails to decode."""
    folder = tmp_path / "broken" / "a"
    folder.mkdir(parents=True)
    for i in range(3):
        _png(folder / f"{i}.png", i)
    (folder / "3.png").write_bytes(b"\x89PNG\x01\x02\x03")
    proc = ServiceProcess(_dll(), _free_port(), env={
        "Augment__Data__Datasets__broken__Kind": "image-folder",
        "Augment__Data__Datasets__broken__Path": str(tmp_path / "broken")})
    proc.start()
    yield proc
    proc.close()


@pytest.mark.parametrize("in_ring", [True, False], ids=["batches-in-ring", "message-per-batch"])
def test_error_mid_stream_surfaces_after_the_batches_before_it(broken_service, in_ring):
    request = dict(batch_size=1, shuffle=False, workers=1)
    with AugmentClient(broken_service.address) as client:
        tcp = []
        with pytest.raises(DataLossError) as expected:
            for b in client.stream_batches("broken", **request):
                tcp.append(_arrays(b))
        shared = []
        bell = None
        with pytest.raises(DataLossError) as actual:
            with client.stream_batches("broken", shared_memory=True, batches_in_ring=in_ring, **request) as stream:
                stream._start_call()
                time.sleep(0.3)  # the service fails (ending the doorbell) before the client even opens it
                for b in stream:
                    bell = bell or (stream._bell.path if stream._bell else None)
                    shared.append(_arrays(b))
    assert len(tcp) == 3 and shared == tcp
    assert "3.png" in actual.value.details and actual.value.details == expected.value.details
    assert (bell is not None) == in_ring
    if bell:
        _wait_gone(bell)


def test_copy_true_gives_owned_arrays_that_outlive_the_ring(client):
    expected = _tcp(client)
    batches = list(client.stream_batches(SAMPLE, PIPELINE, shared_memory=RING, copy=True, **REQUEST))
    assert all(b.images.flags.owndata and b.ring is None for b in batches)
    assert [_arrays(b) for b in batches] == expected


def test_closing_the_stream_early_removes_the_ring_and_the_service_keeps_serving(client):
    stream = client.stream_batches(SAMPLE, PIPELINE, shared_memory=True, batch_size=500, epochs=None, seed=1)
    first = next(stream)
    next(stream)
    path = first.ring.path
    bell = stream._bell.path
    assert os.path.exists(path) and os.path.exists(bell)
    stream.close()
    _wait_gone(path)
    _wait_gone(bell)
    assert len(list(client.stream_batches(SAMPLE, batch_size=1000))) == 4


def test_release_lets_the_server_reuse_the_ring(client):
    with client.stream_batches(SAMPLE, PIPELINE, shared_memory=RING, **REQUEST) as stream:
        first = next(stream)
        before = first.ring.consumed
        first.release()
        assert first.ring.consumed == first.shared_memory_release > before


def test_batch_larger_than_the_ring_is_invalid_argument_naming_ring_bytes(client):
    with pytest.raises(InvalidArgumentError) as e:
        list(client.stream_batches(SAMPLE, batch_size=256, shared_memory=64 << 10))
    assert e.value.field == "shared_memory.ring_bytes"
    assert "needs" in e.value.details and "ring holds 65536" in e.value.details
    assert len(list(client.stream_batches(SAMPLE, batch_size=1000))) == 4


def test_bad_shared_memory_argument_is_refused_before_sending(client):
    with pytest.raises(InvalidArgumentError) as e:
        client.stream_batches(SAMPLE, shared_memory=-5)
    assert e.value.field == "shared_memory"


def test_unchanged_arrays_without_shared_memory(client):
    batch = next(iter(client.stream_batches(SAMPLE, batch_size=100)))
    assert batch.ring is None and batch.shared_memory_release == 0
    batch.release()  # no-op
    assert isinstance(np.asarray(batch.images).base, (memoryview, bytes, np.ndarray))


def test_shared_memory_stream_resumes_after_sigkill_and_the_next_server_removes_the_stale_ring(private_service):
    def stream(client, **kw):
        # 1 MiB batches through a 4 MiB ring: the server is at most a few batches ahead when it dies.
        return client.stream_batches(SAMPLE, PIPELINE, batch_size=250, epochs=1, seed=5, target_width=64,
                                     target_height=64, **kw)

    with AugmentClient(private_service.address) as reference:
        expected = [_arrays(b) for b in stream(reference)]
    received = []
    with AugmentClient(private_service.address, retries=120, backoff=(0.2, 1.0)) as client:
        batches = stream(client, shared_memory=4 << 20, copy=True)
        for batch in batches:
            received.append(_arrays(batch))
            if len(received) == 5:
                stale = batches._ring.path
                private_service.kill()  # SIGKILL: the server cannot delete its ring
                assert os.path.exists(stale)
                private_service.start()
        assert batches.reconnects >= 1
    assert received == expected
    assert not os.path.exists(stale)


def test_server_stopping_mid_stream_ends_the_loop_with_unavailable_not_a_hang(private_service):
    outcome = []
    started = threading.Event()

    def consume():
        with AugmentClient(private_service.address, retries=0) as client:
            try:
                with client.stream_batches(SAMPLE, PIPELINE, shared_memory=RING, batch_size=500, epochs=None,
                                           seed=2) as stream:
                    for i, _ in enumerate(stream):
                        if i == 3:
                            started.set()
                outcome.append("ended")
            except Exception as e:  # noqa: BLE001 - checked below
                outcome.append(e)

    thread = threading.Thread(target=consume, daemon=True)
    thread.start()
    assert started.wait(30)
    private_service.stop()  # SIGTERM: graceful shutdown while the stream runs
    thread.join(30)
    assert not thread.is_alive(), "the client loop hangs after the server stopped"
    assert len(outcome) == 1 and isinstance(outcome[0], UnavailableError), outcome
