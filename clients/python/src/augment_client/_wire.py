"""A small protobuf wire-format reader for ``augment.v1.Batch``.

Parsing a batch with the generated message class would copy every tensor twice (into protobuf's
arena, then into a new ``bytes`` on field access). This reader walks the bytes gRPC delivered and
hands out ``memoryview`` slices of them, so the numpy arrays of a batch are views of the received
message itself. Small sub-messages (epoch info, skipped samples, text and tabular payloads) are
parsed with the generated classes. Unknown fields are skipped, as protobuf requires.

On shared-memory streams a tensor carries ``shared_memory {offset, length}`` instead of ``data``: its
array is then a view of the stream's mapped ring (``_shm.SharedMemoryRing``), which the batch's first
message announces.
"""

from __future__ import annotations

from google.protobuf.message import DecodeError

from .tensors import view
from .v1 import service_pb2

_VARINT, _I64, _LEN, _I32 = 0, 1, 2, 5


def _varint(buf, pos: int) -> tuple[int, int]:
    result = 0
    shift = 0
    while True:
        try:
            b = buf[pos]
        except IndexError:
            raise DecodeError("truncated varint") from None
        pos += 1
        result |= (b & 0x7F) << shift
        if b < 0x80:
            return result, pos
        shift += 7
        if shift >= 70:
            raise DecodeError("varint too long")


def _int64(value: int) -> int:
    return value - (1 << 64) if value >= (1 << 63) else value


def fields(buf, start: int, end: int):
    """Yields ``(field_number, wire_type, value)``; for length-delimited fields value is ``(start, end)``."""
    pos = start
    while pos < end:
        key, pos = _varint(buf, pos)
        number, wire = key >> 3, key & 7
        if wire == _VARINT:
            value, pos = _varint(buf, pos)
        elif wire == _LEN:
            length, pos = _varint(buf, pos)
            value = (pos, pos + length)
            pos += length
        elif wire == _I64:
            value = None
            pos += 8
        elif wire == _I32:
            value = None
            pos += 4
        else:
            raise DecodeError(f"unsupported wire type {wire} for field {number}")
        if pos > end:
            raise DecodeError(f"field {number} runs past the end of its message")
        yield number, wire, value


def tensor(buf, mv: memoryview, span: tuple[int, int], field: str, ring=None):
    """A numpy view of the ``Tensor`` message at ``span``."""
    dtype = 0
    shape: list[int] = []
    data = mv[0:0]
    for number, wire, value in fields(buf, *span):
        if number == 1 and wire == _VARINT:
            dtype = value
        elif number == 2 and wire == _LEN:  # packed
            pos, end = value
            while pos < end:
                dim, pos = _varint(buf, pos)
                shape.append(_int64(dim))
        elif number == 2 and wire == _VARINT:
            shape.append(_int64(value))
        elif number == 3 and wire == _LEN:
            data = mv[value[0]:value[1]]
        elif number == 4 and wire == _LEN:  # SharedMemorySlice {offset = 1, length = 2}
            offset = length = 0
            for n2, w2, v2 in fields(buf, *value):
                if n2 == 1 and w2 == _VARINT:
                    offset = _int64(v2)
                elif n2 == 2 and w2 == _VARINT:
                    length = _int64(v2)
            if ring is None:
                raise DecodeError(f"{field}: a shared-memory tensor on a stream without a ring")
            data = ring.view(offset, length, field)
    return view(dtype, shape, data, field)


def ring_info(raw: bytes):
    """The ``SharedMemoryRing`` announced by a serialized ``Batch`` (its first message on a shared-memory
    stream), else ``None``."""
    for number, wire, value in fields(raw, 0, len(raw)):
        if number == 8 and wire == _LEN:
            return service_pb2.SharedMemoryRing.FromString(memoryview(raw)[value[0]:value[1]])
    return None


