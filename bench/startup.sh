#!/usr/bin/env bash
# Start-up of the embedded default to ready, and the heap it needs: runs the executable jar with
# -Xmx256m twice on a fresh data directory (first start: database install + demo load; second start:
# existing data), measuring the time until /actuator/health is UP, then chats 2,000 times and reports
# the heap after a full GC (jcmd GC.heap_info).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=config/target/unionbot-exec.jar
[[ -f $jar ]] || ./mvnw -B -q -DskipTests package
data=$(mktemp -d)
port=18181
trap 'kill $pid 2>/dev/null || true; rm -rf "$data"' EXIT

start_once() {
  local t0 t1
  t0=$(date +%s.%N)
  java -Xmx256m -jar "$jar" --server.port=$port --unionbot.data-dir="$data" > "$data/app-$1.log" 2>&1 &
  pid=$!
  until curl -fsS "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    kill -0 $pid 2>/dev/null || { echo "app died"; tail -50 "$data/app-$1.log"; exit 1; }
    sleep 0.1
  done
  t1=$(date +%s.%N)
  printf '%s start to ready: %.1f s\n' "$1" "$(echo "$t1 - $t0" | bc)"
}

start_once first
kill $pid; wait $pid 2>/dev/null || true
start_once second
for i in $(seq 1 2000); do
  u=$(printf 't%03d' $(( i % 199 + 1 )))
  curl -fsS -o /dev/null -H 'Content-Type: application/json' -d "{\"user\":\"$u\",\"text\":\"我是谁\"}" "http://127.0.0.1:$port/api/chat"
done
echo "2000 chats answered under -Xmx256m"
jcmd $pid GC.run > /dev/null
jcmd $pid GC.heap_info | head -5
kill $pid; wait $pid 2>/dev/null || true
