from . import pipeline_pb2 as _pipeline_pb2
from . import tensor_pb2 as _tensor_pb2
from . import text_pb2 as _text_pb2
from . import tabular_pb2 as _tabular_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

BALANCE_MODE_CLASS_WEIGHTS: BalanceMode
BALANCE_MODE_NONE: BalanceMode
BALANCE_MODE_OVERSAMPLE: BalanceMode
DATASET_KIND_IDX: DatasetKind
DATASET_KIND_IMAGE_FOLDER: DatasetKind
DATASET_KIND_TABULAR: DatasetKind
DATASET_KIND_TEXT: DatasetKind
DATASET_KIND_UNSPECIFIED: DatasetKind
DECODE_ERROR_POLICY_FAIL: DecodeErrorPolicy
DECODE_ERROR_POLICY_SKIP: DecodeErrorPolicy
DECODE_ERROR_POLICY_UNSPECIFIED: DecodeErrorPolicy
DESCRIPTOR: _descriptor.FileDescriptor

class AugmentImagesRequest(_message.Message):
    __slots__ = ["box_labels", "boxes", "encoded", "epoch", "index", "name", "output", "pipeline", "raw", "seed"]
    BOXES_FIELD_NUMBER: _ClassVar[int]
    BOX_LABELS_FIELD_NUMBER: _ClassVar[int]
    ENCODED_FIELD_NUMBER: _ClassVar[int]
    EPOCH_FIELD_NUMBER: _ClassVar[int]
    INDEX_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    OUTPUT_FIELD_NUMBER: _ClassVar[int]
    PIPELINE_FIELD_NUMBER: _ClassVar[int]
    RAW_FIELD_NUMBER: _ClassVar[int]
    SEED_FIELD_NUMBER: _ClassVar[int]
    box_labels: _tensor_pb2.Tensor
    boxes: _tensor_pb2.Tensor
    encoded: bytes
    epoch: int
    index: int
    name: str
    output: _pipeline_pb2.ImageOutput
    pipeline: _pipeline_pb2.Pipeline
    raw: _tensor_pb2.Tensor
    seed: int
    def __init__(self, pipeline: _Optional[_Union[_pipeline_pb2.Pipeline, _Mapping]] = ..., seed: _Optional[int] = ..., epoch: _Optional[int] = ..., index: _Optional[int] = ..., encoded: _Optional[bytes] = ..., raw: _Optional[_Union[_tensor_pb2.Tensor, _Mapping]] = ..., boxes: _Optional[_Union[_tensor_pb2.Tensor, _Mapping]] = ..., box_labels: _Optional[_Union[_tensor_pb2.Tensor, _Mapping]] = ..., output: _Optional[_Union[_pipeline_pb2.ImageOutput, _Mapping]] = ..., name: _Optional[str] = ...) -> None: ...

class AugmentImagesResponse(_message.Message):
    __slots__ = ["box_labels", "boxes", "error", "image", "index"]
    BOXES_FIELD_NUMBER: _ClassVar[int]
    BOX_LABELS_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    IMAGE_FIELD_NUMBER: _ClassVar[int]
    INDEX_FIELD_NUMBER: _ClassVar[int]
    box_labels: _tensor_pb2.Tensor
    boxes: _tensor_pb2.Tensor
    error: str
    image: _tensor_pb2.Tensor
    index: int
    def __init__(self, index: _Optional[int] = ..., image: _Optional[_Union[_tensor_pb2.Tensor, _Mapping]] = ..., boxes: _Optional[_Union[_tensor_pb2.Tensor, _Mapping]] = ..., box_labels: _Optional[_Union[_tensor_pb2.Tensor, _Mapping]] = ..., error: _Optional[str] = ...) -> None: ...

class Balance(_message.Message):
    __slots__ = ["class_weights", "mode"]
    class ClassWeightsEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: int
        value: float
        def __init__(self, key: _Optional[int] = ..., value: _Optional[float] = ...) -> None: ...
    CLASS_WEIGHTS_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    class_weights: _containers.ScalarMap[int, float]
    mode: BalanceMode
    def __init__(self, mode: _Optional[_Union[BalanceMode, str]] = ..., class_weights: _Optional[_Mapping[int, float]] = ...) -> None: ...

