"""Python exceptions for the service's gRPC statuses.

Every error raised by :class:`augment_client.AugmentClient` is an :class:`AugmentError` carrying the
gRPC status code, the server's message and, when the server names one, the path of the offending
request field (``batch_size``, ``pipeline.nodes[0].rotate.degrees`` …).
"""

from __future__ import annotations

import re

import grpc

__all__ = [
    "AugmentError",
    "InvalidArgumentError",
    "SpecError",
    "NotFoundError",
    "PermissionDeniedError",
    "FailedPreconditionError",
    "ResourceExhaustedError",
    "UnavailableError",
    "DataLossError",
    "InternalError",
    "CancelledError",
    "DeadlineExceededError",
    "ImageError",
    "from_rpc_error",
]

#: Trailer in which the service names the first offending field of an invalid pipeline.
FIELD_TRAILER = "augment-field"

# "batch_size: ...", "target_width, target_height: ...", "invalid pipeline: pipeline.nodes[0].p: ..."
_FIELD_PREFIX = re.compile(
    r"^(?:invalid pipeline: )?"
    r"(?P<field>[A-Za-z_][\w.\[\]]*(?:, [A-Za-z_][\w.\[\]]*)*): ")


class AugmentError(Exception):
    """An error reported by the Augment service (or detected by the client before sending).

    Attributes:
        code: the gRPC status code, or ``None`` for errors found on the client side.
        details: the server's message (the reason, naming the field).
        field: path of the offending request field when known, else ``None``.
    """

    def __init__(self, details: str, *, code: grpc.StatusCode | None = None, field: str | None = None):
        self.code = code
        self.details = details
        self.field = field
        super().__init__(details)

    def __str__(self) -> str:
        prefix = f"{self.code.name}: " if self.code is not None else ""
        return prefix + self.details


class InvalidArgumentError(AugmentError, ValueError):
    """INVALID_ARGUMENT: a request field (or the pipeline spec) is invalid; ``field`` names it."""


class SpecError(InvalidArgumentError):
    """A pipeline given as a dict or JSON could not be turned into the ``Pipeline`` message."""


class NotFoundError(AugmentError, LookupError):
    """NOT_FOUND: for example an unknown dataset name."""


class PermissionDeniedError(AugmentError):
    """PERMISSION_DENIED: for example a dataset path outside the configured roots."""


class FailedPreconditionError(AugmentError):
    """FAILED_PRECONDITION: the request is valid but cannot run on this data (for example mixed sample sizes)."""


class ResourceExhaustedError(AugmentError):
    """RESOURCE_EXHAUSTED: a limit (batch bytes, message size, concurrent streams) was hit."""


class UnavailableError(AugmentError, ConnectionError):
    """UNAVAILABLE: the service could not be reached (after the client's retries, when it retries)."""


class DataLossError(AugmentError):
    """DATA_LOSS: a dataset file failed to decode under the FAIL policy."""


class InternalError(AugmentError):
    """INTERNAL or UNKNOWN: a failure inside the service."""


class CancelledError(AugmentError):
    """CANCELLED: the call was cancelled."""


class DeadlineExceededError(AugmentError, TimeoutError):
    """DEADLINE_EXCEEDED: the call's timeout passed."""


class ImageError(AugmentError):
    """One image sent to ``augment_images`` failed (for example it could not be decoded).

    ``index`` is the position of the failing image in the ``images`` given.
    """

    def __init__(self, details: str, *, index: int):
        self.index = index
        super().__init__(details, field=f"images[{index}]")


_BY_CODE: dict[grpc.StatusCode, type[AugmentError]] = {
    grpc.StatusCode.INVALID_ARGUMENT: InvalidArgumentError,
    grpc.StatusCode.OUT_OF_RANGE: InvalidArgumentError,
    grpc.StatusCode.NOT_FOUND: NotFoundError,
    grpc.StatusCode.PERMISSION_DENIED: PermissionDeniedError,
    grpc.StatusCode.FAILED_PRECONDITION: FailedPreconditionError,
    grpc.StatusCode.RESOURCE_EXHAUSTED: ResourceExhaustedError,
    grpc.StatusCode.UNAVAILABLE: UnavailableError,
    grpc.StatusCode.DATA_LOSS: DataLossError,
    grpc.StatusCode.INTERNAL: InternalError,
    grpc.StatusCode.UNKNOWN: InternalError,
    grpc.StatusCode.CANCELLED: CancelledError,
    grpc.StatusCode.DEADLINE_EXCEEDED: DeadlineExceededError,
}


def field_of(details: str, trailers=None) -> str | None:
    """The offending field: the ``augment-field`` trailer when present, else the ``field:`` prefix of the message."""
    for key, value in trailers or ():
        if key == FIELD_TRAILER:
            return value
    match = _FIELD_PREFIX.match(details or "")
    return match.group("field") if match else None


def from_rpc_error(error: grpc.RpcError) -> AugmentError:
    """Maps a ``grpc.RpcError`` (a failed call) to the matching :class:`AugmentError` subclass."""
    code = error.code() if hasattr(error, "code") else grpc.StatusCode.UNKNOWN
    details = (error.details() if hasattr(error, "details") else None) or str(error)
    trailers = error.trailing_metadata() if hasattr(error, "trailing_metadata") else None
    cls = _BY_CODE.get(code, AugmentError)
    return cls(details, code=code, field=field_of(details, trailers))
