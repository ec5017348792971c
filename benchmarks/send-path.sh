#!/usr/bin/env bash
# The send path only (issue 20): PayloadBenchmark with -prof gc, and SendBenchmark's one-thread cases in
# both modes, in one JMH run; then the same three sends measured in turns (SendPairs), whose ratios are
# taken between blocks a fraction of a second apart. Records what else the machine was doing before and after.
#
#   benchmarks/send-path.sh <results-dir>      (after: mvn -B -Pbenchmarks -pl benchmarks -am package -DskipTests)
#
# JMH_ARGS overrides the JMH run lengths (default: 3 forks, 8 x 2 s warm-up, 5 x 2 s measured), PAIRS_ARGS
# SendPairs' rounds, sends per block and warm-up seconds (default 60 1000 40). The JMH warm-up is long
# because on two cores C2 was still compiling after 5 x 2 s (-prof comp: 234 ms of compilation in the first
# measured iteration of the generated sender); -prof comp stays on so each run shows it has stopped.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?results directory}
mkdir -p "$out"

machine() {
  echo "== $1: $(date -u +%FT%TZ)"
  uptime
  nproc
  # Every process using more than 2% of a core over one second (top's second frame; ps would give the
  # average over each process's life), so the run says what it shared the machine with.
  top -b -n 2 -d 1 -w 200 | awk '/^top -/ { frame++ } frame == 2 && (/ PID / || ($1 ~ /^[0-9]+$/ && $9 + 0 > 2))'
}

machine before > "$out/machine.txt"
java -version 2>> "$out/machine.txt"
# shellcheck disable=SC2086
java -jar benchmarks/target/benchmarks.jar 'PayloadBenchmark|SendBenchmark\..*_1$' \
  ${JMH_ARGS:--f 3 -wi 8 -w 2s -i 5 -r 2s} -prof gc -prof comp -rf json -rff "$out/send-path.json" | tee "$out/send-path.log"
# shellcheck disable=SC2086
java -cp benchmarks/target/benchmarks.jar dev.waotp.bench.SendPairs ${PAIRS_ARGS:-60 1000 40} | tee "$out/send-pairs.txt"
machine after >> "$out/machine.txt"
