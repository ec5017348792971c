#!/usr/bin/env bash
# Logins under load (issue 25): two instances of the verifier (two JVMs) on one redis-server, at 16, 32, 64 and
# 128 concurrent users, with and without the application-wide limit, in one run (LoginLoad). Prints the table and
# records what else the machine was doing before and after. Not part of the test command.
#
#   benchmarks/login-load.sh <results-dir>      (after: mvn -B -Pbenchmarks -pl benchmarks -am package -DskipTests)
#
# LOAD_ARGS overrides the seconds measured per row and the seconds of warm-up before each (default: 10 3).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?results directory}
mkdir -p "$out"

machine() {
  echo "== $1: $(date -u +%FT%TZ)"
  uptime
  nproc
  # Every process using more than 2% of a core over one second (top's second frame), so the run says what it
  # shared the machine with.
  top -b -n 2 -d 1 -w 200 | awk '/^top -/ { frame++ } frame == 2 && (/ PID / || ($1 ~ /^[0-9]+$/ && $9 + 0 > 2))'
}

machine before > "$out/machine.txt"
java -version 2>> "$out/machine.txt"
# shellcheck disable=SC2086
java -cp benchmarks/target/benchmarks.jar dev.waotp.bench.LoginLoad ${LOAD_ARGS:-10 3} | tee "$out/login-load.txt"
machine after >> "$out/machine.txt"
