"""``AugmentClient``: the Python front door of the Augment gRPC service."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator

import grpc
from google.protobuf import json_format
import numpy as np

from . import _wire
from ._shm import Doorbell, SharedMemoryRing
from .batch import Batch
from .errors import ImageError, InvalidArgumentError, UnavailableError, from_rpc_error
from .pipelines import to_balance, to_location, to_output, to_pipeline
from .tensors import from_numpy, to_numpy
from .v1 import service_pb2

__all__ = ["AugmentClient", "BatchStream", "DEFAULT_ADDRESS"]

#: The service's default address (h2c, loopback).
DEFAULT_ADDRESS = "127.0.0.1:50051"

_SERVICE = "/augment.v1.AugmentService/"
_HEALTH_CHECK = "/grpc.health.v1.Health/Check"
# UNAVAILABLE: no server, a dropped connection, a server stopping. CANCELLED reaches a stream only from the other
# side (close() ends the iteration first): a server that stops while a write to a client that is not reading is still
# pending resets the stream (HTTP/2 CANCEL), which grpc reports as CANCELLED.
_RETRYABLE = frozenset({grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.CANCELLED})
_DECODE_POLICIES = {
    None: service_pb2.DECODE_ERROR_POLICY_UNSPECIFIED,
    "fail": service_pb2.DECODE_ERROR_POLICY_FAIL,
    "skip": service_pb2.DECODE_ERROR_POLICY_SKIP,
}


def _health_request(service: str) -> bytes:
    # grpc.health.v1.HealthCheckRequest { string service = 1; } (hand-encoded: no extra dependency).
    data = service.encode()
    if not data:
        return b""
    length = bytearray()
    n = len(data)
    while n >= 0x80:
        length.append((n & 0x7F) | 0x80)
        n >>= 7
    length.append(n)
    return b"\x0a" + bytes(length) + data


def _health_status(raw: bytes) -> int:
    # grpc.health.v1.HealthCheckResponse { ServingStatus status = 1; }, SERVING = 1.
    for number, wire, value in _wire.fields(raw, 0, len(raw)):
        if number == 1 and wire == 0:
            return value
    return 0


class AugmentClient:
    """A connection to the Augment service.

    Args:
        address: ``host:port`` of the service (h2c). Default ``127.0.0.1:50051``.
        max_message_bytes: largest message accepted from the server (batches are single messages).
        retries: how many times in a row a batch stream reconnects after UNAVAILABLE before giving up.
        backoff: ``(initial, maximum)`` seconds between reconnection attempts (doubling each time).
        timeout: deadline in seconds for the unary calls (``datasets``, ``describe``); streams have none.
        options: extra gRPC channel options (``[(name, value), ...]``).

    Use it as a context manager, or call :meth:`close`.
    """

    def __init__(self, address: str = DEFAULT_ADDRESS, *, max_message_bytes: int = 512 * 1024 * 1024,
                 retries: int = 8, backoff: tuple[float, float] = (0.25, 4.0), timeout: float | None = 30.0,
                 options: Iterable[tuple[str, object]] = ()):
        if retries < 0:
            raise ValueError(f"retries: {retries} must be >= 0")
        if not (0 < backoff[0] <= backoff[1]):
            raise ValueError(f"backoff: {backoff} must satisfy 0 < initial <= maximum")
        self.address = address
        self.retries = retries
        self.backoff = backoff
        self.timeout = timeout
        channel_options = [
            ("grpc.max_receive_message_length", max_message_bytes),
            ("grpc.max_send_message_length", -1),
            # Reconnect quickly after a server restart (the default backoff grows to minutes).
            ("grpc.initial_reconnect_backoff_ms", 100),
            ("grpc.min_reconnect_backoff_ms", 100),
            ("grpc.max_reconnect_backoff_ms", 1000),
            *options,
        ]
        self._channel = grpc.insecure_channel(address, options=channel_options)
        self._stream_batches = self._channel.unary_stream(
            _SERVICE + "StreamBatches",
            request_serializer=service_pb2.StreamBatchesRequest.SerializeToString,
            response_deserializer=_wire.parse_batch)
        # Shared-memory streams: the raw bytes, parsed by BatchStream once it has the call's ring.
        self._stream_batches_raw = self._channel.unary_stream(
            _SERVICE + "StreamBatches",
            request_serializer=service_pb2.StreamBatchesRequest.SerializeToString)
        self._augment_images = self._channel.stream_stream(
            _SERVICE + "AugmentImages",
            request_serializer=service_pb2.AugmentImagesRequest.SerializeToString,
            response_deserializer=service_pb2.AugmentImagesResponse.FromString)
        self._list = self._channel.unary_unary(
            _SERVICE + "ListDatasets",
            request_serializer=service_pb2.ListDatasetsRequest.SerializeToString,
            response_deserializer=service_pb2.ListDatasetsResponse.FromString)
        self._describe = self._channel.unary_unary(
            _SERVICE + "DescribeDataset",
            request_serializer=service_pb2.DescribeDatasetRequest.SerializeToString,
            response_deserializer=service_pb2.DatasetInfo.FromString)
        self._health = self._channel.unary_unary(
            _HEALTH_CHECK, request_serializer=_health_request, response_deserializer=_health_status)

    # -- lifetime ------------------------------------------------------------------------------

    def close(self) -> None:
        """Closes the channel (cancels open streams)."""
        self._channel.close()

    def __enter__(self) -> AugmentClient:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def wait_ready(self, timeout: float = 30.0) -> None:
        """Waits until the service reports SERVING on its gRPC health check (``grpc.health.v1``).

        Raises:
            UnavailableError: not serving within ``timeout`` seconds.
        """
        deadline = time.monotonic() + timeout
        last = "no answer"
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise UnavailableError(f"{self.address} not serving after {timeout:g} s ({last})",
                                       code=grpc.StatusCode.UNAVAILABLE)
            try:
                status = self._health("", timeout=min(remaining, 5.0), wait_for_ready=True)
                if status == 1:  # SERVING
                    return
                last = f"health status {status}"
            except grpc.RpcError as e:
                last = f"{e.code().name}: {e.details()}"
            time.sleep(min(0.1, max(0.0, deadline - time.monotonic())))

    # -- datasets ------------------------------------------------------------------------------

    def datasets(self) -> list[service_pb2.DatasetInfo]:
        """The configured datasets (name, kind, sample count, classes with counts, sample shape)."""
        return list(self._call(self._list, service_pb2.ListDatasetsRequest()).datasets)

    def roots(self) -> list[str]:
        """Names of the roots under which a request may name a dataset by path (``location=``)."""
        return list(self._call(self._list, service_pb2.ListDatasetsRequest()).roots)

    def describe(self, name: str | None = None, *, location=None) -> service_pb2.DatasetInfo:
        """Describes one dataset, by configured ``name`` or by ``location={"root": ..., "path": ...}``."""
        request = service_pb2.DescribeDatasetRequest(name=name or "", location=to_location(location))
        return self._call(self._describe, request)

    def _call(self, method, request):
        try:
            return method(request, timeout=self.timeout)
        except grpc.RpcError as e:
            raise from_rpc_error(e) from None

    # -- streaming -----------------------------------------------------------------------------

    def stream_batches(self, dataset: str = "sample", pipeline=None, batch_size: int = 64, epochs: int | None = 1,
                       seed: int = 0, *, shard: tuple[int, int] = (0, 1), start: tuple[int, int] = (0, 0),
                       balance=None, output=None, shuffle: bool = True, drop_last: bool = False,
                       target_width: int = 0, target_height: int = 0, location=None,
                       on_decode_error: str | None = None, workers: int = 0, eda=None, max_tokens: int = 0,
                       tabular_sampler=None, shared_memory: bool | int = False, copy: bool = False,
                       batches_in_ring: bool = True) -> BatchStream:
        """Streams augmented batches of a server-side dataset.

        Args:
            dataset: a configured dataset name (``datasets()``); ignored when ``location`` is given.
            pipeline: the augmentation pipeline: a dict (proto3 JSON mapping), a JSON string, the path of a
                JSON file, or an ``augment_client.v1.pipeline_pb2.Pipeline``. ``None``: identity.
            batch_size: samples per batch.
            epochs: number of epochs (absolute: a stream started at epoch 2 with ``epochs=3`` sends epoch 2
                only); ``None`` streams until the iterator is closed.
            seed: the seed of the shuffles and of every augmentation draw.
            shard: ``(index, count)``; the ``count`` shards partition every epoch exactly.
            start: ``(epoch, batch)`` to resume from.
            balance: ``None``/``"none"``, ``"oversample"`` or ``{label: weight}`` (class weights).
            output: ``"uint8_hwc"`` (default, NHWC uint8), ``"float32_chw"`` or a dict with layout, mean, std.
            shuffle, drop_last: per epoch (drop_last applies per shard).
            target_width, target_height: resize every sample to this size after the pipeline.
            location: ``{"root": name, "path": relative}`` for a dataset under a configured root.
            on_decode_error: ``"fail"`` (default) or ``"skip"``.
            workers: server workers for this stream (0: the server's default); never changes the bytes.
            eda: text datasets: the EDA spec (a dict in proto3 JSON form, e.g. ``{"numAug": 4, "alphaSr": 0.1}``,
                or an ``EdaSpec`` message); batches then carry the augmented texts in ``batch.text``.
            max_tokens: text datasets with a BERT vocabulary: truncate token ids to this length (0: the dataset's).
            tabular_sampler: tabular datasets: the sampler (dict or ``TabularSampler`` message), e.g.
                ``{"method": "TABULAR_METHOD_SMOTE", "kNeighbors": 5}``; synthetic rows are generated inside the stream.
            shared_memory: same-host clients only: ``True`` (the server's default ring size) or a ring size in
                bytes: tensor bytes come through a shared-memory ring instead of the socket. Arrays are then
                views of the ring, valid until the batch is released (the next batch, ``batch.release()``,
                or closing the stream). FAILED_PRECONDITION for a remote server or one that disabled it.
            copy: with ``shared_memory``, yield batches whose arrays own their memory (copied out of the
                ring, which is released at once), for callers that keep batches.
            batches_in_ring: with ``shared_memory`` (default ``True``): every batch after the first comes through
                the ring as well, announced on a doorbell FIFO, instead of as a gRPC message (cheaper per batch).
                ``False``: one gRPC message per batch, tensor bytes in the ring.

        Returns:
            A :class:`BatchStream`: iterate it for :class:`Batch` objects. On UNAVAILABLE (server restart,
            lost connection) it reconnects with backoff and resumes at the next batch, yielding exactly the
            batches an uninterrupted stream would.
        """
        if on_decode_error not in _DECODE_POLICIES:
            raise InvalidArgumentError(f"on_decode_error: {on_decode_error!r} is not 'fail' or 'skip'",
                                       field="on_decode_error")
        request = service_pb2.StreamBatchesRequest(
            dataset=dataset if location is None else "",
            location=to_location(location),
            pipeline=to_pipeline(pipeline),
            batch_size=batch_size,
            unbounded=epochs is None,
            seed=seed,
            shuffle=shuffle,
            drop_last=drop_last,
            shard=service_pb2.Shard(index=shard[0], count=shard[1]),
            start=service_pb2.StreamPosition(epoch=start[0], batch=start[1]),
            balance=to_balance(balance),
            output=to_output(output),
            target_width=target_width,
            target_height=target_height,
            on_decode_error=_DECODE_POLICIES[on_decode_error],
            workers=workers,
        )
        if epochs is not None:
            request.epochs = epochs
        _merge_message(request.eda, eda, "eda")
        _merge_message(request.tabular_sampler, tabular_sampler, "tabular_sampler")
        request.max_tokens = max_tokens
        if shared_memory is not False:
            if isinstance(shared_memory, bool) or shared_memory == 0:
                ring_bytes = 0
            elif isinstance(shared_memory, int) and shared_memory > 0:
                ring_bytes = shared_memory
            else:
                raise InvalidArgumentError(f"shared_memory: {shared_memory!r} is not a bool or a ring size in bytes",
                                           field="shared_memory")
            request.shared_memory.enabled = bool(shared_memory)
            request.shared_memory.ring_bytes = ring_bytes
            request.shared_memory.batches_in_ring = bool(batches_in_ring)
        return BatchStream(self, request, copy=copy)

    def augment_images(self, images: Iterable, pipeline, seed: int = 0, *, epoch: int = 0, start_index: int = 0,
                       output=None, boxes: Iterable | None = None) -> Iterator:
        """Augments client-side images with a pipeline, lazily and in order (one bidirectional stream).

        Args:
            images: numpy uint8 arrays ``[H, W]`` or ``[H, W, C]`` (C = 1 or 3), or encoded image ``bytes``
                (JPEG, PNG, ...).
            pipeline: as for :meth:`stream_batches` (required).
            seed, epoch, start_index: image ``i`` is keyed ``(seed, epoch, start_index + i)``: same key, same bytes.
            output: as for :meth:`stream_batches`.
            boxes: optional, one ``(float32 [M, 4] xyxy, int64 [M] labels)`` pair per image.

        Yields:
            The augmented image as a numpy array (uint8 ``[H, W, C]`` or float32 ``[C, H, W]``); with ``boxes``,
            ``(image, boxes, box_labels)`` tuples.

        Raises:
            ImageError: an image failed (for example it could not be decoded); ``index`` is its position in ``images``.
        """
        spec = to_pipeline(pipeline)
        if spec is None:
            raise InvalidArgumentError("pipeline: required", field="pipeline")
        return self._augment_images_iter(images, spec, seed, epoch, start_index, to_output(output),
                                         iter(boxes) if boxes is not None else None)

    def _augment_images_iter(self, images, spec, seed, epoch, start_index, out, box_iter):
        failure: list[BaseException] = []  # an exception in the request generator (gRPC would swallow it)

        def requests():
            try:
                yield from build()
            except Exception as e:  # noqa: BLE001 - re-raised in the caller's thread below
                failure.append(e)

        def build():
            for i, image in enumerate(images):
                request = service_pb2.AugmentImagesRequest(seed=seed, epoch=epoch, index=start_index + i,
                                                           name=f"images[{i}]")
                if i == 0:
                    request.pipeline.CopyFrom(spec)
                    if out is not None:
                        request.output.CopyFrom(out)
                if isinstance(image, (bytes, bytearray, memoryview)):
                    request.encoded = bytes(image)
                else:
                    array = np.asarray(image)
                    if array.dtype != np.uint8:
                        raise InvalidArgumentError(f"images[{i}]: dtype {array.dtype}, expected uint8",
                                                   field=f"images[{i}]")
                    if array.ndim == 2:
                        array = array[:, :, None]
                    if array.ndim != 3:
                        raise InvalidArgumentError(f"images[{i}]: shape {array.shape}, expected [H, W] or [H, W, C]",
                                                   field=f"images[{i}]")
                    request.raw.CopyFrom(from_numpy(array))
                if box_iter is not None:
                    b, lab = next(box_iter)
                    request.boxes.CopyFrom(from_numpy(np.asarray(b, dtype=np.float32).reshape(-1, 4)))
                    request.box_labels.CopyFrom(from_numpy(np.asarray(lab, dtype=np.int64).reshape(-1)))
                yield request

        call = self._augment_images(requests())
        try:
            for response in call:
                if failure:
                    raise failure[0]
                if response.error:
                    raise ImageError(response.error, index=response.index - start_index)
                image = to_numpy(response.image, "image")
                if box_iter is None:
                    yield image
                else:
                    yield (image,
                           to_numpy(response.boxes, "boxes") if response.HasField("boxes") else np.zeros((0, 4), np.float32),
                           to_numpy(response.box_labels, "box_labels") if response.HasField("box_labels")
                           else np.zeros((0,), np.int64))
            if failure:
                raise failure[0]
        except grpc.RpcError as e:
            if failure:
                raise failure[0] from None
            raise from_rpc_error(e) from None
        finally:
            call.cancel()


def _merge_message(target, value, field: str) -> None:
    """Fills a sub-message of a request from a dict (proto3 JSON mapping) or a message of the same type."""
    if value is None:
        return
    if isinstance(value, dict):
        try:
            json_format.ParseDict(value, target)
        except json_format.ParseError as e:
            raise InvalidArgumentError(f"{field}: {e}", field=field) from None
    elif type(value) is type(target):
        target.CopyFrom(value)
    else:
        raise InvalidArgumentError(f"{field}: expected a dict or {type(target).__name__}, got {type(value).__name__}",
                                   field=field)


class BatchStream(Iterator[Batch]):
    """An iterator over the batches of one ``StreamBatches`` request that survives server restarts.

    ``position`` is the next ``(epoch, batch)`` to receive: pass it as ``start=`` to resume in a new process.
    ``epoch_infos`` maps each epoch seen to its ``EpochInfo``. Close it (or use ``with``) to cancel early.
    """

    def __init__(self, client: AugmentClient, request: service_pb2.StreamBatchesRequest, *, copy: bool = False):
        self._client = client
        self._request = request
        self._shared = request.shared_memory.enabled
        self._copy = copy
        self._ring: SharedMemoryRing | None = None
        self._bell: Doorbell | None = None  # while batches come through the ring
        self._bell_ended = False  # the doorbell ended: only the call's status remains
        self._held: Batch | None = None
        self._call = None
        self._done = False
        self.position: tuple[int, int] = (request.start.epoch, request.start.batch)
        self.epoch_infos: dict[int, service_pb2.EpochInfo] = {}
        self.reconnects = 0
        self._last_epoch: int | None = None

    def __iter__(self) -> BatchStream:
        return self

    def __next__(self) -> Batch:
        failures = 0
        while True:
            if self._done:
                raise StopIteration
            if self._call is None:
                self._start_call()
            self._release_held()
            try:
                batch = self._next_record() if self._bell is not None else None
                if batch is None:
                    batch = self._parse(next(self._call))
            except StopIteration:
                self._done = True
                self._call = None
                raise
            except grpc.RpcError as e:
                self._call = None
                if e.code() in _RETRYABLE and failures < self._client.retries:
                    initial, maximum = self._client.backoff
                    time.sleep(min(maximum, initial * (2 ** failures)))
                    failures += 1
                    self.reconnects += 1
                    continue
                self._done = True
                error = from_rpc_error(e)
                if failures:
                    error.details += f" (after {failures} reconnection attempts)"
                raise error from None
            self.position = (batch.epoch, batch.batch_index + 1)
            if batch.epoch_info is not None:
                self.epoch_infos[batch.epoch] = batch.epoch_info
                if batch.epoch == self._last_epoch:
                    # Re-sent after a reconnection: an uninterrupted stream has it on the epoch's first batch only.
                    object.__setattr__(batch, "epoch_info", None)
            self._last_epoch = batch.epoch
            if self._copy and batch.ring is not None:
                copied = batch.copied()
                batch.release()
                return copied
            self._held = batch
            return batch

    def _start_call(self) -> None:
        """Starts the call from ``position`` (gRPC sends the request at once; the batches wait in its buffers)."""
        request = service_pb2.StreamBatchesRequest()
        request.CopyFrom(self._request)
        request.start.epoch, request.start.batch = self.position
        self._call = (self._client._stream_batches_raw if self._shared else self._client._stream_batches)(request)
        self._ring = None  # a new call announces its own ring (the old mapping goes with its last views)
        self._close_bell()
        self._bell_ended = False

    def _parse(self, message):
        if not self._shared:
            return message
        if self._bell_ended:
            raise ValueError("the server sent a batch on the call after the doorbell ended")
        # The first message of each call announces its ring (and, with batches_in_ring, its doorbell).
        info = _wire.ring_info(message) if self._ring is None else None
        if info is not None:
            if info.layout_version != 1:
                raise ValueError(f"{info.path}: ring layout version {info.layout_version}, this client reads 1")
            self._ring = SharedMemoryRing(info.path)
            if info.doorbell_path:
                try:
                    self._bell = Doorbell(info.doorbell_path)
                except FileNotFoundError:
                    # The stream ended (cancelled, or the server stopping) before we opened it: the call has the status.
                    self._bell_ended = True
        return _wire.parse_batch(message, self._ring)

    def _next_record(self):
        """The batch of the doorbell's next notice, read from its record in the ring; ``None`` at the doorbell's
        end (the call then carries the stream's status)."""
        notice = self._bell.next()
        if notice is None:
            self._close_bell()
            self._bell_ended = True
            return None
        offset, length = notice
        if offset % 64 or length <= 0:
            raise ValueError(f"{self._bell.path}: notice ({offset}, {length}) is not a record of the ring")
        return _wire.parse_record(self._ring.view(offset, length, "record"), self._ring)

    def _close_bell(self) -> None:
        if self._bell is not None:
            self._bell.close()
            self._bell = None

    def _release_held(self) -> None:
        if self._held is not None:
            self._held.release()
            self._held = None

    def close(self) -> None:
        """Cancels the stream (on shared-memory streams the views of its batches become invalid)."""
        self._done = True
        if self._call is not None:
            self._call.cancel()
            self._call = None
        self._held = None
        self._close_bell()
        if self._ring is not None:
            self._ring.close()
            self._ring = None

    def __enter__(self) -> BatchStream:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:  # noqa: BLE001 - interpreter shutdown
            pass

