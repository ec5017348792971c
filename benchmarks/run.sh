#!/usr/bin/env bash
# Builds the benchmarks, runs all parts (payload, end to end, verification store check, processor) and prints
# one table of payload, end to end and processor; the store check's figures are in the JMH log and JSON.
#
#   benchmarks/run.sh [results-dir]          (default: benchmarks/results/latest)
#
# Environment:
#   USE_INSTALLED=1      build only the benchmarks module, against the waotp modules installed in ~/.m2
#                        (default: build the modules it needs from this checkout too, with -am)
#   RUNTIME_JAR=<jar>    measure another build of waotp-runtime: its classes replace the runtime's in the
#                        benchmarks' jar (how the "before" column of docs/BENCHMARKS.md was taken)
#   BEFORE=<results-dir> show that earlier run's figures beside, as "before"
#   JMH_ARGS=...         JMH run lengths (default: one fork, 2 x 2 s warm-up, 5 x 2 s measured)
# The whole run takes about 13 minutes on 2 cores.
set -euo pipefail
runtime_jar=${RUNTIME_JAR:+$(realpath "$RUNTIME_JAR")}
cd "$(dirname "$0")/.."
root=$(pwd)

out=${1:-benchmarks/results/latest}
if [[ -n "${USE_INSTALLED:-}" ]]; then
  mvn -B -q -Pbenchmarks -pl benchmarks package
else
  mvn -B -q -Pbenchmarks -pl benchmarks -am package -DskipTests
fi
jar=benchmarks/target/benchmarks.jar

if [[ -n "$runtime_jar" ]]; then
  cp "$jar" benchmarks/target/benchmarks-other-runtime.jar
  jar=benchmarks/target/benchmarks-other-runtime.jar
  classes=$(mktemp -d)
  (cd "$classes" && unzip -q "$runtime_jar" 'dev/waotp/*.class' && zip -q "$root/$jar" dev/waotp/*.class)
  rm -rf "$classes"
fi

mkdir -p "$out"
echo "JMH (full output in $out/jmh.log)..."
# shellcheck disable=SC2086
java -jar "$jar" ${JMH_ARGS:--f 1 -wi 2 -w 2s -i 5 -r 2s} -prof gc -rf json -rff "$out/jmh.json" \
  | tee "$out/jmh.log" | grep --line-buffered '^# Benchmark:'
echo "Processor cost..."
java -cp "$jar" dev.waotp.bench.ProcessorCost "$out/processor.json"
echo
java -cp "$jar" dev.waotp.bench.Report "$out" ${BEFORE:+"$BEFORE"} | tee "$out/report.md"
