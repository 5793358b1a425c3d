#!/usr/bin/env bash
# Builds and runs the JMH benchmarks of the compiler; arguments go to JMH, e.g.
#   bench/run.sh                      all benchmarks
#   bench/run.sh sum10M -wi 3 -i 5    one benchmark, fewer iterations
#   JAXVM_THREADS=1 bench/run.sh      on one thread (-Djaxvm.threads)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
mvn -q -B -f "$ROOT/pom.xml" -pl core,bench -DskipTests package 2>&1 | grep -v '^WARNING' || true
CP="$ROOT/bench/target/classes:$(cat "$ROOT/bench/target/bench-path.txt")"
THREADS=()
[ -n "${JAXVM_THREADS:-}" ] && THREADS=(-jvmArgsAppend "-Djaxvm.threads=$JAXVM_THREADS")
exec "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -cp "$CP" org.openjdk.jmh.Main "${THREADS[@]}" "$@"
