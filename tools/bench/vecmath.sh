#!/usr/bin/env bash
# Reproduces BENCHMARKS.md's sin/cos row and PRNG table (helper "vecmath"): the C peer, jaxvm's compiled
# sin(x) + 2cos(y) and transcendentals (SinCosProbe), bits/uniform/normal under jit (PrngProbe; fused
# threefry, then the former library-kernel plan), and JAX 0.10.2, in one session. Usage: tools/bench/vecmath.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java --add-modules jdk.incubator.vector"
CP="$ROOT/core/target/classes:$ROOT/core/target/test-classes"
"$ROOT/tools/bench/build.sh"
(cd "$ROOT" && mvn -o -q -pl core test-compile 2>&1 | grep -v WARNING || true)
uptime
"$ROOT/tools/bench/build/sincos" 2; "$ROOT/tools/bench/build/sincos" 1
$JAVA -cp "$CP" -Dprobe.ops=sincos,exp,tanh,log,logistic dev.jaxvm.compile.SinCosProbe 2>&1 | grep PROBE
$JAVA -cp "$CP" -Djaxvm.threads=1 dev.jaxvm.compile.SinCosProbe 2>&1 | grep PROBE
"$ROOT/tools/bench/build/sincos" 2; "$ROOT/tools/bench/build/sincos" 1
uptime
$JAVA -cp "$CP" dev.jaxvm.random.PrngProbe 2>&1 | grep PROBE
$JAVA -cp "$CP" -Djaxvm.threefry_library=true dev.jaxvm.random.PrngProbe 2>&1 | sed 's/PROBE/PROBE library-kernel plan:/' | grep PROBE
[ -x /work/venv-jax/bin/python ] && /work/venv-jax/bin/python "$ROOT/tools/bench_prng_jax.py"
uptime
