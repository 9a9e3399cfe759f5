"""gRPC failures become clear Python exceptions with the server's message and the field path."""

import grpc
import pytest

from augment_client import (
    AugmentClient,
    FailedPreconditionError,
    InvalidArgumentError,
    NotFoundError,
    SpecError,
    UnavailableError,
)


def _first(stream):
    return next(iter(stream))


def test_unknown_dataset_raises_not_found_naming_it(client):
    with pytest.raises(NotFoundError) as e:
        _first(client.stream_batches("no-such-dataset", None, batch_size=8))
    assert e.value.code == grpc.StatusCode.NOT_FOUND
    assert "no-such-dataset" in str(e.value)
    with pytest.raises(LookupError):
        client.describe("no-such-dataset")


def test_bad_batch_size_raises_invalid_argument_with_the_field(client):
    with pytest.raises(InvalidArgumentError) as e:
        _first(client.stream_batches("sample", None, batch_size=0))
    assert e.value.field == "batch_size"
    assert "batch_size: 0 is outside" in e.value.details
    assert isinstance(e.value, ValueError)


def test_invalid_pipeline_raises_with_the_spec_path(client):
    spec = {"nodes": [{"horizontalFlip": {}}, {"rotate": {"degrees": {"min": 30, "max": -30}}}]}
    with pytest.raises(InvalidArgumentError) as e:
        _first(client.stream_batches("sample", spec, batch_size=8))
    assert e.value.field == "pipeline.nodes[1].rotate.degrees"
    assert "min > max" in e.value.details


def test_start_beyond_the_epoch_names_start_batch(client):
    with pytest.raises(InvalidArgumentError) as e:
        _first(client.stream_batches("sample", None, batch_size=1000, start=(0, 9)))
    assert e.value.field == "start.batch"


def test_bad_shard_names_the_field(client):
    with pytest.raises(InvalidArgumentError) as e:
        _first(client.stream_batches("sample", None, batch_size=8, shard=(3, 3)))
    assert e.value.field == "shard"


def test_pipeline_dict_with_an_unknown_field_raises_spec_error_before_sending(client):
    with pytest.raises(SpecError, match="rotat"):
        client.stream_batches("sample", {"nodes": [{"rotat": {}}]}, batch_size=8)
    with pytest.raises(SpecError, match="cannot read"):
        client.stream_batches("sample", "/nonexistent/pipeline.json", batch_size=8)


def test_unreachable_server_raises_unavailable_after_bounded_retries():
    with AugmentClient("127.0.0.1:1", retries=2, backoff=(0.01, 0.02)) as c:
        stream = c.stream_batches("sample", None, batch_size=8)
        with pytest.raises(UnavailableError) as e:
            _first(stream)
        assert stream.reconnects == 2
        assert "after 2 reconnection attempts" in str(e.value)
        assert isinstance(e.value, ConnectionError)


def test_failed_precondition_maps_to_its_class():
    err = grpc.RpcError()
    err.code = lambda: grpc.StatusCode.FAILED_PRECONDITION
    err.details = lambda: "images: samples of batch 0 have different sizes"
    err.trailing_metadata = lambda: ()
    from augment_client.errors import from_rpc_error
    mapped = from_rpc_error(err)
    assert isinstance(mapped, FailedPreconditionError) and mapped.field == "images"
