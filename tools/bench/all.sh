#!/usr/bin/env bash
# Runs every benchmark of BENCHMARKS.md with its peers, in one session, into a log:
#   tools/bench/all.sh [LOG]        (default: bench-all-<date>.log in the current folder)
# Each block runs jaxvm and its peers (hand-written C, NumPy/OpenBLAS, JAX 0.10.2 when /work/venv-jax or
# $JAX_PYTHON exists) back to back, with `uptime` before and after: check the load is ~0 before trusting it.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
PY="${JAX_PYTHON:-/work/venv-jax/bin/python}"; [ -x "$PY" ] || PY=python3
LOG="${1:-bench-all-$(date -u +%Y%m%dT%H%M).log}"
JMH=(-f 1 -wi 3 -i 5 -w 1s -r 1s)
block() { echo; echo "=== $1 ($(date -u +%H:%M:%S), $(uptime | sed 's/.*load/load/'))"; }
{
  lscpu | grep -E 'Model name|^CPU\(s\)|Flags' | sed 's/Flags:.*\(avx512f\).*/Flags: ... avx512f .../'
  "$JAVA_HOME/bin/java" -version 2>&1 | head -1
  block "compiler: sin+2cos, sum, softmax, matmul, eager add, jitted call (JMH) + NumPy/JAX"
  "$ROOT/bench/run.sh" 'CompilerBench' "${JMH[@]}" 2>&1 | grep -E '^(Benchmark|CompilerBench)'
  "$PY" "$ROOT/tools/bench_peers.py"
  block "sin+2cos, transcendentals, PRNG (C peer, probes, JAX)"
  "$ROOT/tools/bench/vecmath.sh"
  block "autodiff: grad / forward (JMH) + JAX"
  "$ROOT/bench/run.sh" 'GradBench' "${JMH[@]}" 2>&1 | grep -E '^(Benchmark|GradBench)'
  "$PY" "$ROOT/tools/bench_grad_jax.py"
  block "convolution (C peer, JMH, JAX)"
  "$ROOT/tools/bench/conv_c.sh"
  "$ROOT/bench/run.sh" 'ConvBench' "${JMH[@]}" 2>&1 | grep -E '^(Benchmark|ConvBench)'
  "$PY" "$ROOT/tools/bench/conv_jax.py"
  block "done"
} 2>&1 | tee "$LOG"
