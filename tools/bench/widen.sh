#!/usr/bin/env bash
# Reproduces BENCHMARKS.md's "512-bit map kernels" numbers (helper "widen"): the compiled sin/cos,
# exp, tanh, log, logistic maps (SinCosProbe) and bits/uniform/normal (PrngProbe), 10M, 2 threads, at the
# preferred width (512 bits on AVX-512) and at 256 bits (-Djaxvm.vector_bits=256), alternated in one
# session. Usage: tools/bench/widen.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java --add-modules jdk.incubator.vector"
CP="$ROOT/core/target/classes:$ROOT/core/target/test-classes"
(cd "$ROOT" && mvn -o -q -pl core test-compile 2>&1 | grep -v WARNING || true)
uptime
for bits in 256 512 512 256; do
  $JAVA -cp "$CP" -Djaxvm.vector_bits=$bits -Dprobe.ops=sincos,exp,tanh,log,logistic -Dprobe.reps=20 \
    dev.jaxvm.compile.SinCosProbe 2>&1 | sed "s/PROBE/PROBE $bits-bit:/" | grep PROBE
  $JAVA -cp "$CP" -Djaxvm.vector_bits=$bits dev.jaxvm.random.PrngProbe 2>&1 | sed "s/PROBE/PROBE $bits-bit:/" | grep PROBE
done
uptime
