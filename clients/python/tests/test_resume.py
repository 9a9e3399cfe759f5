"""The batch iterator survives the server being killed and restarted mid-epoch."""

import threading

import numpy as np
import pytest

from augment_client import AugmentClient

PIPELINE = {"nodes": [{"id": "flip", "p": 0.5, "horizontalFlip": {}},
                      {"id": "rot", "rotate": {"degrees": {"min": -15, "max": 15}}}]}


def _stream(client, **kw):
    # 1 MiB batches (64x64): 32 MiB in all, far more than gRPC's buffers can hold ahead of the reader,
    # so the server really is gone mid-stream.
    return client.stream_batches("sample", PIPELINE, batch_size=250, epochs=2, seed=21,
                                 target_width=64, target_height=64, **kw)


@pytest.mark.parametrize("how", ["kill", "terminate"])
def test_stream_resumes_after_restart_with_exactly_the_uninterrupted_batches(private_service, how):
    """kill: SIGKILL, the connection just drops. terminate: SIGTERM, the service ends the stream with UNAVAILABLE."""
    with AugmentClient(private_service.address) as reference:
        expected = list(_stream(reference))
    assert len(expected) == 32

    received = []
    with AugmentClient(private_service.address, retries=120, backoff=(0.2, 1.0)) as client:
        stream = _stream(client)
        resumed_at = None
        for batch in stream:
            received.append(batch)
            if resumed_at is None and stream.reconnects:
                resumed_at = len(received) - 1
            if len(received) == 5:  # mid-epoch 0: end the server while the stream is open, then restart it
                ending = private_service.process
                ending.kill() if how == "kill" else ending.terminate()
                # Keep reading meanwhile: a graceful shutdown lets the stream drain what the client reads.
                restarter = threading.Thread(target=lambda: (ending.wait(60), private_service.start()))
                restarter.start()
        restarter.join()
        assert stream.reconnects >= 1
        assert resumed_at is not None and resumed_at < len(expected) - 1  # batches came from the new server

    assert [b.position for b in received] == [b.position for b in expected]
    for got, want in zip(received, expected):
        np.testing.assert_array_equal(got.indices, want.indices)
        np.testing.assert_array_equal(got.keys, want.keys)
        np.testing.assert_array_equal(got.images, want.images)
        assert (got.epoch_info is None) == (want.epoch_info is None)


def test_stream_resumes_when_the_server_stops_while_the_client_is_not_reading(private_service):
    """SIGTERM while the client does not read (a long training step): the stream ends (UNAVAILABLE, or CANCELLED when
    the server's write grace runs out with writes pending) and resumes on the restarted server with the same batches."""
    with AugmentClient(private_service.address) as reference:
        expected = list(_stream(reference))
    received = []
    with AugmentClient(private_service.address, retries=120, backoff=(0.2, 1.0)) as client:
        stream = _stream(client)
        for batch in stream:
            received.append(batch)
            if len(received) == 3:
                ending = private_service.process
                ending.terminate()
                ending.wait(60)  # not reading meanwhile: the server's write grace runs out
                private_service.start()
        assert stream.reconnects >= 1
    assert [b.position for b in received] == [b.position for b in expected]
    for got, want in zip(received, expected):
        np.testing.assert_array_equal(got.images, want.images)