class Batch(_message.Message):
    __slots__ = ["batch_index", "epoch", "epoch_info", "image", "indices", "keys", "labels", "shared_memory_release", "shared_memory_ring", "skipped", "tabular", "text"]
    BATCH_INDEX_FIELD_NUMBER: _ClassVar[int]
    EPOCH_FIELD_NUMBER: _ClassVar[int]
    EPOCH_INFO_FIELD_NUMBER: _ClassVar[int]
    IMAGE_FIELD_NUMBER: _ClassVar[int]
    INDICES_FIELD_NUMBER: _ClassVar[int]
    KEYS_FIELD_NUMBER: _ClassVar[int]
    LABELS_FIELD_NUMBER: _ClassVar[int]
    SHARED_MEMORY_RELEASE_FIELD_NUMBER: _ClassVar[int]
    SHARED_MEMORY_RING_FIELD_NUMBER: _ClassVar[int]
    SKIPPED_FIELD_NUMBER: _ClassVar[int]
    TABULAR_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    batch_index: int
    epoch: int
    epoch_info: EpochInfo
    image: ImagePayload
    indices: _tensor_pb2.Tensor
    keys: _tensor_pb2.Tensor
    labels: _tensor_pb2.Tensor
    shared_memory_release: int
    shared_memory_ring: SharedMemoryRing
    skipped: _containers.RepeatedCompositeFieldContainer[SkippedSample]
    tabular: TabularPayload
    text: TextPayload
    def __init__(self, epoch: _Optional[int] = ..., batch_index: _Optional[int] = ..., indices: _Optional[_Union[_tensor_pb2.Tensor, _Mapping]] = ..., labels: _Optional[_Union[_tensor_pb2.Tensor, _Mapping]] = ..., keys: _Optional[_Union[_tensor_pb2.Tensor, _Mapping]] = ..., epoch_info: _Optional[_Union[EpochInfo, _Mapping]] = ..., skipped: _Optional[_Iterable[_Union[SkippedSample, _Mapping]]] = ..., shared_memory_ring: _Optional[_Union[SharedMemoryRing, _Mapping]] = ..., shared_memory_release: _Optional[int] = ..., image: _Optional[_Union[ImagePayload, _Mapping]] = ..., text: _Optional[_Union[TextPayload, _Mapping]] = ..., tabular: _Optional[_Union[TabularPayload, _Mapping]] = ...) -> None: ...

class ClassInfo(_message.Message):
    __slots__ = ["count", "label", "name"]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    count: int
    label: int
    name: str
    def __init__(self, label: _Optional[int] = ..., name: _Optional[str] = ..., count: _Optional[int] = ...) -> None: ...

class DatasetInfo(_message.Message):
    __slots__ = ["classes", "description", "has_boxes", "kind", "name", "sample_count", "sample_shape"]
    CLASSES_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    HAS_BOXES_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SAMPLE_COUNT_FIELD_NUMBER: _ClassVar[int]
    SAMPLE_SHAPE_FIELD_NUMBER: _ClassVar[int]
    classes: _containers.RepeatedCompositeFieldContainer[ClassInfo]
    description: str
    has_boxes: bool
    kind: DatasetKind
    name: str
    sample_count: int
    sample_shape: _containers.RepeatedScalarFieldContainer[int]
    def __init__(self, name: _Optional[str] = ..., kind: _Optional[_Union[DatasetKind, str]] = ..., sample_count: _Optional[int] = ..., classes: _Optional[_Iterable[_Union[ClassInfo, _Mapping]]] = ..., sample_shape: _Optional[_Iterable[int]] = ..., has_boxes: bool = ..., description: _Optional[str] = ...) -> None: ...

