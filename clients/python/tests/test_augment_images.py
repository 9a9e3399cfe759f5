"""augment_images: client images go through a pipeline and come back in order."""

import struct
import zlib

import numpy as np
import pytest

from augment_client import ImageError, InvalidArgumentError


def _png(image: np.ndarray) -> bytes:
    """A minimal RGB PNG encoder (filter 0 rows, one IDAT)."""
    h, w, _ = image.shape

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + image[y].tobytes() for y in range(h))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


@pytest.fixture(scope="module")
def images():
    rng = np.random.default_rng(0)
    return [rng.integers(0, 256, size=(20 + i, 30, 3), dtype=np.uint8) for i in range(6)]


def test_augment_images_flip_round_trip(client, images):
    out = list(client.augment_images(images, {"nodes": [{"horizontalFlip": {}}]}, seed=1))
    assert len(out) == len(images)
    for got, original in zip(out, images):
        assert got.dtype == np.uint8
        np.testing.assert_array_equal(got, original[:, ::-1])


def test_augment_images_accepts_grayscale_and_encoded_png(client, images):
    identity = {"nodes": []}
    gray = images[0][:, :, 0]
    out_gray, out_png = client.augment_images([gray, _png(images[1])], identity)
    np.testing.assert_array_equal(out_gray[:, :, 0], gray)
    np.testing.assert_array_equal(out_png, images[1])


def test_augment_images_same_key_same_bytes(client, images):
    spec = {"nodes": [{"rotate": {"degrees": {"min": -30, "max": 30}}}, {"colorJitter": {"brightness": 0.4}}]}
    a = list(client.augment_images(images, spec, seed=5))
    b = list(client.augment_images(images, spec, seed=5))
    c = list(client.augment_images(images, spec, seed=6))
    for x, y in zip(a, b):
        np.testing.assert_array_equal(x, y)
    assert any(not np.array_equal(x, z) for x, z in zip(a, c))
    # The key is (seed, epoch, start_index + i): a slice started at its own index reproduces the same images.
    tail = list(client.augment_images(images[3:], spec, seed=5, start_index=3))
    for x, y in zip(a[3:], tail):
        np.testing.assert_array_equal(x, y)


def test_augment_images_float_output(client, images):
    (out,) = client.augment_images(images[:1], {"nodes": []}, output="float32_chw")
    assert out.dtype == np.float32 and out.shape == (3, 20, 30)
    np.testing.assert_allclose(out, images[0].transpose(2, 0, 1) / 255.0, atol=1e-6)


def test_augment_images_bad_image_raises_image_error_with_index(client, images):
    results = client.augment_images([images[0], b"not an image"], {"nodes": []}, start_index=10)
    next(results)
    with pytest.raises(ImageError) as e:
        next(results)
    assert e.value.index == 1 and e.value.field == "images[1]"


def test_augment_images_rejects_non_uint8_arrays(client):
    with pytest.raises(InvalidArgumentError, match=r"images\[0\]: dtype float64"):
        list(client.augment_images([np.zeros((4, 4, 3))], {"nodes": []}))


def test_augment_images_boxes_follow_the_flip(client, images):
    boxes = [(np.array([[2, 3, 10, 8]], np.float32), np.array([7])) for _ in images[:2]]
    out = list(client.augment_images(images[:2], {"nodes": [{"horizontalFlip": {}}]}, boxes=boxes))
    for (image, b, labels), original in zip(out, images):
        np.testing.assert_array_equal(image, original[:, ::-1])
        np.testing.assert_allclose(b, [[30 - 10, 3, 30 - 2, 8]])  # width 30: x -> 30 - x
        assert labels.tolist() == [7]


def test_augment_images_checks_the_pipeline_before_iterating(client):
    with pytest.raises(InvalidArgumentError, match="pipeline: required"):
        client.augment_images([], None)  # raised at the call, not at the first next()
