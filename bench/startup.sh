#!/usr/bin/env bash
# Measures the runnable bundle: time from launch to the first served home page, resident memory
# after start and after a burst of reads, and sequential read latency. Prints figures; asserts
# nothing. Usage: bench/startup.sh [java options…]   (e.g. bench/startup.sh -Xmx256m -XX:+UseSerialGC)
# Build first: ./mvnw -q package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
jar=web-app/target/aasr.jar
[ -f "$jar" ] || { echo "build first: ./mvnw -q package -DskipTests" >&2; exit 1; }

work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
requests=${REQUESTS:-300}
trap 'kill -9 $pid 2>/dev/null || true; rm -rf "$work"' EXIT

start=$(date +%s%N)
AASR_DATA_DIR="$work/data" java "$@" -jar "$jar" --port "$port" --nocluster --rootDir "$work/payara" \
  >"$work/server.log" 2>&1 &
pid=$!
until curl -fs "http://127.0.0.1:$port/" | grep -q "Latest stories"; do
  kill -0 $pid 2>/dev/null || { tail -40 "$work/server.log"; exit 1; }
  sleep 0.2
done
ready=$(( ($(date +%s%N) - start) / 1000000 ))
rss() { awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status"; }
rss_start=$(rss)

paths=(/ /stories /stories/my-aasr-story-chantelle-hyde /mission /feed.xml)
t0=$(date +%s%N)
for ((i = 0; i < requests; i++)); do
  curl -fs -o /dev/null "http://127.0.0.1:$port${paths[i % ${#paths[@]}]}"
done
elapsed_ms=$(( ($(date +%s%N) - t0) / 1000000 ))

echo "java options:            ${*:-(none)}"
echo "first page served after: ${ready} ms"
echo "RSS after start:         ${rss_start} MB"
echo "RSS after $requests reads:    $(rss) MB"
echo "sequential reads:        $requests in ${elapsed_ms} ms ($(( elapsed_ms * 1000 / requests )) µs each, curl included)"