class DatasetLocation(_message.Message):
    __slots__ = ["kind", "path", "root"]
    KIND_FIELD_NUMBER: _ClassVar[int]
    PATH_FIELD_NUMBER: _ClassVar[int]
    ROOT_FIELD_NUMBER: _ClassVar[int]
    kind: DatasetKind
    path: str
    root: str
    def __init__(self, root: _Optional[str] = ..., path: _Optional[str] = ..., kind: _Optional[_Union[DatasetKind, str]] = ...) -> None: ...

class DescribeDatasetRequest(_message.Message):
    __slots__ = ["location", "name"]
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    location: DatasetLocation
    name: str
    def __init__(self, name: _Optional[str] = ..., location: _Optional[_Union[DatasetLocation, _Mapping]] = ...) -> None: ...

class EpochInfo(_message.Message):
    __slots__ = ["batch_count", "class_counts", "epoch", "sample_count", "shard_sample_count"]
    BATCH_COUNT_FIELD_NUMBER: _ClassVar[int]
    CLASS_COUNTS_FIELD_NUMBER: _ClassVar[int]
    EPOCH_FIELD_NUMBER: _ClassVar[int]
    SAMPLE_COUNT_FIELD_NUMBER: _ClassVar[int]
    SHARD_SAMPLE_COUNT_FIELD_NUMBER: _ClassVar[int]
    batch_count: int
    class_counts: _containers.RepeatedCompositeFieldContainer[ClassInfo]
    epoch: int
    sample_count: int
    shard_sample_count: int
    def __init__(self, epoch: _Optional[int] = ..., sample_count: _Optional[int] = ..., shard_sample_count: _Optional[int] = ..., batch_count: _Optional[int] = ..., class_counts: _Optional[_Iterable[_Union[ClassInfo, _Mapping]]] = ...) -> None: ...

class ImagePayload(_message.Message):
    __slots__ = ["boxes", "images"]
    BOXES_FIELD_NUMBER: _ClassVar[int]
    IMAGES_FIELD_NUMBER: _ClassVar[int]
    boxes: _containers.RepeatedCompositeFieldContainer[SampleBoxes]
    images: _tensor_pb2.Tensor
    def __init__(self, images: _Optional[_Union[_tensor_pb2.Tensor, _Mapping]] = ..., boxes: _Optional[_Iterable[_Union[SampleBoxes, _Mapping]]] = ...) -> None: ...

class ListDatasetsRequest(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class ListDatasetsResponse(_message.Message):
    __slots__ = ["datasets", "roots"]
    DATASETS_FIELD_NUMBER: _ClassVar[int]
    ROOTS_FIELD_NUMBER: _ClassVar[int]
    datasets: _containers.RepeatedCompositeFieldContainer[DatasetInfo]
    roots: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, datasets: _Optional[_Iterable[_Union[DatasetInfo, _Mapping]]] = ..., roots: _Optional[_Iterable[str]] = ...) -> None: ...

class SampleBoxes(_message.Message):
    __slots__ = ["boxes", "labels"]
    BOXES_FIELD_NUMBER: _ClassVar[int]
    LABELS_FIELD_NUMBER: _ClassVar[int]
    boxes: _tensor_pb2.Tensor
    labels: _tensor_pb2.Tensor
    def __init__(self, boxes: _Optional[_Union[_tensor_pb2.Tensor, _Mapping]] = ..., labels: _Optional[_Union[_tensor_pb2.Tensor, _Mapping]] = ...) -> None: ...

class Shard(_message.Message):
    __slots__ = ["count", "index"]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    INDEX_FIELD_NUMBER: _ClassVar[int]
    count: int
    index: int
    def __init__(self, index: _Optional[int] = ..., count: _Optional[int] = ...) -> None: ...

class SharedMemoryOptions(_message.Message):
    __slots__ = ["batches_in_ring", "enabled", "ring_bytes"]
    BATCHES_IN_RING_FIELD_NUMBER: _ClassVar[int]
    ENABLED_FIELD_NUMBER: _ClassVar[int]
    RING_BYTES_FIELD_NUMBER: _ClassVar[int]
    batches_in_ring: bool
    enabled: bool
    ring_bytes: int
    def __init__(self, enabled: bool = ..., ring_bytes: _Optional[int] = ..., batches_in_ring: bool = ...) -> None: ...

