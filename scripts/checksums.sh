#!/usr/bin/env bash
# Writes build/packages/SHA256SUMS for every package in build/packages, in
# the format `sha256sum --check` (and docs/releasing.md) reads.
set -euo pipefail
cd "$(dirname "$0")/../build/packages"
files=()
for f in *; do
  [[ -f $f && $f != SHA256SUMS ]] && files+=("$f")
done
((${#files[@]} > 0)) || { echo "checksums: no packages in build/packages" >&2; exit 1; }
sha256sum -- "${files[@]}" >SHA256SUMS.tmp
mv SHA256SUMS.tmp SHA256SUMS
