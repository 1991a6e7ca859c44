#!/usr/bin/env bash
# Knowledge answer latency with 1,000 entries and the reload time (see docs/benchmarks.md).
# Builds through the reactor (bench and the modules it needs) without installing anything in ~/.m2.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl bench -am -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile="$PWD/bench/target/classpath.txt" -Dmdep.includeScope=runtime
java -Xmx512m -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.unionbot.bench.KnowledgeLatency "$@"