class SharedMemoryRing(_message.Message):
    __slots__ = ["capacity", "data_offset", "doorbell_path", "file_bytes", "layout_version", "path"]
    CAPACITY_FIELD_NUMBER: _ClassVar[int]
    DATA_OFFSET_FIELD_NUMBER: _ClassVar[int]
    DOORBELL_PATH_FIELD_NUMBER: _ClassVar[int]
    FILE_BYTES_FIELD_NUMBER: _ClassVar[int]
    LAYOUT_VERSION_FIELD_NUMBER: _ClassVar[int]
    PATH_FIELD_NUMBER: _ClassVar[int]
    capacity: int
    data_offset: int
    doorbell_path: str
    file_bytes: int
    layout_version: int
    path: str
    def __init__(self, path: _Optional[str] = ..., file_bytes: _Optional[int] = ..., layout_version: _Optional[int] = ..., data_offset: _Optional[int] = ..., capacity: _Optional[int] = ..., doorbell_path: _Optional[str] = ...) -> None: ...

class SkippedSample(_message.Message):
    __slots__ = ["index", "reason"]
    INDEX_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    index: int
    reason: str
    def __init__(self, index: _Optional[int] = ..., reason: _Optional[str] = ...) -> None: ...

class StreamBatchesRequest(_message.Message):
    __slots__ = ["balance", "batch_size", "cbert", "dataset", "drop_last", "eda", "epochs", "location", "max_tokens", "on_decode_error", "output", "pipeline", "seed", "shard", "shared_memory", "shuffle", "start", "tabular_sampler", "target_height", "target_width", "unbounded", "workers"]
    BALANCE_FIELD_NUMBER: _ClassVar[int]
    BATCH_SIZE_FIELD_NUMBER: _ClassVar[int]
    CBERT_FIELD_NUMBER: _ClassVar[int]
    DATASET_FIELD_NUMBER: _ClassVar[int]
    DROP_LAST_FIELD_NUMBER: _ClassVar[int]
    EDA_FIELD_NUMBER: _ClassVar[int]
    EPOCHS_FIELD_NUMBER: _ClassVar[int]
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    MAX_TOKENS_FIELD_NUMBER: _ClassVar[int]
    ON_DECODE_ERROR_FIELD_NUMBER: _ClassVar[int]
    OUTPUT_FIELD_NUMBER: _ClassVar[int]
    PIPELINE_FIELD_NUMBER: _ClassVar[int]
    SEED_FIELD_NUMBER: _ClassVar[int]
    SHARD_FIELD_NUMBER: _ClassVar[int]
    SHARED_MEMORY_FIELD_NUMBER: _ClassVar[int]
    SHUFFLE_FIELD_NUMBER: _ClassVar[int]
    START_FIELD_NUMBER: _ClassVar[int]
    TABULAR_SAMPLER_FIELD_NUMBER: _ClassVar[int]
    TARGET_HEIGHT_FIELD_NUMBER: _ClassVar[int]
    TARGET_WIDTH_FIELD_NUMBER: _ClassVar[int]
    UNBOUNDED_FIELD_NUMBER: _ClassVar[int]
    WORKERS_FIELD_NUMBER: _ClassVar[int]
    balance: Balance
    batch_size: int
    cbert: _text_pb2.CbertSpec
    dataset: str
    drop_last: bool
    eda: _text_pb2.EdaSpec
    epochs: int
    location: DatasetLocation
    max_tokens: int
    on_decode_error: DecodeErrorPolicy
    output: _pipeline_pb2.ImageOutput
    pipeline: _pipeline_pb2.Pipeline
    seed: int
    shard: Shard
    shared_memory: SharedMemoryOptions
    shuffle: bool
    start: StreamPosition
    tabular_sampler: _tabular_pb2.TabularSampler
    target_height: int
    target_width: int
    unbounded: bool
    workers: int
    def __init__(self, dataset: _Optional[str] = ..., location: _Optional[_Union[DatasetLocation, _Mapping]] = ..., pipeline: _Optional[_Union[_pipeline_pb2.Pipeline, _Mapping]] = ..., batch_size: _Optional[int] = ..., epochs: _Optional[int] = ..., unbounded: bool = ..., seed: _Optional[int] = ..., shuffle: bool = ..., drop_last: bool = ..., shard: _Optional[_Union[Shard, _Mapping]] = ..., start: _Optional[_Union[StreamPosition, _Mapping]] = ..., balance: _Optional[_Union[Balance, _Mapping]] = ..., output: _Optional[_Union[_pipeline_pb2.ImageOutput, _Mapping]] = ..., target_width: _Optional[int] = ..., target_height: _Optional[int] = ..., on_decode_error: _Optional[_Union[DecodeErrorPolicy, str]] = ..., workers: _Optional[int] = ..., eda: _Optional[_Union[_text_pb2.EdaSpec, _Mapping]] = ..., max_tokens: _Optional[int] = ..., tabular_sampler: _Optional[_Union[_tabular_pb2.TabularSampler, _Mapping]] = ..., cbert: _Optional[_Union[_text_pb2.CbertSpec, _Mapping]] = ..., shared_memory: _Optional[_Union[SharedMemoryOptions, _Mapping]] = ...) -> None: ...

