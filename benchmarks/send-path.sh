#!/usr/bin/env bash
# The send path only (issue 20): PayloadBenchmark with -prof gc, and SendBenchmark's one-thread cases in
# both modes, in one JMH run of a few minutes. Records what else the machine was doing before and after.
#
#   benchmarks/send-path.sh <results-dir>      (after: mvn -B -Pbenchmarks -pl benchmarks -am package -DskipTests)
#
# JMH_ARGS overrides the run lengths (default: 2 forks, 3 x 2 s warm-up, 5 x 2 s measured).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?results directory}
mkdir -p "$out"

machine() {
  echo "== $1: $(date -u +%FT%TZ)"
  uptime
  nproc
  # Every process then using more than 2% of a core, so the run says what it shared the machine with.
  ps -eo pid,pcpu,etime,args --sort=-pcpu | awk 'NR == 1 || $2 > 2' | cut -c1-200
}

machine before > "$out/machine.txt"
java -version 2>> "$out/machine.txt"
# shellcheck disable=SC2086
java -jar benchmarks/target/benchmarks.jar 'PayloadBenchmark|SendBenchmark\..*_1$' \
  ${JMH_ARGS:--f 2 -wi 3 -w 2s -i 5 -r 2s} -prof gc -rf json -rff "$out/send-path.json" | tee "$out/send-path.log"
machine after >> "$out/machine.txt"
