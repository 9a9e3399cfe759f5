from . import tensor_pb2 as _tensor_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor
TABULAR_BORDERLINE_KIND_1: TabularBorderlineKind
TABULAR_BORDERLINE_KIND_2: TabularBorderlineKind
TABULAR_ENN_KIND_SEL_ALL: TabularEnnKindSel
TABULAR_ENN_KIND_SEL_MODE: TabularEnnKindSel
TABULAR_METHOD_ADASYN: TabularMethod
TABULAR_METHOD_BORDERLINE_SMOTE: TabularMethod
TABULAR_METHOD_EDITED_NEAREST_NEIGHBOURS: TabularMethod
TABULAR_METHOD_RANDOM_OVER_SAMPLER: TabularMethod
TABULAR_METHOD_RANDOM_UNDER_SAMPLER: TabularMethod
TABULAR_METHOD_SMOTE: TabularMethod
TABULAR_METHOD_SMOTE_ENN: TabularMethod
TABULAR_METHOD_SMOTE_N: TabularMethod
TABULAR_METHOD_SMOTE_NC: TabularMethod
TABULAR_METHOD_SMOTE_TOMEK: TabularMethod
TABULAR_METHOD_TOMEK_LINKS: TabularMethod
TABULAR_NAMED_STRATEGY_ALL: TabularNamedStrategy
TABULAR_NAMED_STRATEGY_AUTO: TabularNamedStrategy
TABULAR_NAMED_STRATEGY_MAJORITY: TabularNamedStrategy
TABULAR_NAMED_STRATEGY_MINORITY: TabularNamedStrategy
TABULAR_NAMED_STRATEGY_NOT_MAJORITY: TabularNamedStrategy
TABULAR_NAMED_STRATEGY_NOT_MINORITY: TabularNamedStrategy

class ResampleRequest(_message.Message):
    __slots__ = ["features", "labels", "sampler"]
    FEATURES_FIELD_NUMBER: _ClassVar[int]
    LABELS_FIELD_NUMBER: _ClassVar[int]
    SAMPLER_FIELD_NUMBER: _ClassVar[int]
    features: _tensor_pb2.Tensor
    labels: _tensor_pb2.Tensor
    sampler: TabularSampler
    def __init__(self, features: _Optional[_Union[_tensor_pb2.Tensor, _Mapping]] = ..., labels: _Optional[_Union[_tensor_pb2.Tensor, _Mapping]] = ..., sampler: _Optional[_Union[TabularSampler, _Mapping]] = ...) -> None: ...

class ResampleResponse(_message.Message):
    __slots__ = ["counts_after", "counts_before", "features", "labels", "synthetic"]
    COUNTS_AFTER_FIELD_NUMBER: _ClassVar[int]
    COUNTS_BEFORE_FIELD_NUMBER: _ClassVar[int]
    FEATURES_FIELD_NUMBER: _ClassVar[int]
    LABELS_FIELD_NUMBER: _ClassVar[int]
    SYNTHETIC_FIELD_NUMBER: _ClassVar[int]
    counts_after: _containers.RepeatedCompositeFieldContainer[TabularClassCount]
    counts_before: _containers.RepeatedCompositeFieldContainer[TabularClassCount]
    features: _tensor_pb2.Tensor
    labels: _tensor_pb2.Tensor
    synthetic: _tensor_pb2.Tensor
    def __init__(self, features: _Optional[_Union[_tensor_pb2.Tensor, _Mapping]] = ..., labels: _Optional[_Union[_tensor_pb2.Tensor, _Mapping]] = ..., synthetic: _Optional[_Union[_tensor_pb2.Tensor, _Mapping]] = ..., counts_before: _Optional[_Iterable[_Union[TabularClassCount, _Mapping]]] = ..., counts_after: _Optional[_Iterable[_Union[TabularClassCount, _Mapping]]] = ...) -> None: ...

class TabularClassCount(_message.Message):
    __slots__ = ["count", "label"]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    count: int
    label: int
    def __init__(self, label: _Optional[int] = ..., count: _Optional[int] = ...) -> None: ...

class TabularClassList(_message.Message):
    __slots__ = ["labels"]
    LABELS_FIELD_NUMBER: _ClassVar[int]
    labels: _containers.RepeatedScalarFieldContainer[int]
    def __init__(self, labels: _Optional[_Iterable[int]] = ...) -> None: ...

class TabularClassTargets(_message.Message):
    __slots__ = ["counts"]
    class CountsEntry(_message.Message):
        __slots__ = ["key", "value"]
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: int
        value: int
        def __init__(self, key: _Optional[int] = ..., value: _Optional[int] = ...) -> None: ...
    COUNTS_FIELD_NUMBER: _ClassVar[int]
    counts: _containers.ScalarMap[int, int]
    def __init__(self, counts: _Optional[_Mapping[int, int]] = ...) -> None: ...

class TabularSampler(_message.Message):
    __slots__ = ["categorical_columns", "enn_neighbors", "k_neighbors", "kind", "kind_sel", "m_neighbors", "method", "sampling_strategy", "seed", "shrinkage", "standardize"]
    CATEGORICAL_COLUMNS_FIELD_NUMBER: _ClassVar[int]
    ENN_NEIGHBORS_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    KIND_SEL_FIELD_NUMBER: _ClassVar[int]
    K_NEIGHBORS_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    M_NEIGHBORS_FIELD_NUMBER: _ClassVar[int]
    SAMPLING_STRATEGY_FIELD_NUMBER: _ClassVar[int]
    SEED_FIELD_NUMBER: _ClassVar[int]
    SHRINKAGE_FIELD_NUMBER: _ClassVar[int]
    STANDARDIZE_FIELD_NUMBER: _ClassVar[int]
    categorical_columns: _containers.RepeatedScalarFieldContainer[int]
    enn_neighbors: int
    k_neighbors: int
    kind: TabularBorderlineKind
    kind_sel: TabularEnnKindSel
    m_neighbors: int
    method: TabularMethod
    sampling_strategy: TabularSamplingStrategy
    seed: int
    shrinkage: float
    standardize: bool
    def __init__(self, method: _Optional[_Union[TabularMethod, str]] = ..., sampling_strategy: _Optional[_Union[TabularSamplingStrategy, _Mapping]] = ..., k_neighbors: _Optional[int] = ..., m_neighbors: _Optional[int] = ..., kind: _Optional[_Union[TabularBorderlineKind, str]] = ..., shrinkage: _Optional[float] = ..., enn_neighbors: _Optional[int] = ..., kind_sel: _Optional[_Union[TabularEnnKindSel, str]] = ..., seed: _Optional[int] = ..., standardize: bool = ..., categorical_columns: _Optional[_Iterable[int]] = ...) -> None: ...

class TabularSamplingStrategy(_message.Message):
    __slots__ = ["classes", "named", "ratio", "targets"]
    CLASSES_FIELD_NUMBER: _ClassVar[int]
    NAMED_FIELD_NUMBER: _ClassVar[int]
    RATIO_FIELD_NUMBER: _ClassVar[int]
    TARGETS_FIELD_NUMBER: _ClassVar[int]
    classes: TabularClassList
    named: TabularNamedStrategy
    ratio: float
    targets: TabularClassTargets
    def __init__(self, named: _Optional[_Union[TabularNamedStrategy, str]] = ..., ratio: _Optional[float] = ..., targets: _Optional[_Union[TabularClassTargets, _Mapping]] = ..., classes: _Optional[_Union[TabularClassList, _Mapping]] = ...) -> None: ...

class TabularMethod(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class TabularBorderlineKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class TabularEnnKindSel(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class TabularNamedStrategy(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
