"""The client side of a stream's shared-memory ring (``StreamBatchesRequest.shared_memory``).

The server creates the ring file (mode 0600, under ``/dev/shm``) for one stream, announces it on the first
batch (``Batch.shared_memory_ring``), writes each batch's tensors into it and waits while the client has not
released enough of it. The client maps the file, hands out numpy views of the tensors' slices, and releases
a batch by raising the ``consumed`` counter in the ring's header to the batch's release position. Layout
version 1 (little-endian): magic ``AUGRING1`` at 0, version (u32) at 8, data offset (u32) at 12, capacity
(u64) at 16, ``consumed`` (u64, written by the client only) at 64.

With ``batches_in_ring`` every batch after the first comes as a record in the ring (its serialized ``Batch``
message), announced by a 16-byte notice (u64 offset of the record in the file, u64 length, little-endian) on
the stream's doorbell, a FIFO next to the ring file. The doorbell's end (the server closed it) means "no more
batches": the call then carries the stream's status.
"""

from __future__ import annotations

import mmap
import os
import struct
import sys
from collections import deque
from collections.abc import Sequence
from math import prod

import numpy as np

from .tensors import DTYPES, checked_dtype

__all__ = ["SharedMemoryRing", "Doorbell", "LAYOUT_VERSION"]

LAYOUT_VERSION = 1
_MAGIC = b"AUGRING1"
_CONSUMED = 64


class SharedMemoryRing:
    """A mapped ring file. ``view(offset, length)`` gives read-only memoryviews of it; ``release(position)``
    raises ``consumed`` (never lowers it). The mapping stays alive while any view of it does."""

    def __init__(self, path: str):
        fd = os.open(path, os.O_RDWR)
        try:
            size = os.fstat(fd).st_size
            if size <= 4096:
                raise ValueError(f"{path}: {size} bytes is not a shared-memory ring")
            self._map = mmap.mmap(fd, size, mmap.MAP_SHARED, mmap.PROT_READ | mmap.PROT_WRITE)
        finally:
            os.close(fd)
        magic, version, data_offset, capacity = struct.unpack_from("<8sIIQ", self._map, 0)
        problem = ("bad magic (not an Augment ring)" if magic != _MAGIC
                   else f"layout version {version}, this client reads {LAYOUT_VERSION}" if version != LAYOUT_VERSION
                   else f"data offset {data_offset} and capacity {capacity} do not match the file size {size}"
                   if data_offset + capacity != size else None)
        if problem is None and sys.byteorder != "little":
            problem = "the ring is little-endian and this host is not"
        if problem is not None:
            self._map.close()
            raise ValueError(f"{path}: {problem}")
        self.path = path
        self.size = size
        self.data_offset = data_offset
        self.capacity = capacity
        self._readonly = memoryview(self._map).toreadonly()
        # An aligned 8-byte store (native order, checked little-endian above): the server never sees a torn value.
        self._consumed = memoryview(self._map)[_CONSUMED:_CONSUMED + 8].cast("Q")
        self._released = self._consumed[0]

    @property
    def consumed(self) -> int:
        return self._consumed[0]

    def view(self, offset: int, length: int, field: str = "tensor") -> memoryview:
        """The read-only bytes ``[offset, offset + length)`` of the file."""
        if offset < self.data_offset or length < 0 or offset + length > self.size:
            raise ValueError(f"{field}.shared_memory: [{offset}, {offset + length}) is outside the ring's data "
                             f"[{self.data_offset}, {self.size})")
        return self._readonly[offset:offset + length]

    def array(self, dtype: int, shape: Sequence[int], offset: int, length: int, field: str = "tensor") -> np.ndarray:
        """A read-only numpy view of the tensor at ``[offset, offset + length)`` with the wire ``dtype`` and
        ``shape`` (ValueError naming ``field`` when it does not fit the ring or the shape)."""
        np_dtype = DTYPES.get(dtype)
        # One test for the common case (this runs for every tensor of every batch), then the checks that name the field.
        if (np_dtype is None or offset < self.data_offset or length < 0 or offset + length > self.size
                or length != prod(shape) * np_dtype.itemsize or (shape and min(shape) < 0)):
            self.view(offset, length, field)
            checked_dtype(dtype, shape, length, field)
        # frombuffer, not np.ndarray(buffer=...): the array must hold the mapping's buffer (so that closing the ring
        # cannot unmap memory it still points into), and np.ndarray only keeps a reference to the mmap object.
        return np.frombuffer(self._readonly, np_dtype, length // np_dtype.itemsize, offset).reshape(shape)

    def release(self, position: int) -> None:
        """Lets the server overwrite every batch whose release position is at most ``position``."""
        if position > self._released:
            self._consumed[0] = position
            self._released = position

    def close(self) -> None:
        """Unmaps the file now if no view of it is alive (otherwise when the last view goes)."""
        self._consumed.release()
        try:
            self._readonly.release()
            self._map.close()
        except BufferError:
            pass  # numpy views still use it: the mapping goes with them


_NOTICE = 16
_READ_NOTICES = 64


class Doorbell:
    """The read end of a stream's doorbell FIFO. ``next()`` gives the next ``(offset, length)`` notice, or
    ``None`` once the server has closed the doorbell and every notice has been read. It reads up to 64 notices
    at a time with a blocking ``os.read`` (which releases the GIL and returns at once when the server is gone)."""

    def __init__(self, path: str):
        # O_NONBLOCK only for the open (it never waits for a writer), then blocking reads.
        self._fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        os.set_blocking(self._fd, True)
        self.path = path
        self._notices: deque = deque()
        self._partial = b""
        self._ended = False

    def next(self):
        while not self._notices:
            if self._ended or self._fd < 0:
                return None
            data = os.read(self._fd, _NOTICE * _READ_NOTICES)
            if not data:
                self._ended = True
                if self._partial:
                    raise ValueError(f"{self.path}: the doorbell ended inside a notice")
                return None
            if self._partial:
                data = self._partial + data
            whole = len(data) - len(data) % _NOTICE
            self._partial = data[whole:]
            self._notices.extend(struct.iter_unpack("<QQ", data[:whole]))
        return self._notices.popleft()

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1