class StreamPosition(_message.Message):
    __slots__ = ["batch", "epoch"]
    BATCH_FIELD_NUMBER: _ClassVar[int]
    EPOCH_FIELD_NUMBER: _ClassVar[int]
    batch: int
    epoch: int
    def __init__(self, epoch: _Optional[int] = ..., batch: _Optional[int] = ...) -> None: ...

class TabularPayload(_message.Message):
    __slots__ = ["columns", "features", "synthetic"]
    COLUMNS_FIELD_NUMBER: _ClassVar[int]
    FEATURES_FIELD_NUMBER: _ClassVar[int]
    SYNTHETIC_FIELD_NUMBER: _ClassVar[int]
    columns: _containers.RepeatedScalarFieldContainer[str]
    features: _tensor_pb2.Tensor
    synthetic: _tensor_pb2.Tensor
    def __init__(self, columns: _Optional[_Iterable[str]] = ..., features: _Optional[_Union[_tensor_pb2.Tensor, _Mapping]] = ..., synthetic: _Optional[_Union[_tensor_pb2.Tensor, _Mapping]] = ...) -> None: ...

class TextPayload(_message.Message):
    __slots__ = ["attention_mask", "class_names", "lengths", "texts", "token_ids", "variants"]
    ATTENTION_MASK_FIELD_NUMBER: _ClassVar[int]
    CLASS_NAMES_FIELD_NUMBER: _ClassVar[int]
    LENGTHS_FIELD_NUMBER: _ClassVar[int]
    TEXTS_FIELD_NUMBER: _ClassVar[int]
    TOKEN_IDS_FIELD_NUMBER: _ClassVar[int]
    VARIANTS_FIELD_NUMBER: _ClassVar[int]
    attention_mask: _tensor_pb2.Tensor
    class_names: _containers.RepeatedScalarFieldContainer[str]
    lengths: _tensor_pb2.Tensor
    texts: _containers.RepeatedScalarFieldContainer[str]
    token_ids: _tensor_pb2.Tensor
    variants: _tensor_pb2.Tensor
    def __init__(self, texts: _Optional[_Iterable[str]] = ..., token_ids: _Optional[_Union[_tensor_pb2.Tensor, _Mapping]] = ..., attention_mask: _Optional[_Union[_tensor_pb2.Tensor, _Mapping]] = ..., variants: _Optional[_Union[_tensor_pb2.Tensor, _Mapping]] = ..., lengths: _Optional[_Union[_tensor_pb2.Tensor, _Mapping]] = ..., class_names: _Optional[_Iterable[str]] = ...) -> None: ...

class DatasetKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class BalanceMode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class DecodeErrorPolicy(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
