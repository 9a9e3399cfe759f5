"""``augment.v1.Tensor`` <-> numpy.

Tensors are little-endian and row-major, so a tensor's bytes become a numpy array with
``np.frombuffer`` (no copy): the array is a read-only view of the received message.
"""

from __future__ import annotations

from collections.abc import Sequence
from math import prod

import numpy as np

from .v1 import tensor_pb2

__all__ = ["DTYPES", "to_numpy", "from_numpy", "view", "checked_dtype"]

#: Wire dtype -> numpy dtype (explicitly little-endian).
DTYPES: dict[int, np.dtype] = {
    tensor_pb2.DTYPE_UINT8: np.dtype("<u1"),
    tensor_pb2.DTYPE_INT32: np.dtype("<i4"),
    tensor_pb2.DTYPE_INT64: np.dtype("<i8"),
    tensor_pb2.DTYPE_FLOAT32: np.dtype("<f4"),
    tensor_pb2.DTYPE_FLOAT64: np.dtype("<f8"),
}


def view(dtype: int, shape: Sequence[int], data, field: str = "tensor") -> np.ndarray:
    """A numpy view of ``data`` (any buffer) with the wire ``dtype`` and ``shape``; checks the byte count."""
    shape = tuple(map(int, shape))
    size = data.nbytes if type(data) is memoryview else memoryview(data).nbytes
    return np.frombuffer(data, dtype=checked_dtype(dtype, shape, size, field)).reshape(shape)


def checked_dtype(dtype: int, shape: Sequence[int], size: int, field: str = "tensor") -> np.dtype:
    """The numpy dtype of a wire ``dtype`` whose ``shape`` needs exactly ``size`` bytes; ValueError naming
    ``field`` otherwise."""
    np_dtype = DTYPES.get(dtype)
    if np_dtype is None:
        raise ValueError(f"{field}.dtype: unsupported value {dtype}")
    if shape and min(shape) < 0:
        raise ValueError(f"{field}.shape: negative dimension in {tuple(shape)}")
    if size != prod(shape) * np_dtype.itemsize:
        raise ValueError(f"{field}.data: {size} bytes, but shape {tuple(shape)} of {np_dtype} needs "
                         f"{prod(shape) * np_dtype.itemsize}")
    return np_dtype


def to_numpy(tensor: tensor_pb2.Tensor, field: str = "tensor") -> np.ndarray:
    """A numpy array over the bytes of a parsed ``Tensor`` message (read-only; no copy beyond protobuf's own)."""
    return view(tensor.dtype, tensor.shape, tensor.data, field)


def from_numpy(array: np.ndarray) -> tensor_pb2.Tensor:
    """A ``Tensor`` message holding ``array`` (copied as little-endian, row-major bytes)."""
    array = np.asarray(array)
    for wire, dtype in DTYPES.items():
        if array.dtype.kind == dtype.kind and array.dtype.itemsize == dtype.itemsize:
            data = np.ascontiguousarray(array, dtype=dtype).tobytes()
            return tensor_pb2.Tensor(dtype=wire, shape=list(array.shape), data=data)
    raise ValueError(f"unsupported dtype {array.dtype}: use uint8, int32, int64, float32 or float64")
