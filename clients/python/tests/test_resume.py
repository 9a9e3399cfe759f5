"""The batch iterator survives the server being killed and restarted mid-epoch."""

import threading

import numpy as np

from augment_client import AugmentClient

PIPELINE = {"nodes": [{"id": "flip", "p": 0.5, "horizontalFlip": {}},
                      {"id": "rot", "rotate": {"degrees": {"min": -15, "max": 15}}}]}


def _stream(client, **kw):
    return client.stream_batches("sample", PIPELINE, batch_size=250, epochs=2, seed=21, **kw)


def test_stream_resumes_after_kill_and_restart_with_exactly_the_uninterrupted_batches(private_service):
    with AugmentClient(private_service.address) as reference:
        expected = list(_stream(reference))
    assert len(expected) == 32

    received = []
    with AugmentClient(private_service.address, retries=120, backoff=(0.2, 1.0)) as client:
        stream = _stream(client)
        for batch in stream:
            received.append(batch)
            if len(received) == 5:  # mid-epoch 0: kill the server while the stream is open, then restart it
                private_service.kill()
                restarter = threading.Thread(target=private_service.start)
                restarter.start()
        restarter.join()
        assert stream.reconnects >= 1

    assert [b.position for b in received] == [b.position for b in expected]
    for got, want in zip(received, expected):
        np.testing.assert_array_equal(got.indices, want.indices)
        np.testing.assert_array_equal(got.keys, want.keys)
        np.testing.assert_array_equal(got.images, want.images)
        assert (got.epoch_info is None) == (want.epoch_info is None)
