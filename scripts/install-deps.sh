#!/usr/bin/env bash
# Debian packages the tests and benchmarks use: the Python client's dependencies, real data
# sets (Fashion-MNIST, WordNet 3.0), libjpeg-turbo and the Python reference libraries.
set -euo pipefail
pkgs=(
  python3-grpcio python3-protobuf protobuf-compiler protobuf-compiler-grpc python3-numpy
  python3-pytest python3-venv python3-pip bc
  dataset-fashion-mnist wordnet-base
  libturbojpeg0
  python3-imblearn python3-sklearn
  python3-setuptools python3-wheel python3-torch python3-hypothesis
  python3-nltk python3-yaml
)
missing=()
for p in "${pkgs[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ "${#missing[@]}" -gt 0 ]; then
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