def parse_batch(raw: bytes, ring=None):
    """Parses one serialized ``Batch`` into an :class:`augment_client.Batch` whose arrays view ``raw`` (or
    ``ring``, a mapped ``SharedMemoryRing``, for tensors sent through shared memory)."""
    from .batch import Batch  # local import: batch.py imports this module's users

    mv = memoryview(raw)
    release = 0
    epoch = batch_index = 0
    indices = labels = keys = images = None
    boxes = None
    epoch_info = None
    skipped = []
    text = tabular = None
    for number, wire, value in fields(raw, 0, len(raw)):
        if number == 1 and wire == _VARINT:
            epoch = _int64(value)
        elif number == 2 and wire == _VARINT:
            batch_index = _int64(value)
        elif number == 9 and wire == _VARINT:
            release = _int64(value)
        elif wire != _LEN:
            continue
        elif number == 3:
            indices = tensor(raw, mv, value, "indices", ring)
        elif number == 4:
            labels = tensor(raw, mv, value, "labels", ring)
        elif number == 5:
            keys = tensor(raw, mv, value, "keys", ring)
        elif number == 6:
            epoch_info = service_pb2.EpochInfo.FromString(mv[value[0]:value[1]])
        elif number == 7:
            skipped.append(service_pb2.SkippedSample.FromString(mv[value[0]:value[1]]))
        elif number == 10:
            images, boxes = _image_payload(raw, mv, value, ring)
        elif number == 11:
            text = service_pb2.TextPayload.FromString(mv[value[0]:value[1]])
        elif number == 12:
            tabular = service_pb2.TabularPayload.FromString(mv[value[0]:value[1]])
    return Batch(epoch=epoch, batch_index=batch_index, indices=indices, labels=labels, keys=keys,
                 images=images, boxes=boxes, epoch_info=epoch_info, skipped=skipped,
                 text=text, tabular=tabular, nbytes=len(raw), shared_memory_release=release, ring=ring)


def _ring_tensor(tensor, field: str, ring):
    sm = tensor.shared_memory
    length = sm.length
    if length or tensor.HasField("shared_memory"):
        return ring.array(tensor.dtype, tensor.shape[:], sm.offset, length, field)
    return view(tensor.dtype, tensor.shape, tensor.data, field)


def parse_record(raw: bytes, ring):
    """Parses a batch record read from the ring (``batches_in_ring``): a small ``Batch`` message whose tensors
    point into ``ring``. The generated parser is faster than :func:`parse_batch` for these few hundred bytes
    (its cost is in walking the fields, not in copying bytes)."""
    from .batch import Batch

    m = service_pb2.Batch.FromString(raw)
    images = boxes = text = tabular = None
    kind = m.WhichOneof("payload")
    if kind == "image":
        image = m.image
        if image.HasField("images"):
            images = _ring_tensor(image.images, "image.images", ring)
        if len(image.boxes):
            boxes = [(_ring_tensor(b.boxes, f"image.boxes[{i}].boxes", ring),
                      _ring_tensor(b.labels, f"image.boxes[{i}].labels", ring)) for i, b in enumerate(image.boxes)]
    elif kind == "text":
        text = m.text
    elif kind == "tabular":
        tabular = m.tabular
    return Batch(epoch=m.epoch, batch_index=m.batch_index,
                 indices=_ring_tensor(m.indices, "indices", ring) if m.HasField("indices") else None,
                 labels=_ring_tensor(m.labels, "labels", ring) if m.HasField("labels") else None,
                 keys=_ring_tensor(m.keys, "keys", ring) if m.HasField("keys") else None,
                 images=images, boxes=boxes, epoch_info=m.epoch_info if m.HasField("epoch_info") else None,
                 skipped=list(m.skipped), text=text, tabular=tabular, nbytes=len(raw),
                 shared_memory_release=m.shared_memory_release, ring=ring)


def _image_payload(buf, mv, span, ring=None):
    images = None
    boxes = []
    for number, wire, value in fields(buf, *span):
        if wire != _LEN:
            continue
        if number == 1:
            images = tensor(buf, mv, value, "image.images", ring)
        elif number == 2:
            i = len(boxes)
            b = lab = None
            for n2, w2, v2 in fields(buf, *value):
                if w2 == _LEN and n2 == 1:
                    b = tensor(buf, mv, v2, f"image.boxes[{i}].boxes")
                elif w2 == _LEN and n2 == 2:
                    lab = tensor(buf, mv, v2, f"image.boxes[{i}].labels")
            boxes.append((b, lab))
    return images, (boxes or None)
