#!/usr/bin/env bash
# /api/chat throughput and latency next to a bare Spring MVC endpoint in the same JVM (see docs/benchmarks.md).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests install
./mvnw -B -q -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
java -Xmx1g -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.unionbot.bench.ChatThroughput "$@"
