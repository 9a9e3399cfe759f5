from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor
IMAGE_LAYOUT_FLOAT32_CHW: ImageLayout
IMAGE_LAYOUT_UINT8_HWC: ImageLayout
INTERPOLATION_BILINEAR: Interpolation
INTERPOLATION_NEAREST: Interpolation

class Affine(_message.Message):
    __slots__ = ["degrees", "fill", "scale", "shear_x", "shear_y", "translate_x", "translate_y"]
    DEGREES_FIELD_NUMBER: _ClassVar[int]
    FILL_FIELD_NUMBER: _ClassVar[int]
    SCALE_FIELD_NUMBER: _ClassVar[int]
    SHEAR_X_FIELD_NUMBER: _ClassVar[int]
    SHEAR_Y_FIELD_NUMBER: _ClassVar[int]
    TRANSLATE_X_FIELD_NUMBER: _ClassVar[int]
    TRANSLATE_Y_FIELD_NUMBER: _ClassVar[int]
    degrees: Range
    fill: _containers.RepeatedScalarFieldContainer[float]
    scale: Range
    shear_x: Range
    shear_y: Range
    translate_x: float
    translate_y: float
    def __init__(self, degrees: _Optional[_Union[Range, _Mapping]] = ..., translate_x: _Optional[float] = ..., translate_y: _Optional[float] = ..., scale: _Optional[_Union[Range, _Mapping]] = ..., shear_x: _Optional[_Union[Range, _Mapping]] = ..., shear_y: _Optional[_Union[Range, _Mapping]] = ..., fill: _Optional[_Iterable[float]] = ...) -> None: ...

