#!/usr/bin/env bash
# Builds the C peer of the convolution benchmarks (tools/bench/conv_c.c) into /tmp and runs it on 1 and
# 2 threads: float32 1x1498x2078x4, 3x3 sharpen and 7x7 box blur, zero padding. The binary is not committed.
set -euo pipefail
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BIN="${TMPDIR:-/tmp}/jaxvm_conv_c"
gcc -O3 -march=native -mno-avx512f -fopenmp -o "$BIN" "$DIR/conv_c.c" -lm
for t in 1 2; do OMP_PROC_BIND=false "$BIN" "$t" "$@"; done
