#!/usr/bin/env python3
"""Debian 12 loader fix for TorchSharp's libLibTorchSharp.so.

libLibTorchSharp.so (TorchSharp 0.107) records a version need on GLIBCXX_3.4.32 for one symbol
(_ZSt21ios_base_library_initv, GCC 13's iostream marker, never called). Debian 12's libstdc++ stops at
GLIBCXX_3.4.30, so dlopen fails. Marking that one Vernaux entry weak (VER_FLG_WEAK = 0x2) lets the
loader continue. This script does that, in place (temp file + rename), to every libLibTorchSharp.so
under the given folders, and only when the system libstdc++ lacks the version. Idempotent.

Usage: patch_glibcxx.py FOLDER [FOLDER...]
"""
import os
import struct
import sys

NEEDED = b"GLIBCXX_3.4.32"
TARGET = "libLibTorchSharp.so"
SHT_GNU_VERNEED = 0x6FFFFFFE
VER_FLG_WEAK = 0x2
LIBSTDCXX = [
    "/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
    "/usr/lib/aarch64-linux-gnu/libstdc++.so.6",
    "/usr/lib64/libstdc++.so.6",
    "/usr/lib/libstdc++.so.6",
]


def system_has_version():
    for path in LIBSTDCXX:
        if os.path.exists(path):
            with open(path, "rb") as f:
                return NEEDED + b"\0" in f.read()
    return True  # no libstdc++ where we look: not a glibc system we know, leave the file alone


def patch(data):
    """Returns (patched bytes, changed) or raises ValueError naming what is wrong."""
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        raise ValueError("not a 64-bit little-endian ELF file")
    e_shoff, = struct.unpack_from("<Q", data, 0x28)
    e_shentsize, e_shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = []
    for i in range(e_shnum):
        off = e_shoff + i * e_shentsize
        _, sh_type, _, _, sh_offset, sh_size, sh_link = struct.unpack_from("<IIQQQQI", data, off)
        sections.append((sh_type, sh_offset, sh_size, sh_link))
    buf = bytearray(data)
    changed = False
    found = False
    for sh_type, sh_offset, _, sh_link in sections:
        if sh_type != SHT_GNU_VERNEED:
            continue
        strtab = sections[sh_link][1]
        vn = sh_offset
        while True:
            _, vn_cnt, _, vn_aux, vn_next = struct.unpack_from("<HHIII", buf, vn)
            aux = vn + vn_aux
            for _ in range(vn_cnt):
                _, vna_flags, _, vna_name, vna_next = struct.unpack_from("<IHHII", buf, aux)
                start = strtab + vna_name
                name = bytes(buf[start:buf.index(b"\0", start)])
                if name == NEEDED:
                    found = True
                    if not vna_flags & VER_FLG_WEAK:
                        struct.pack_into("<H", buf, aux + 4, vna_flags | VER_FLG_WEAK)
                        changed = True
                if vna_next == 0:
                    break
                aux += vna_next
            if vn_next == 0:
                break
            vn += vn_next
    if not found:
        return data, False
    return bytes(buf), changed


def main(folders):
    if not folders:
        print("usage: patch_glibcxx.py FOLDER [FOLDER...]", file=sys.stderr)
        return 2
    if system_has_version():
        return 0
    for folder in folders:
        for root, _, files in os.walk(folder):
            if TARGET not in files:
                continue
            path = os.path.join(root, TARGET)
            with open(path, "rb") as f:
                data = f.read()
            try:
                patched, changed = patch(data)
            except (ValueError, struct.error, IndexError) as e:
                print(f"patch_glibcxx: {path}: {e}", file=sys.stderr)
                return 1
            if not changed:
                continue
            tmp = path + ".patching"
            with open(tmp, "wb") as f:
                f.write(patched)
            os.chmod(tmp, os.stat(path).st_mode)
            os.replace(tmp, path)
            print(f"patch_glibcxx: marked {NEEDED.decode()} weak in {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
