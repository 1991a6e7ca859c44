#!/usr/bin/env bash
# The WxJava peer of ../shared/design/performance.md, measured with our load client, in one command:
#   bench/run-wx-peer.sh [seconds-per-phase=15] [clients=32]
# 1. puts binarywang/weixin-java-mp-demo (pinned commit) in $PEER_DIR (default /work/peer-wxdemo), OUTSIDE
#    this repository — its code is never committed here;
# 2. configures it with the bench account (same app id, token and EncodingAESKey as WechatCallbackThroughput)
#    and builds it with Maven Central dependencies;
# 3. starts it on $PEER_PORT (default 18081), drives POST /wx/portal/{appid} with WxPeerThroughput (the same
#    OaCallbacks requests and LoadClient as our benchmark), and stops it.
# Run it right after WechatCallbackThroughput on the same quiet machine to put both in one report.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PEER_DIR=${PEER_DIR:-/work/peer-wxdemo}
PEER_PORT=${PEER_PORT:-18081}
PEER_COMMIT=3c4265e5c120710e89dd18cc00ecc8093ade9974   # "升级sdk版本为4.7.0": Spring Boot 2.6.7, WxJava 4.7.0
PEER_REPO=https://github.com/binarywang/weixin-java-mp-demo.git
MIRROR=/work/.mirror/binarywang+weixin-java-mp-demo/repo
SECONDS_PER_PHASE=${1:-15}
CLIENTS=${2:-32}
APP_ID=wxbench0000000001

if [ ! -f "$PEER_DIR/pom.xml" ]; then
  mkdir -p "$PEER_DIR"
  if [ -d "$MIRROR" ]; then
    git --git-dir="$MIRROR" archive "$PEER_COMMIT" | tar -x -C "$PEER_DIR"
  else
    git clone -q "$PEER_REPO" "$PEER_DIR.git-tmp"
    git -C "$PEER_DIR.git-tmp" archive "$PEER_COMMIT" | tar -x -C "$PEER_DIR"
    rm -rf "$PEER_DIR.git-tmp"
  fi
fi

# One account, the bench's; logging as quiet as ours (the template logs every message at DEBUG).
cat > "$PEER_DIR/src/main/resources/application.yml" <<YML
server:
  tomcat:
    threads:
      max: 64
logging:
  level:
    root: WARN
wx:
  mp:
    useRedis: false
    configs:
      - appId: $APP_ID
        secret: bench-secret
        token: benchToken
        aesKey: abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG
YML

# Lombok 1.18.22 (Boot 2.6.7's) does not run on newer JDKs; 1.18.34 does and generates the same code.
"$ROOT/mvnw" -B -q -f "$PEER_DIR/pom.xml" -DskipTests -Dlombok.version=1.18.34 package
JAR=$(ls "$PEER_DIR"/target/weixin-java-mp-demo-*.jar | grep -v original | head -1)

# Our side of the client: the bench module's classes and class path.
if [ ! -f "$ROOT/bench/target/classpath.txt" ] || [ ! -f "$ROOT/bench/target/classes/org/unionbot/bench/WxPeerThroughput.class" ]; then
  (cd "$ROOT" && ./mvnw -B -q -pl bench -am -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt)
fi

java -jar "$JAR" --server.port="$PEER_PORT" > "$PEER_DIR/peer.log" 2>&1 &
PEER_PID=$!
trap 'kill "$PEER_PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  if curl -s -o /dev/null "http://127.0.0.1:$PEER_PORT/wx/portal/$APP_ID?signature=x&timestamp=1&nonce=1&echostr=up"; then
    break
  fi
  if ! kill -0 "$PEER_PID" 2>/dev/null; then
    echo "the peer did not start; see $PEER_DIR/peer.log" >&2
    exit 1
  fi
  sleep 1
done

cd "$ROOT"
java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.unionbot.bench.WxPeerThroughput \
  "http://127.0.0.1:$PEER_PORT/wx/portal/$APP_ID" "$SECONDS_PER_PHASE" "$CLIENTS"
