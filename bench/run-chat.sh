#!/usr/bin/env bash
# /api/chat throughput and latency next to a bare Spring MVC endpoint in the same JVM and the same run
# (issue 2's benchmark). The server runs on its embedded default with the demo school; wrk (Debian
# package, installed if missing) drives 32 connections; rounds alternate bare, chat, bare, chat after a
# warm-up of each, so drift on a noisy machine hits both alike.
# Usage: bench/run-chat.sh [seconds per round, default 15] [connections, default 32] [warm-up seconds, default 60]
# The chat path is large (Tomcat, Spring MVC, Jackson, the engine, Connector/J): C2 keeps compiling it for
# about a minute of load on 2 cores, and a round measured before that mostly measures the compiler.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-15}
connections=${2:-32}
warmup=${3:-60}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
# built in the reactor (never installed into ~/.m2, where stale copies would shadow a later build)
./mvnw -B -q -pl bench -am -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
data=$(mktemp -d)
port=18090
java -Xmx512m -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.unionbot.bench.BenchServer \
  --server.port=$port --unionbot.data-dir="$data" --logging.level.root=WARN > "$data/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT
until curl -fsS "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q UP; do
  kill -0 $pid 2>/dev/null || { tail -50 "$data/server.log"; exit 1; }
  sleep 0.5
done
curl -fsS -H 'Content-Type: application/json' -d '{"user":"t001","text":"我是谁"}' "http://127.0.0.1:$port/api/chat" | grep -q 'T001'

run() { # name path seconds
  wrk -t2 -c"$connections" -d"$3"s -s bench/wrk/chat.lua "http://127.0.0.1:$port$2" | grep RESULT | sed "s/RESULT/$1/"
}
run warm-bare /bench/bare 20 > /dev/null
run warm-chat /api/chat "$warmup" > /dev/null
results=$( { run bare /bench/bare "$seconds"; run chat /api/chat "$seconds"; run bare /bench/bare "$seconds"; run chat /api/chat "$seconds"; } )
echo "## /api/chat vs bare endpoint — $(date -u +%FT%TZ), $(nproc) cores, $connections connections, ${seconds} s rounds"
echo "| round | requests | errors | req/s | p50 ms | p99 ms |"
echo "|---|---|---|---|---|---|"
echo "$results" | sed -E 's/^([a-z]+) requests=([0-9]+) errors=([0-9]+) rps=([0-9]+) p50=([0-9.]+) p99=([0-9.]+)/| \1 | \2 | \3 | \4 | \5 | \6 |/'
echo "$results" | awk '{split($4,a,"="); if ($1=="bare") b+=a[2]; else c+=a[2]} END {printf "\nchat/bare throughput ratio: %.2f (target >= 0.5)\n", c/b}'
