#!/usr/bin/env bash
# Measures what a connected page costs a run: auctions/s of one scenario played by `bidarena run` (no
# dashboard), from the dashboard with no page open, with headless Chromium showing the page, and with no
# page again (so the page's run is bracketed by two page-less runs of the same warm server JVM). Each
# figure is the simulated play time (engine up to last tick). Not a test: a measurement.
#   usage: dashboard/measure-feed-cost.sh [REPEATS] [--set KEY=VALUE ...]   (after mvn -o -q package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
REPEATS=${1:-3}; shift || true
SETS=("$@")
JAR=app/target/bidarena.jar
WORK=$(mktemp -d /tmp/bidarena-feed-cost.XXXX)
PORT=${PORT:-18181}
BASE=http://127.0.0.1:$PORT
query_sets() { local q=""; local s; for s in "${SETS[@]}"; do [[ $s == --set ]] && continue; q+="&set=$s"; done; echo "$q"; }

java -jar "$JAR" serve --port "$PORT" --runs "$WORK/runs" > "$WORK/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; [[ -n ${PAGE:-} ]] && kill $PAGE 2>/dev/null || true' EXIT
until curl -sf "$BASE/api/scenarios" > /dev/null; do sleep 0.5; done

dashboard_run() { # name -> "auctions seconds"
  curl -sf -X POST "$BASE/api/runs?seed=42&name=$1$(query_sets)" > /dev/null
  local frame
  while :; do
    frame=$(curl -sf "$BASE/api/frame")
    if [[ $frame == *"\"run\": \"$1\""* && $frame == *'"state": "finished"'* ]]; then break; fi
    sleep 0.5
  done
  python3 -c 'import json,sys; f=json.loads(sys.argv[1]); print(f["panels"]["ticks"]["auctions"], f["playSeconds"])' "$frame"
}

printf "%-28s %10s %10s %12s\n" mode auctions seconds auctions/s
for i in $(seq 1 "$REPEATS"); do
  out=$(java -jar "$JAR" run --seed 42 --out "$WORK/cli$i" "${SETS[@]}")
  secs=$(sed -n 's/^Simulated [0-9]* ticks in \([0-9.]*\) s$/\1/p' <<< "$out")
  auctions=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["auctions"])' "$WORK/cli$i/summary.json")
  printf "%-28s %10s %10s %12.0f\n" "run (no dashboard)" "$auctions" "$secs" "$(echo "$auctions / $secs" | bc -l)"
  read -r auctions secs <<< "$(dashboard_run nopage$i)"
  printf "%-28s %10s %10s %12.0f\n" "serve, no page" "$auctions" "$secs" "$(echo "$auctions / $secs" | bc -l)"
  chromium --headless --no-sandbox --disable-gpu --user-data-dir="$WORK/profile$i" "$BASE/" > /dev/null 2>&1 &
  PAGE=$!
  until [[ $(curl -sf "$BASE/api/clients") -ge 1 ]]; do sleep 0.2; done
  read -r auctions secs <<< "$(dashboard_run page$i)"
  printf "%-28s %10s %10s %12.0f\n" "serve, page connected" "$auctions" "$secs" "$(echo "$auctions / $secs" | bc -l)"
  kill $PAGE; wait $PAGE 2>/dev/null || true; PAGE=
  # No page again: the page's run sits between two page-less ones, so a JVM still warming up favours neither.
  read -r auctions secs <<< "$(dashboard_run nopage${i}b)"
  printf "%-28s %10s %10s %12.0f\n" "serve, no page (again)" "$auctions" "$secs" "$(echo "$auctions / $secs" | bc -l)"
done
