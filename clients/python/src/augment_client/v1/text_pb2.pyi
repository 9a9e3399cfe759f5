from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor
TEXT_TOKENIZATION_PRESERVE: TextTokenization
TEXT_TOKENIZATION_REFERENCE: TextTokenization

class AugmentTextRequest(_message.Message):
    __slots__ = ["cbert", "eda", "first_index", "labels", "seed", "texts"]
    CBERT_FIELD_NUMBER: _ClassVar[int]
    EDA_FIELD_NUMBER: _ClassVar[int]
    FIRST_INDEX_FIELD_NUMBER: _ClassVar[int]
    LABELS_FIELD_NUMBER: _ClassVar[int]
    SEED_FIELD_NUMBER: _ClassVar[int]
    TEXTS_FIELD_NUMBER: _ClassVar[int]
    cbert: CbertSpec
    eda: EdaSpec
    first_index: int
    labels: _containers.RepeatedScalarFieldContainer[str]
    seed: int
    texts: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, texts: _Optional[_Iterable[str]] = ..., labels: _Optional[_Iterable[str]] = ..., seed: _Optional[int] = ..., first_index: _Optional[int] = ..., eda: _Optional[_Union[EdaSpec, _Mapping]] = ..., cbert: _Optional[_Union[CbertSpec, _Mapping]] = ...) -> None: ...

class AugmentTextResponse(_message.Message):
    __slots__ = ["is_original", "labels", "source_index", "texts"]
    IS_ORIGINAL_FIELD_NUMBER: _ClassVar[int]
    LABELS_FIELD_NUMBER: _ClassVar[int]
    SOURCE_INDEX_FIELD_NUMBER: _ClassVar[int]
    TEXTS_FIELD_NUMBER: _ClassVar[int]
    is_original: _containers.RepeatedScalarFieldContainer[bool]
    labels: _containers.RepeatedScalarFieldContainer[str]
    source_index: _containers.RepeatedScalarFieldContainer[int]
    texts: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, texts: _Optional[_Iterable[str]] = ..., labels: _Optional[_Iterable[str]] = ..., source_index: _Optional[_Iterable[int]] = ..., is_original: _Optional[_Iterable[bool]] = ...) -> None: ...

class CbertSpec(_message.Message):
    __slots__ = ["keep_original", "mask_fraction", "model", "num_aug", "temperature", "top_k"]
    KEEP_ORIGINAL_FIELD_NUMBER: _ClassVar[int]
    MASK_FRACTION_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    NUM_AUG_FIELD_NUMBER: _ClassVar[int]
    TEMPERATURE_FIELD_NUMBER: _ClassVar[int]
    TOP_K_FIELD_NUMBER: _ClassVar[int]
    keep_original: bool
    mask_fraction: float
    model: str
    num_aug: int
    temperature: float
    top_k: int
    def __init__(self, model: _Optional[str] = ..., num_aug: _Optional[int] = ..., mask_fraction: _Optional[float] = ..., temperature: _Optional[float] = ..., top_k: _Optional[int] = ..., keep_original: bool = ...) -> None: ...

class EdaSpec(_message.Message):
    __slots__ = ["alpha_rd", "alpha_ri", "alpha_rs", "alpha_sr", "insertion_skips_stop_words", "keep_original", "num_aug", "tokenization"]
    ALPHA_RD_FIELD_NUMBER: _ClassVar[int]
    ALPHA_RI_FIELD_NUMBER: _ClassVar[int]
    ALPHA_RS_FIELD_NUMBER: _ClassVar[int]
    ALPHA_SR_FIELD_NUMBER: _ClassVar[int]
    INSERTION_SKIPS_STOP_WORDS_FIELD_NUMBER: _ClassVar[int]
    KEEP_ORIGINAL_FIELD_NUMBER: _ClassVar[int]
    NUM_AUG_FIELD_NUMBER: _ClassVar[int]
    TOKENIZATION_FIELD_NUMBER: _ClassVar[int]
    alpha_rd: float
    alpha_ri: float
    alpha_rs: float
    alpha_sr: float
    insertion_skips_stop_words: bool
    keep_original: bool
    num_aug: float
    tokenization: TextTokenization
    def __init__(self, alpha_sr: _Optional[float] = ..., alpha_ri: _Optional[float] = ..., alpha_rs: _Optional[float] = ..., alpha_rd: _Optional[float] = ..., num_aug: _Optional[float] = ..., keep_original: bool = ..., tokenization: _Optional[_Union[TextTokenization, str]] = ..., insertion_skips_stop_words: bool = ...) -> None: ...

class TextTokenization(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
