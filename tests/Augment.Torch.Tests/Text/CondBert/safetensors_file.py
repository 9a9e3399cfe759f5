"""Writes a .safetensors file by hand (the safetensors package is not in Debian 12). Shared by make_tiny_bert.py and
bench/cbert/make_model.py."""
import json
import struct


def write(path, tensors, metadata=None):
    """tensors: name -> (dtype such as "F32" or "I64", shape, little-endian row-major bytes), stored in name order."""
    header, blobs, offset = ({"__metadata__": metadata} if metadata else {}), [], 0
    for name in sorted(tensors):
        dtype, shape, data = tensors[name]
        header[name] = {"dtype": dtype, "shape": list(shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    hb = json.dumps(header).encode()
    hb += b" " * ((8 - len(hb) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(hb)))
        f.write(hb)
        for blob in blobs:
            f.write(blob)
