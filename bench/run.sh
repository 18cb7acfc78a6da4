#!/usr/bin/env bash
# The site's performance benchmark (issue 11). Builds, starts aasr.jar with the run command of
# README.md (its JVM flags included), times the first page, measures resident memory after 10,000
# requests, then measures each public page with wrk at 16 and 256 connections and, in the same
# run, nginx serving the very same saved bytes on loopback, and writes bench/RESULTS.md.
#
#   bench/run.sh                 build, run, write bench/RESULTS.md
#   SKIP_BUILD=1 bench/run.sh    use the jar already in web-app/target
#   DURATION=5s WARMUP=3s OUT=/tmp/r.md bench/run.sh
#   RUN_COMMAND="java -Xmx512m -jar web-app/target/aasr.jar" bench/run.sh   other flags
#
# Skips (exit 0, saying why) where wrk or nginx is missing: apt-get install wrk nginx-light.
# The machine is measured as it is: other load shows in the load average that the report records,
# and it weighs on the site and on nginx alike, which is why both run in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in wrk nginx curl; do
  command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || {
    echo "bench/run.sh skipped: $tool is not installed (Debian: apt-get install wrk nginx-light curl)"
    exit 0
  }
done
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

duration=${DURATION:-10s}
# Warm-up per page before any measurement. The optimising compiler (C2) of the run command needs
# about that long under load before a page's code is compiled; until then answers are slower
# (bench/RESULTS.md).
warmup=${WARMUP:-10s}
out=${OUT:-bench/RESULTS.md}
requests_for_memory=10000
pages=(/ /stories "/stories?category=my-aasr-story" /stories/my-aasr-story-chantelle-hyde /mission /feed.xml
  /fundraisers/five-year-anniversary /donate /volunteer)

# The README's run command, so that the benchmark measures what the README tells people to run.
# (with any NAME=value settings written before `java`, which env passes on).
# RUN_COMMAND="java … -jar web-app/target/aasr.jar" measures other flags instead.
run_line=${RUN_COMMAND:-$(grep -m1 -oE '([A-Z_]+=[^ `]+ )*java [^`]*-jar web-app/target/aasr\.jar' README.md)}
read -r -a run_cmd <<<"$run_line"

if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -q package -DskipTests
fi
[ -f web-app/target/aasr.jar ] || { echo "no web-app/target/aasr.jar: build first" >&2; exit 1; }

work=$(mktemp -d)
chmod 755 "$work"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port=$(free_port)
nginx_port=$(free_port)
pid=
nginx_pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && { wait "$pid" 2>/dev/null || true; }
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
start=$(date +%s%N)
AASR_DATA_DIR="$work/data" env "${run_cmd[@]}" --port "$port" --rootDir "$work/payara" \
  >"$work/server.log" 2>&1 &
pid=$!
until curl -fs "http://127.0.0.1:$port/" 2>/dev/null | grep -q "Latest stories"; do
  kill -0 "$pid" 2>/dev/null || { tail -40 "$work/server.log"; exit 1; }
  sleep 0.1
done
first_page_ms=$(( ($(date +%s%N) - start) / 1000000 ))
rss() { awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status"; }
rss_start=$(rss)

# wrk with a request budget: each of its threads stops after its share.
cat >"$work/count.lua" <<'LUA'
local budget = tonumber(os.getenv("BUDGET"))
local paths = {}
for p in string.gmatch(os.getenv("PATHS"), "%S+") do paths[#paths + 1] = p end
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end
response = function()
  if n >= budget then wrk.thread:stop() end
end
LUA
BUDGET=$((requests_for_memory / 2)) PATHS="${pages[*]}" \
  wrk -t2 -c8 -d120s -s "$work/count.lua" "http://127.0.0.1:$port" >"$work/memory-run.txt"
memory_requests=$(awk '/requests in/ {print $1}' "$work/memory-run.txt")
rss_after=$(rss)

# Save each page's bytes (as a client without Accept-Encoding gets them) for nginx.
mkdir -p "$work/www"
i=0
for page in "${pages[@]}"; do
  curl -fs -o "$work/www/page$i" "http://127.0.0.1:$port$page"
  i=$((i + 1))
done
chmod -R a+rX "$work/www"
cat >"$work/nginx.conf" <<CONF
$( [ "$(id -u)" = 0 ] && echo "user root;" )
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx-tmp;
  proxy_temp_path $work/nginx-tmp;
  fastcgi_temp_path $work/nginx-tmp;
  uwsgi_temp_path $work/nginx-tmp;
  scgi_temp_path $work/nginx-tmp;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/www;
    default_type text/html;
  }
}
CONF
"$nginx_bin" -c "$work/nginx.conf" -g 'daemon off;' 2>>"$work/nginx-error.log" &
nginx_pid=$!
until curl -fs -o /dev/null "http://127.0.0.1:$nginx_port/page0"; do
  kill -0 "$nginx_pid" 2>/dev/null || { cat "$work/nginx-error.log"; exit 1; }
  sleep 0.1
