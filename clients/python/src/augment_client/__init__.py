"""Python client of the Augment gRPC service.

>>> from augment_client import AugmentClient
>>> with AugmentClient("127.0.0.1:50051") as client:
...     for batch in client.stream_batches("sample", {"nodes": [{"horizontalFlip": {}, "p": 0.5}]},
...                                        batch_size=256, epochs=1, seed=7):
...         batch.images, batch.labels   # zero-copy numpy views

``augment_client.torch.AugmentIterableDataset`` wraps a stream as a PyTorch ``IterableDataset``;
``augment_client.v1`` holds the generated protobuf messages.
"""

from .batch import Batch
from .client import DEFAULT_ADDRESS, AugmentClient, BatchStream
from .errors import (
    AugmentError,
    CancelledError,
    DataLossError,
    DeadlineExceededError,
    FailedPreconditionError,
    ImageError,
    InternalError,
    InvalidArgumentError,
    NotFoundError,
    PermissionDeniedError,
    ResourceExhaustedError,
    SpecError,
    UnavailableError,
)
from .pipelines import to_pipeline

__version__ = "0.1.0"

__all__ = [
    "AugmentClient",
    "AugmentError",
    "Batch",
    "BatchStream",
    "CancelledError",
    "DEFAULT_ADDRESS",
    "DataLossError",
    "DeadlineExceededError",
    "FailedPreconditionError",
    "ImageError",
    "InternalError",
    "InvalidArgumentError",
    "NotFoundError",
    "PermissionDeniedError",
    "ResourceExhaustedError",
    "SpecError",
    "UnavailableError",
    "to_pipeline",
]
