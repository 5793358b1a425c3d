#!/usr/bin/env bash
# Reproduces BENCHMARKS.md's "PRNG on the AVX-512 build machine" rows (helper "prngperf"): bits, uniform and
# normal of 10M under jit (PrngProbe: best wall time and process CPU time per call) on 2 threads and on 1,
# then JAX 0.10.2, in one session. Usage: tools/bench/prngperf.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java --add-modules jdk.incubator.vector"
CP="$ROOT/core/target/classes:$ROOT/core/target/test-classes"
(cd "$ROOT" && mvn -o -q -pl core test-compile 2>&1 | grep -v WARNING || true)
uptime
for run in 1 2; do $JAVA -cp "$CP" dev.jaxvm.random.PrngProbe 2>&1 | grep PROBE; done
$JAVA -cp "$CP" -Djaxvm.threads=1 dev.jaxvm.random.PrngProbe 2>&1 | sed 's/PROBE/PROBE 1 thread:/' | grep PROBE
uptime
[ -x /work/venv-jax/bin/python ] && /work/venv-jax/bin/python "$ROOT/tools/bench_prng_jax.py"
uptime