done

# One wrk run; prints "requests/s p99(ms) errors".
measure() {
  local connections=$1 url=$2 report
  report=$(wrk -t2 -c"$connections" -d"$duration" --latency "$url")
  awk '
    /Requests\/sec/ {rps = $2}
    /^ +99%/ {v = $2; if (v ~ /us$/) ms = (v + 0) / 1000; else if (v ~ /ms$/) ms = v + 0;
              else if (v ~ /s$/) ms = (v + 0) * 1000}
    /Socket errors/ {gsub(/,/, ""); errors += $4 + $6 + $8 + $10}
    /Non-2xx/ {errors += $NF}
    END {printf "%d %.1f %d\n", rps, ms, errors}' <<<"$report"
}

# Warm the site's code paths before measuring.
for page in "${pages[@]}"; do
  wrk -t2 -c16 -d"$warmup" "http://127.0.0.1:$port$page" >/dev/null
done

rows=()
i=0
for page in "${pages[@]}"; do
  read -r s16 p16 e16 <<<"$(measure 16 "http://127.0.0.1:$port$page")"
  read -r s256 p256 e256 <<<"$(measure 256 "http://127.0.0.1:$port$page")"
  read -r n16 np16 ne16 <<<"$(measure 16 "http://127.0.0.1:$nginx_port/page$i")"
  bytes=$(stat -c %s "$work/www/page$i")
  gz=$(curl -fs -H 'Accept-Encoding: gzip' -o - "http://127.0.0.1:$port$page" | wc -c)
  ratio=$(awk -v a="$s16" -v b="$n16" 'BEGIN {printf "%.1f", b ? 100 * a / b : 0}')
  rows+=("| \`$page\` | $bytes / $gz | $s16 | $p16 | $e16 | $s256 | $p256 | $e256 | $n16 | $np16 | **$ratio %** |")
  echo "${rows[-1]}"
  i=$((i + 1))
done
rss_end=$(rss)
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

{
  echo "# Benchmark results"
  echo
  echo "Written by \`bench/run.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!bench/RESULTS.md' 2>/dev/null || echo ' with uncommitted changes')."
  echo
  echo "- Machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(awk '/MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo) RAM; $(uname -sr)"
  echo "- Java: $(java -version 2>&1 | head -1); $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2); $("$nginx_bin" -v 2>&1)"
  echo "- Load average (1, 5, 15 min) before: $load_before; after: $load_after (other work on the machine shares its cores with the site, nginx and wrk alike)"
  echo "- Run command ($([ -n "${RUN_COMMAND:-}" ] && echo "RUN_COMMAND" || echo "from README.md")): \`$run_line\` (plus \`--port\` and \`--rootDir\` in a temporary folder, and a fresh \`AASR_DATA_DIR\`)"
  echo "- wrk: 2 threads, $duration per measurement, after a $warmup warm-up per page; no \`Accept-Encoding\` (plain bodies, as nginx serves them)"
  echo
  echo "## Start and memory"
  echo
  echo "| what | figure |"
  echo "|---|---|"
  echo "| first page served after \`java -jar\` | $(awk -v ms="$first_page_ms" 'BEGIN {printf "%.1f s", ms / 1000}') |"
  echo "| resident memory after start | $rss_start MB |"
  echo "| resident memory after ${memory_requests} requests | **$rss_after MB** |"
  echo "| resident memory after the whole benchmark | $rss_end MB |"
  echo
  echo "## Pages: the site against nginx serving the same bytes"
  echo
  echo "| page | bytes plain / gzip | site req/s @16 | p99 ms @16 | errors @16 | site req/s @256 | p99 ms @256 | errors @256 | nginx req/s @16 | nginx p99 ms | site / nginx |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "Errors count wrk's socket errors (connect, read, write, timeout) and non-2xx answers."
  if [ -f bench/BASELINE.md ]; then
    echo
    cat bench/BASELINE.md
  fi
} >"$out"
echo "wrote $out"
