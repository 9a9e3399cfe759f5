#!/usr/bin/env bash
# Generates the Python messages and gRPC stubs of augment.v1 into src/augment_client/v1 (or into the
# folder given as $1) with Debian's protoc and grpc_python_plugin, then rewrites the generated
# "from augment.v1 import x_pb2" imports into package-relative ones ("from . import x_pb2") and the
# module name given to the message classes into augment_client.v1.x_pb2 (so that messages pickle).
# The output is committed; scripts/test.sh regenerates into a temporary folder and diffs.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
repo=$(cd "$here/../.." && pwd)
out=${1:-$here/src/augment_client/v1}
plugin=${GRPC_PYTHON_PLUGIN:-/usr/bin/grpc_python_plugin}
protoc=${PROTOC:-/usr/bin/protoc}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$protoc" -I "$repo/protos" \
  --python_out="$tmp" --pyi_out="$tmp" \
  --grpc_out="$tmp" --plugin=protoc-gen-grpc="$plugin" \
  "$repo"/protos/augment/v1/*.proto

mkdir -p "$out"
rm -f "$out"/*_pb2.py "$out"/*_pb2.pyi "$out"/*_pb2_grpc.py
for f in "$tmp"/augment/v1/*; do
  name=$(basename "$f")
  sed -E -e 's/^from augment\.v1 import /from . import /' \
         -e "s/'augment\.v1\.([a-z_]+_pb2)'/'augment_client.v1.\1'/" "$f" > "$out/$name"
done
cat > "$out/__init__.py" <<'PY'
"""Generated protobuf messages and gRPC stubs of the augment.v1 protocol (see scripts/gen_protos.sh).

Do not edit: regenerate with ``clients/python/scripts/gen_protos.sh`` after changing ``protos/``.
"""
PY
