"""Turns the ways a user can give a pipeline (or an output format, or a balancing mode) into messages."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping

from google.protobuf import json_format

from .errors import SpecError
from .v1 import pipeline_pb2, service_pb2

__all__ = ["to_pipeline", "to_output", "to_balance", "to_location"]


def _parse(spec, message, field: str):
    try:
        if isinstance(spec, Mapping):
            return json_format.ParseDict(spec, message)
        return json_format.Parse(spec, message)
    except json_format.ParseError as e:
        raise SpecError(f"{field}: {e}", field=field) from None


def to_pipeline(spec) -> pipeline_pb2.Pipeline | None:
    """A ``Pipeline`` message from ``None`` (identity), a ``Pipeline`` message, a dict in the proto3 JSON
    mapping (``{"nodes": [{"horizontalFlip": {}, "p": 0.5}]}``; snake_case names work too), a JSON
    string, or the path of a JSON file (``str`` or ``os.PathLike``)."""
    if spec is None or isinstance(spec, pipeline_pb2.Pipeline):
        return spec
    if isinstance(spec, Mapping):
        return _parse(spec, pipeline_pb2.Pipeline(), "pipeline")
    if isinstance(spec, os.PathLike) or (isinstance(spec, str) and not spec.lstrip().startswith("{")):
        try:
            with open(spec, encoding="utf-8") as f:
                text = f.read()
        except OSError as e:
            raise SpecError(f"pipeline: cannot read {os.fspath(spec)!r}: {e.strerror}", field="pipeline") from None
        return _parse(text, pipeline_pb2.Pipeline(), f"pipeline ({os.fspath(spec)})")
    if isinstance(spec, str):
        return _parse(spec, pipeline_pb2.Pipeline(), "pipeline")
    raise TypeError(f"pipeline: expected a dict, a JSON string or file path, or a Pipeline message, not {type(spec).__name__}")


_LAYOUTS = {
    "uint8_hwc": pipeline_pb2.IMAGE_LAYOUT_UINT8_HWC,
    "uint8": pipeline_pb2.IMAGE_LAYOUT_UINT8_HWC,
    "float32_chw": pipeline_pb2.IMAGE_LAYOUT_FLOAT32_CHW,
    "float32": pipeline_pb2.IMAGE_LAYOUT_FLOAT32_CHW,
}


def to_output(output) -> pipeline_pb2.ImageOutput | None:
    """An ``ImageOutput`` from ``None``, the message, a dict (``{"layout": "IMAGE_LAYOUT_FLOAT32_CHW",
    "mean": [...], "std": [...]}``) or a layout name: ``"uint8_hwc"`` or ``"float32_chw"``."""
    if output is None or isinstance(output, pipeline_pb2.ImageOutput):
        return output
    if isinstance(output, str):
        layout = _LAYOUTS.get(output.lower())
        if layout is None:
            raise SpecError(f"output: unknown layout {output!r} (use one of {sorted(_LAYOUTS)})", field="output")
        return pipeline_pb2.ImageOutput(layout=layout)
    if isinstance(output, Mapping):
        return _parse(output, pipeline_pb2.ImageOutput(), "output")
    raise TypeError(f"output: expected a layout name, a dict or an ImageOutput message, not {type(output).__name__}")


def to_balance(balance) -> service_pb2.Balance | None:
    """A ``Balance`` from ``None``/``"none"``, ``"oversample"``, a ``{label: weight}`` mapping
    (class weights) or the message."""
    if balance is None or isinstance(balance, service_pb2.Balance):
        return balance
    if isinstance(balance, str):
        modes = {"none": service_pb2.BALANCE_MODE_NONE, "oversample": service_pb2.BALANCE_MODE_OVERSAMPLE}
        mode = modes.get(balance.lower())
        if mode is None:
            raise SpecError(f"balance: unknown mode {balance!r} (use 'none', 'oversample' or a {{label: weight}} dict)",
                            field="balance")
        return service_pb2.Balance(mode=mode)
    if isinstance(balance, Mapping):
        weights = {int(k): float(v) for k, v in balance.items()}
        return service_pb2.Balance(mode=service_pb2.BALANCE_MODE_CLASS_WEIGHTS, class_weights=weights)
    raise TypeError(f"balance: expected 'none', 'oversample', a {{label: weight}} dict or a Balance message, "
                    f"not {type(balance).__name__}")


def to_location(location) -> service_pb2.DatasetLocation | None:
    """A ``DatasetLocation`` from ``None``, the message, or a dict ``{"root": ..., "path": ...}``."""
    if location is None or isinstance(location, service_pb2.DatasetLocation):
        return location
    if isinstance(location, Mapping):
        return _parse(dict(location), service_pb2.DatasetLocation(), "location")
    raise TypeError(f"location: expected a dict or a DatasetLocation message, not {type(location).__name__}")


def dumps(pipeline: pipeline_pb2.Pipeline) -> str:
    """The canonical proto3 JSON of a pipeline (what the CLI and the service read)."""
    return json.dumps(json_format.MessageToDict(pipeline), indent=2)
