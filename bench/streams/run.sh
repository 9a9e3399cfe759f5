#!/usr/bin/env bash
# SMOTE-balanced tabular epochs streamed by the service vs imbalanced-learn in Python (see tabular_stream_bench.py).
# Usage: bash bench/streams/run.sh [ROUNDS] [ROWS]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build src/Augment.Service -c Release -nologo -v quiet >/dev/null
/usr/bin/python3 bench/streams/tabular_stream_bench.py src/Augment.Service/bin/Release/net10.0/Augment.Service.dll "${1:-5}" "${2:-20000}"
