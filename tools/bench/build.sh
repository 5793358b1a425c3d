#!/usr/bin/env bash
# Builds the C peers of the compiler benchmarks into tools/bench/build/ (not committed), e.g.
#   tools/bench/build.sh && tools/bench/build/sincos 2 && tools/bench/build/sincos 1
set -euo pipefail
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mkdir -p "$DIR/build"
gcc -O3 -march=native -ffast-math -fopenmp "$DIR/sincos.c" -o "$DIR/build/sincos" -lm
# the loop must call glibc's 8-lane AVX2 routines (libmvec), not sinf/cosf per element
objdump -d "$DIR/build/sincos" > "$DIR/build/sincos.dis"
grep -q "_ZGVdN8v_sinf" "$DIR/build/sincos.dis" || { echo "sincos: libmvec not used" >&2; exit 1; }
