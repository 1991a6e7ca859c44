#!/usr/bin/env bash
# Suggestions, care cases and proposals through the engine on the embedded MariaDB (see docs/benchmarks.md).
# Builds through the reactor (no install), then runs org.unionbot.bench.FeedbackBench.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl bench -am -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
java -Xmx1g -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.unionbot.bench.FeedbackBench "$@"