class AutoContrast(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class BoxParams(_message.Message):
    __slots__ = ["min_size", "min_visibility"]
    MIN_SIZE_FIELD_NUMBER: _ClassVar[int]
    MIN_VISIBILITY_FIELD_NUMBER: _ClassVar[int]
    min_size: float
    min_visibility: float
    def __init__(self, min_visibility: _Optional[float] = ..., min_size: _Optional[float] = ...) -> None: ...

class CenterCrop(_message.Message):
    __slots__ = ["height", "width"]
    HEIGHT_FIELD_NUMBER: _ClassVar[int]
    WIDTH_FIELD_NUMBER: _ClassVar[int]
    height: int
    width: int
    def __init__(self, width: _Optional[int] = ..., height: _Optional[int] = ...) -> None: ...

class ChannelShuffle(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class ColorJitter(_message.Message):
    __slots__ = ["brightness", "contrast", "hue", "saturation"]
    BRIGHTNESS_FIELD_NUMBER: _ClassVar[int]
    CONTRAST_FIELD_NUMBER: _ClassVar[int]
    HUE_FIELD_NUMBER: _ClassVar[int]
    SATURATION_FIELD_NUMBER: _ClassVar[int]
    brightness: float
    contrast: float
    hue: float
    saturation: float
    def __init__(self, brightness: _Optional[float] = ..., contrast: _Optional[float] = ..., saturation: _Optional[float] = ..., hue: _Optional[float] = ...) -> None: ...

class Cutout(_message.Message):
    __slots__ = ["fill", "length", "num_holes"]
    FILL_FIELD_NUMBER: _ClassVar[int]
    LENGTH_FIELD_NUMBER: _ClassVar[int]
    NUM_HOLES_FIELD_NUMBER: _ClassVar[int]
    fill: _containers.RepeatedScalarFieldContainer[float]
    length: int
    num_holes: int
    def __init__(self, num_holes: _Optional[int] = ..., length: _Optional[int] = ..., fill: _Optional[_Iterable[float]] = ...) -> None: ...

class Equalize(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class GaussianBlur(_message.Message):
    __slots__ = ["kernel_size", "sigma"]
    KERNEL_SIZE_FIELD_NUMBER: _ClassVar[int]
    SIGMA_FIELD_NUMBER: _ClassVar[int]
    kernel_size: int
    sigma: Range
    def __init__(self, kernel_size: _Optional[int] = ..., sigma: _Optional[_Union[Range, _Mapping]] = ...) -> None: ...

class GaussianNoise(_message.Message):
    __slots__ = ["mean", "same_for_all_channels", "sigma"]
    MEAN_FIELD_NUMBER: _ClassVar[int]
    SAME_FOR_ALL_CHANNELS_FIELD_NUMBER: _ClassVar[int]
    SIGMA_FIELD_NUMBER: _ClassVar[int]
    mean: float
    same_for_all_channels: bool
    sigma: Range
    def __init__(self, mean: _Optional[float] = ..., sigma: _Optional[_Union[Range, _Mapping]] = ..., same_for_all_channels: bool = ...) -> None: ...

class Grayscale(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class HorizontalFlip(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class ImageOutput(_message.Message):
    __slots__ = ["layout", "mean", "std"]
    LAYOUT_FIELD_NUMBER: _ClassVar[int]
    MEAN_FIELD_NUMBER: _ClassVar[int]
    STD_FIELD_NUMBER: _ClassVar[int]
    layout: ImageLayout
    mean: _containers.RepeatedScalarFieldContainer[float]
    std: _containers.RepeatedScalarFieldContainer[float]
    def __init__(self, layout: _Optional[_Union[ImageLayout, str]] = ..., mean: _Optional[_Iterable[float]] = ..., std: _Optional[_Iterable[float]] = ...) -> None: ...

class Invert(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class Node(_message.Message):
    __slots__ = ["affine", "auto_contrast", "center_crop", "channel_shuffle", "color_jitter", "cutout", "equalize", "gaussian_blur", "gaussian_noise", "grayscale", "horizontal_flip", "id", "invert", "one_of", "p", "pad", "perspective", "posterize", "rand_augment", "random_crop", "random_erasing", "random_order", "random_resized_crop", "resize", "rgb_shift", "rotate", "sequence", "sharpness", "solarize", "some_of", "trivial_augment_wide", "vertical_flip"]
    AFFINE_FIELD_NUMBER: _ClassVar[int]
    AUTO_CONTRAST_FIELD_NUMBER: _ClassVar[int]
    CENTER_CROP_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_SHUFFLE_FIELD_NUMBER: _ClassVar[int]
    COLOR_JITTER_FIELD_NUMBER: _ClassVar[int]
    CUTOUT_FIELD_NUMBER: _ClassVar[int]
    EQUALIZE_FIELD_NUMBER: _ClassVar[int]
    GAUSSIAN_BLUR_FIELD_NUMBER: _ClassVar[int]
    GAUSSIAN_NOISE_FIELD_NUMBER: _ClassVar[int]
    GRAYSCALE_FIELD_NUMBER: _ClassVar[int]
    HORIZONTAL_FLIP_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    INVERT_FIELD_NUMBER: _ClassVar[int]
    ONE_OF_FIELD_NUMBER: _ClassVar[int]
    PAD_FIELD_NUMBER: _ClassVar[int]
    PERSPECTIVE_FIELD_NUMBER: _ClassVar[int]
    POSTERIZE_FIELD_NUMBER: _ClassVar[int]
    P_FIELD_NUMBER: _ClassVar[int]
    RANDOM_CROP_FIELD_NUMBER: _ClassVar[int]
    RANDOM_ERASING_FIELD_NUMBER: _ClassVar[int]
    RANDOM_ORDER_FIELD_NUMBER: _ClassVar[int]
    RANDOM_RESIZED_CROP_FIELD_NUMBER: _ClassVar[int]
    RAND_AUGMENT_FIELD_NUMBER: _ClassVar[int]
    RESIZE_FIELD_NUMBER: _ClassVar[int]
    RGB_SHIFT_FIELD_NUMBER: _ClassVar[int]
    ROTATE_FIELD_NUMBER: _ClassVar[int]
    SEQUENCE_FIELD_NUMBER: _ClassVar[int]
    SHARPNESS_FIELD_NUMBER: _ClassVar[int]
    SOLARIZE_FIELD_NUMBER: _ClassVar[int]
    SOME_OF_FIELD_NUMBER: _ClassVar[int]
    TRIVIAL_AUGMENT_WIDE_FIELD_NUMBER: _ClassVar[int]
    VERTICAL_FLIP_FIELD_NUMBER: _ClassVar[int]
    affine: Affine
    auto_contrast: AutoContrast
    center_crop: CenterCrop
    channel_shuffle: ChannelShuffle
    color_jitter: ColorJitter
    cutout: Cutout
    equalize: Equalize
    gaussian_blur: GaussianBlur
    gaussian_noise: GaussianNoise
    grayscale: Grayscale
    horizontal_flip: HorizontalFlip
    id: str
    invert: Invert
    one_of: OneOf
    p: float
    pad: Pad
    perspective: Perspective
    posterize: Posterize
    rand_augment: RandAugment
    random_crop: RandomCrop
    random_erasing: RandomErasing
    random_order: RandomOrder
    random_resized_crop: RandomResizedCrop
    resize: Resize
    rgb_shift: RgbShift
    rotate: Rotate
    sequence: Sequence
    sharpness: Sharpness
    solarize: Solarize
    some_of: SomeOf
    trivial_augment_wide: TrivialAugmentWide
    vertical_flip: VerticalFlip
    def __init__(self, id: _Optional[str] = ..., p: _Optional[float] = ..., sequence: _Optional[_Union[Sequence, _Mapping]] = ..., one_of: _Optional[_Union[OneOf, _Mapping]] = ..., some_of: _Optional[_Union[SomeOf, _Mapping]] = ..., random_order: _Optional[_Union[RandomOrder, _Mapping]] = ..., horizontal_flip: _Optional[_Union[HorizontalFlip, _Mapping]] = ..., vertical_flip: _Optional[_Union[VerticalFlip, _Mapping]] = ..., rotate: _Optional[_Union[Rotate, _Mapping]] = ..., affine: _Optional[_Union[Affine, _Mapping]] = ..., perspective: _Optional[_Union[Perspective, _Mapping]] = ..., random_resized_crop: _Optional[_Union[RandomResizedCrop, _Mapping]] = ..., random_crop: _Optional[_Union[RandomCrop, _Mapping]] = ..., center_crop: _Optional[_Union[CenterCrop, _Mapping]] = ..., resize: _Optional[_Union[Resize, _Mapping]] = ..., pad: _Optional[_Union[Pad, _Mapping]] = ..., color_jitter: _Optional[_Union[ColorJitter, _Mapping]] = ..., rgb_shift: _Optional[_Union[RgbShift, _Mapping]] = ..., grayscale: _Optional[_Union[Grayscale, _Mapping]] = ..., channel_shuffle: _Optional[_Union[ChannelShuffle, _Mapping]] = ..., gaussian_blur: _Optional[_Union[GaussianBlur, _Mapping]] = ..., gaussian_noise: _Optional[_Union[GaussianNoise, _Mapping]] = ..., posterize: _Optional[_Union[Posterize, _Mapping]] = ..., solarize: _Optional[_Union[Solarize, _Mapping]] = ..., equalize: _Optional[_Union[Equalize, _Mapping]] = ..., auto_contrast: _Optional[_Union[AutoContrast, _Mapping]] = ..., invert: _Optional[_Union[Invert, _Mapping]] = ..., sharpness: _Optional[_Union[Sharpness, _Mapping]] = ..., random_erasing: _Optional[_Union[RandomErasing, _Mapping]] = ..., cutout: _Optional[_Union[Cutout, _Mapping]] = ..., rand_augment: _Optional[_Union[RandAugment, _Mapping]] = ..., trivial_augment_wide: _Optional[_Union[TrivialAugmentWide, _Mapping]] = ...) -> None: ...

class OneOf(_message.Message):
    __slots__ = ["nodes", "weights"]
    NODES_FIELD_NUMBER: _ClassVar[int]
    WEIGHTS_FIELD_NUMBER: _ClassVar[int]
    nodes: _containers.RepeatedCompositeFieldContainer[Node]
    weights: _containers.RepeatedScalarFieldContainer[float]
    def __init__(self, nodes: _Optional[_Iterable[_Union[Node, _Mapping]]] = ..., weights: _Optional[_Iterable[float]] = ...) -> None: ...

class Pad(_message.Message):
    __slots__ = ["bottom", "fill", "left", "right", "top"]
    BOTTOM_FIELD_NUMBER: _ClassVar[int]
    FILL_FIELD_NUMBER: _ClassVar[int]
    LEFT_FIELD_NUMBER: _ClassVar[int]
    RIGHT_FIELD_NUMBER: _ClassVar[int]
    TOP_FIELD_NUMBER: _ClassVar[int]
    bottom: int
    fill: _containers.RepeatedScalarFieldContainer[float]
    left: int
    right: int
    top: int
    def __init__(self, left: _Optional[int] = ..., top: _Optional[int] = ..., right: _Optional[int] = ..., bottom: _Optional[int] = ..., fill: _Optional[_Iterable[float]] = ...) -> None: ...

class Perspective(_message.Message):
    __slots__ = ["distortion_scale", "fill"]
    DISTORTION_SCALE_FIELD_NUMBER: _ClassVar[int]
    FILL_FIELD_NUMBER: _ClassVar[int]
    distortion_scale: float
    fill: _containers.RepeatedScalarFieldContainer[float]
    def __init__(self, distortion_scale: _Optional[float] = ..., fill: _Optional[_Iterable[float]] = ...) -> None: ...

class Pipeline(_message.Message):
    __slots__ = ["boxes", "interpolation", "nodes", "output"]
    BOXES_FIELD_NUMBER: _ClassVar[int]
    INTERPOLATION_FIELD_NUMBER: _ClassVar[int]
    NODES_FIELD_NUMBER: _ClassVar[int]
    OUTPUT_FIELD_NUMBER: _ClassVar[int]
    boxes: BoxParams
    interpolation: Interpolation
    nodes: _containers.RepeatedCompositeFieldContainer[Node]
    output: ImageOutput
    def __init__(self, nodes: _Optional[_Iterable[_Union[Node, _Mapping]]] = ..., output: _Optional[_Union[ImageOutput, _Mapping]] = ..., interpolation: _Optional[_Union[Interpolation, str]] = ..., boxes: _Optional[_Union[BoxParams, _Mapping]] = ...) -> None: ...

class Posterize(_message.Message):
    __slots__ = ["bits"]
    BITS_FIELD_NUMBER: _ClassVar[int]
    bits: int
    def __init__(self, bits: _Optional[int] = ...) -> None: ...

class RandAugment(_message.Message):
    __slots__ = ["fill", "magnitude", "num_magnitude_bins", "num_ops"]
    FILL_FIELD_NUMBER: _ClassVar[int]
    MAGNITUDE_FIELD_NUMBER: _ClassVar[int]
    NUM_MAGNITUDE_BINS_FIELD_NUMBER: _ClassVar[int]
    NUM_OPS_FIELD_NUMBER: _ClassVar[int]
    fill: _containers.RepeatedScalarFieldContainer[float]
    magnitude: int
    num_magnitude_bins: int
    num_ops: int
    def __init__(self, num_ops: _Optional[int] = ..., magnitude: _Optional[int] = ..., num_magnitude_bins: _Optional[int] = ..., fill: _Optional[_Iterable[float]] = ...) -> None: ...

class RandomCrop(_message.Message):
    __slots__ = ["fill", "height", "pad_if_needed", "padding", "width"]
    FILL_FIELD_NUMBER: _ClassVar[int]
    HEIGHT_FIELD_NUMBER: _ClassVar[int]
    PADDING_FIELD_NUMBER: _ClassVar[int]
    PAD_IF_NEEDED_FIELD_NUMBER: _ClassVar[int]
    WIDTH_FIELD_NUMBER: _ClassVar[int]
    fill: _containers.RepeatedScalarFieldContainer[float]
    height: int
    pad_if_needed: bool
    padding: int
    width: int
    def __init__(self, width: _Optional[int] = ..., height: _Optional[int] = ..., padding: _Optional[int] = ..., pad_if_needed: bool = ..., fill: _Optional[_Iterable[float]] = ...) -> None: ...

class RandomErasing(_message.Message):
    __slots__ = ["fill", "random_fill", "ratio", "scale"]
    FILL_FIELD_NUMBER: _ClassVar[int]
    RANDOM_FILL_FIELD_NUMBER: _ClassVar[int]
    RATIO_FIELD_NUMBER: _ClassVar[int]
    SCALE_FIELD_NUMBER: _ClassVar[int]
    fill: _containers.RepeatedScalarFieldContainer[float]
    random_fill: bool
    ratio: Range
    scale: Range
    def __init__(self, scale: _Optional[_Union[Range, _Mapping]] = ..., ratio: _Optional[_Union[Range, _Mapping]] = ..., fill: _Optional[_Iterable[float]] = ..., random_fill: bool = ...) -> None: ...

class RandomOrder(_message.Message):
    __slots__ = ["nodes"]
    NODES_FIELD_NUMBER: _ClassVar[int]
    nodes: _containers.RepeatedCompositeFieldContainer[Node]
    def __init__(self, nodes: _Optional[_Iterable[_Union[Node, _Mapping]]] = ...) -> None: ...

class RandomResizedCrop(_message.Message):
    __slots__ = ["height", "ratio", "scale", "width"]
    HEIGHT_FIELD_NUMBER: _ClassVar[int]
    RATIO_FIELD_NUMBER: _ClassVar[int]
    SCALE_FIELD_NUMBER: _ClassVar[int]
    WIDTH_FIELD_NUMBER: _ClassVar[int]
    height: int
    ratio: Range
    scale: Range
    width: int
    def __init__(self, width: _Optional[int] = ..., height: _Optional[int] = ..., scale: _Optional[_Union[Range, _Mapping]] = ..., ratio: _Optional[_Union[Range, _Mapping]] = ...) -> None: ...

class Range(_message.Message):
    __slots__ = ["max", "min"]
    MAX_FIELD_NUMBER: _ClassVar[int]
    MIN_FIELD_NUMBER: _ClassVar[int]
    max: float
    min: float
    def __init__(self, min: _Optional[float] = ..., max: _Optional[float] = ...) -> None: ...

class Resize(_message.Message):
    __slots__ = ["height", "max_size", "shorter_side", "width"]
    HEIGHT_FIELD_NUMBER: _ClassVar[int]
    MAX_SIZE_FIELD_NUMBER: _ClassVar[int]
    SHORTER_SIDE_FIELD_NUMBER: _ClassVar[int]
    WIDTH_FIELD_NUMBER: _ClassVar[int]
    height: int
    max_size: int
    shorter_side: int
    width: int
    def __init__(self, width: _Optional[int] = ..., height: _Optional[int] = ..., shorter_side: _Optional[int] = ..., max_size: _Optional[int] = ...) -> None: ...

class RgbShift(_message.Message):
    __slots__ = ["b_shift_limit", "g_shift_limit", "r_shift_limit"]
    B_SHIFT_LIMIT_FIELD_NUMBER: _ClassVar[int]
    G_SHIFT_LIMIT_FIELD_NUMBER: _ClassVar[int]
    R_SHIFT_LIMIT_FIELD_NUMBER: _ClassVar[int]
    b_shift_limit: float
    g_shift_limit: float
    r_shift_limit: float
    def __init__(self, r_shift_limit: _Optional[float] = ..., g_shift_limit: _Optional[float] = ..., b_shift_limit: _Optional[float] = ...) -> None: ...

class Rotate(_message.Message):
    __slots__ = ["degrees", "expand", "fill"]
    DEGREES_FIELD_NUMBER: _ClassVar[int]
    EXPAND_FIELD_NUMBER: _ClassVar[int]
    FILL_FIELD_NUMBER: _ClassVar[int]
    degrees: Range
    expand: bool
    fill: _containers.RepeatedScalarFieldContainer[float]
    def __init__(self, degrees: _Optional[_Union[Range, _Mapping]] = ..., expand: bool = ..., fill: _Optional[_Iterable[float]] = ...) -> None: ...

class Sequence(_message.Message):
    __slots__ = ["nodes"]
    NODES_FIELD_NUMBER: _ClassVar[int]
    nodes: _containers.RepeatedCompositeFieldContainer[Node]
    def __init__(self, nodes: _Optional[_Iterable[_Union[Node, _Mapping]]] = ...) -> None: ...

class Sharpness(_message.Message):
    __slots__ = ["factor"]
    FACTOR_FIELD_NUMBER: _ClassVar[int]
    factor: Range
    def __init__(self, factor: _Optional[_Union[Range, _Mapping]] = ...) -> None: ...

class Solarize(_message.Message):
    __slots__ = ["threshold"]
    THRESHOLD_FIELD_NUMBER: _ClassVar[int]
    threshold: float
    def __init__(self, threshold: _Optional[float] = ...) -> None: ...

class SomeOf(_message.Message):
    __slots__ = ["n", "nodes", "replace"]
    NODES_FIELD_NUMBER: _ClassVar[int]
    N_FIELD_NUMBER: _ClassVar[int]
    REPLACE_FIELD_NUMBER: _ClassVar[int]
    n: int
    nodes: _containers.RepeatedCompositeFieldContainer[Node]
    replace: bool
    def __init__(self, nodes: _Optional[_Iterable[_Union[Node, _Mapping]]] = ..., n: _Optional[int] = ..., replace: bool = ...) -> None: ...

class TrivialAugmentWide(_message.Message):
    __slots__ = ["fill", "num_magnitude_bins"]
    FILL_FIELD_NUMBER: _ClassVar[int]
    NUM_MAGNITUDE_BINS_FIELD_NUMBER: _ClassVar[int]
    fill: _containers.RepeatedScalarFieldContainer[float]
    num_magnitude_bins: int
    def __init__(self, num_magnitude_bins: _Optional[int] = ..., fill: _Optional[_Iterable[float]] = ...) -> None: ...

class VerticalFlip(_message.Message):
    __slots__ = []
    def __init__(self) -> None: ...

class Interpolation(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []

class ImageLayout(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = []
