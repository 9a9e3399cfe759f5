"""Text and tabular stream options become the request's sub-messages; bad values name the field."""

import pytest

from augment_client import AugmentClient, InvalidArgumentError


def test_eda_and_tabular_sampler_dicts_fill_the_request():
    client = AugmentClient("127.0.0.1:1")  # the channel connects lazily: nothing is sent here
    stream = client.stream_batches("texts", eda={"numAug": 4, "alphaSr": 0.2}, max_tokens=32,
                                   tabular_sampler={"method": "TABULAR_METHOD_ADASYN", "kNeighbors": 3})
    request = stream._request
    assert request.eda.num_aug == 4 and request.eda.alpha_sr == pytest.approx(0.2)
    assert request.max_tokens == 32
    assert request.tabular_sampler.k_neighbors == 3
    assert request.tabular_sampler.method == 3
    client.close()


def test_bad_eda_field_raises_naming_it():
    client = AugmentClient("127.0.0.1:1")
    with pytest.raises(InvalidArgumentError) as e:
        client.stream_batches("texts", eda={"noSuchField": 1})
    assert e.value.field == "eda"
    with pytest.raises(InvalidArgumentError):
        client.stream_batches("texts", tabular_sampler=42)
    client.close()
