#!/usr/bin/env bash
# Tests the Python client (scripts/test.sh at the repository root calls this):
#   1. the committed stubs under src/augment_client/v1 are current with protos/ (regenerate and diff),
#   2. builds the service once (Release),
#   3. makes a throw-away venv with --system-site-packages (Debian's grpcio, protobuf, numpy, torch, pytest),
#   4. pip installs the package offline (--no-index --no-build-isolation, Debian's setuptools),
#   5. runs pytest against the real service and exits with pytest's code.
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
repo=$(cd "$here/../.." && pwd)
python=${PYTHON:-/usr/bin/python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== checking generated stubs are current"
bash "$here/scripts/gen_protos.sh" "$work/v1" || exit 1
if ! diff -r "$here/src/augment_client/v1" "$work/v1" --exclude=__pycache__; then
  echo "error: clients/python/src/augment_client/v1 is stale: run clients/python/scripts/gen_protos.sh and commit" >&2
  exit 1
fi

echo "== building the service (Release)"
if ! dotnet build "$repo/src/Augment.Service" -c Release -nologo -v quiet 2>&1 | tail -n 3; then
  echo "error: service build failed" >&2
  exit 1
fi
dll="$repo/src/Augment.Service/bin/Release/net10.0/Augment.Service.dll"
[ -f "$dll" ] || { echo "error: $dll missing after build" >&2; exit 1; }

echo "== installing augment-client into a venv"
"$python" -m venv --system-site-packages "$work/venv" || exit 1
# Build in a copy so that no build/ or *.egg-info folder lands in the source tree.
cp -r "$here" "$work/src"
rm -rf "$work/src/build" "$work/src"/src/*.egg-info
if ! "$work/venv/bin/python" -m pip install --quiet --no-index --no-build-isolation "$work/src"; then
  echo "error: pip install failed" >&2
  exit 1
fi

echo "== pytest"
cd "$work"   # not the source folder: the tests import the installed package
export AUGMENT_SERVICE_DLL="$dll" OMP_WAIT_POLICY=PASSIVE PYTHONDONTWRITEBYTECODE=1
timeout --signal=INT --kill-after=30 900 "$work/venv/bin/python" -m pytest "$here/tests" -p no:cacheprovider "$@"
