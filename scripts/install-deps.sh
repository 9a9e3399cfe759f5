#!/usr/bin/env bash
# Debian packages the tests and benchmarks use: the Python client's dependencies, real data
# sets (Fashion-MNIST, WordNet 3.0) and the Python reference libraries.
set -euo pipefail
pkgs=(python3-grpcio python3-protobuf protobuf-compiler protobuf-compiler-grpc python3-numpy
<<<<<<< HEAD
      python3-pytest python3-venv python3-pip dataset-fashion-mnist wordnet-base bc libturbojpeg0)
=======
      python3-pytest python3-venv python3-pip dataset-fashion-mnist wordnet-base bc
      python3-imblearn python3-sklearn)
>>>>>>> tabular
missing=()
for p in "${pkgs[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ "${#missing[@]}" -gt 0 ]; then
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
