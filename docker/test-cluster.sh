#!/usr/bin/env bash
# Builds the BidArena image and runs docker/docker-compose.yml (PostgreSQL and three nodes) on a small
# scenario; checks that the cluster ends with the digest of a one-node run of the same scenario and seed,
# that /status answers from every container while it runs, and that a 'docker kill' of a node that is not
# the Driver's, mid-run, still ends with that digest.
#
# Run from a checkout after 'mvn -B package' (it needs app/target/bidarena.jar and app/target/lib):
#   bash docker/test-cluster.sh
# On a Debian machine without a container engine it must run as root: it installs docker.io,
# docker-compose and debootstrap with apt-get, starts dockerd in the background (data in
# $BIDARENA_DOCKER_CACHE, default ~/.cache/bidarena-docker, so that base images survive between runs) and
# stops it at the end, restoring the iptables rules, the FORWARD policy and the sysctls Docker changes.
# No registry is needed: the Debian base image comes from debootstrap, the JRE and PostgreSQL images are
# built on it with Debian's packages. A Docker engine that already runs is used as it is, and left running.
#
# Exit codes: 0 passed; 1 failed; 3 skipped, because no container engine can be had here (the reason is
# printed): no root to install or start one, apt-get failed, or dockerd would not start.
set -euo pipefail
cd "$(dirname "$0")/.."

SCENARIO_FILE=docker-test.conf   # in scenarios/, mounted into every node at /scenarios
KILL_AFTER_TICK=40               # the scenario has 192 ticks and a checkpoint every 24
PROJECT=bidarena-test            # the compose project: its containers, network and volume
CACHE=${BIDARENA_DOCKER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/bidarena-docker}
DEBIAN_IMAGE=bidarena-local/debian:bookworm
JRE_IMAGE=bidarena-local/jre:17
POSTGRES_IMAGE=bidarena-local/postgres:15
IMAGE=bidarena:local             # docker-compose.yml's image name for the nodes
WORK=$(mktemp -d /tmp/bidarena-docker-test.XXXXXX)
START=$(date +%s.%N)

log() { printf '[test-cluster %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
die() { log "FAILED: $*" >&2; exit 1; }
skip() { log "SKIPPED: no container engine can be had here: $*" >&2; exit 3; }
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f s", b - a }'; }

DOCKERD_PID="" EXEC_ROOT="" NET_SAVED="" COMPOSE_STARTED="" WATCH_PID="" ROOTFS="" KEEP_WORK=""
TIMINGS=()
timing() { TIMINGS+=("$(printf '%-62s %s' "$1" "$2")"); log "$1: $2"; }

cleanup() {
  local rc=$?
  set +e
  trap - EXIT INT TERM
  [ -n "$WATCH_PID" ] && kill "$WATCH_PID" 2>/dev/null
  if [ -n "$COMPOSE_STARTED" ]; then
    compose logs --no-color --timestamps >"$WORK/compose-at-exit.log" 2>&1
    log "stopping the compose project $PROJECT (its logs: $WORK/compose-at-exit.log)"
    compose down -v --remove-orphans >>"$WORK/compose-down.log" 2>&1
  fi
  if [ -n "$ROOTFS" ] && [ -d "$ROOTFS" ]; then
    findmnt -rn -o TARGET | grep "^$ROOTFS/" | sort -r | xargs -r -n1 umount -l
    rm -rf --one-file-system "$ROOTFS"
  fi
  if [ -n "$DOCKERD_PID" ]; then
    log "stopping dockerd (pid $DOCKERD_PID)"
    kill -TERM "$DOCKERD_PID" 2>/dev/null
    for _ in $(seq 60); do kill -0 "$DOCKERD_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$DOCKERD_PID" 2>/dev/null
    wait "$DOCKERD_PID" 2>/dev/null
  fi
  [ -n "$NET_SAVED" ] && restore_network
  [ -n "$EXEC_ROOT" ] && rm -rf --one-file-system "$EXEC_ROOT"
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 3 ] || [ -n "$KEEP_WORK" ]; then
    log "logs kept in $WORK"
  else
    rm -rf --one-file-system "$WORK"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- the engine -------------------------------------------------------------------------------------

# The docker CLI that matches the engine: Debian's /usr/bin/docker when present (a newer client elsewhere
# on PATH would ask for BuildKit, which Debian's 20.10 has not).
docker() { "$DOCKER_BIN" "$@"; }
compose() { "${COMPOSE_CMD[@]}" -f docker/docker-compose.yml -p "$PROJECT" "$@"; }

install_packages() {
  [ "$(id -u)" -eq 0 ] || skip "$* missing, and installing needs root"
  command -v apt-get >/dev/null || skip "$* missing, and there is no apt-get"
  log "installing $* with apt-get"
  local t; t=$(now)
  { apt-get -o DPkg::Lock::Timeout=300 update -qq \
      && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq "$@"; } \
    >"$WORK/apt.log" 2>&1 || { tail -5 "$WORK/apt.log" >&2; skip "apt-get install $* failed"; }
  timing "install $*" "$(secs "$t" "$(now)")"
}

# The host's network settings that dockerd changes, to put back when it stops.
save_network() {
  iptables-save >"$WORK/iptables.before" 2>/dev/null || : >"$WORK/iptables.before"
  FORWARD_POLICY=$(iptables -S FORWARD 2>/dev/null | awk '$1 == "-P" { print $3 }')
  SYSCTLS=()
  local key
  for key in net.ipv4.ip_forward net.bridge.bridge-nf-call-iptables net.bridge.bridge-nf-call-ip6tables; do
    if sysctl -n "$key" >/dev/null 2>&1; then SYSCTLS+=("$key=$(sysctl -n "$key")"); fi
  done
  DOCKER0_EXISTED=no
  ip link show docker0 >/dev/null 2>&1 && DOCKER0_EXISTED=yes
  NET_SAVED=1
}

restore_network() {
  # iptables-restore puts back every table the host had; the tables Docker made are emptied.
  [ -s "$WORK/iptables.before" ] && iptables-restore <"$WORK/iptables.before"
  local table kv
  for table in filter nat; do
    if ! grep -q "^\*$table" "$WORK/iptables.before"; then
      iptables -t "$table" -F 2>/dev/null; iptables -t "$table" -X 2>/dev/null
    fi
  done
  iptables -P FORWARD "${FORWARD_POLICY:-ACCEPT}" 2>/dev/null
  for kv in "${SYSCTLS[@]}"; do sysctl -qw "$kv"; done
  if [ "$DOCKER0_EXISTED" = no ] && ip link show docker0 >/dev/null 2>&1; then ip link delete docker0; fi
  log "host network restored: iptables FORWARD policy $(iptables -S FORWARD 2>/dev/null | awk '$1 == "-P" { print $3 }'), ${SYSCTLS[*]:-}"
  if ! diff -q <(iptables-save 2>/dev/null | grep -v '^#' | sed 's/\[[0-9:]*\]//') \
      <(grep -v '^#' "$WORK/iptables.before" | sed 's/\[[0-9:]*\]//') >/dev/null; then
    log "note: iptables-save differs from before only by the empty tables Docker created"
  fi
}

engine() {
  DOCKER_BIN=/usr/bin/docker
  # type -P: a path only. 'command -v docker' names this script's docker() function when no binary is
  # installed, and docker() calling itself recursed until bash crashed.
  [ -x "$DOCKER_BIN" ] || DOCKER_BIN=$(type -P docker || true)
  if [ -n "$DOCKER_BIN" ] && docker info >/dev/null 2>&1; then
    log "using the Docker engine that already runs ($(docker info --format '{{.ServerVersion}}'))"
  else
    local missing=()
    command -v dockerd >/dev/null || missing+=(docker.io)
    command -v docker-compose >/dev/null || missing+=(docker-compose)
    command -v debootstrap >/dev/null || missing+=(debootstrap)
    [ ${#missing[@]} -eq 0 ] || install_packages "${missing[@]}"
    [ "$(id -u)" -eq 0 ] || skip "dockerd is not running, and starting it needs root"
    DOCKER_BIN=/usr/bin/docker
    [ -x "$DOCKER_BIN" ] || DOCKER_BIN=$(type -P docker)
    save_network
    mkdir -p "$CACHE/data"
    EXEC_ROOT=$(mktemp -d /tmp/bidarena-dockerd.XXXXXX)
    export DOCKER_HOST="unix://$EXEC_ROOT/docker.sock"
    local t; t=$(now)
    dockerd --data-root "$CACHE/data" --exec-root "$EXEC_ROOT/exec" --pidfile "$EXEC_ROOT/dockerd.pid" \
      -H "$DOCKER_HOST" >"$WORK/dockerd.log" 2>&1 9>&- &
    DOCKERD_PID=$!
    for _ in $(seq 120); do
      docker info >/dev/null 2>&1 && break
      kill -0 "$DOCKERD_PID" 2>/dev/null || { DOCKERD_PID=""; tail -5 "$WORK/dockerd.log" >&2; skip "dockerd exited"; }
      sleep 0.5
    done
    docker info >/dev/null 2>&1 || { tail -5 "$WORK/dockerd.log" >&2; skip "dockerd did not answer within 60 s"; }
    log "started dockerd (pid $DOCKERD_PID, data in $CACHE/data, log $WORK/dockerd.log)"
    timing "dockerd start" "$(secs "$t" "$(now)")"
  fi
  if command -v docker-compose >/dev/null; then
    COMPOSE_CMD=(docker-compose)
  elif docker compose version >/dev/null 2>&1; then
    COMPOSE_CMD=(docker compose)
  else
    install_packages docker-compose
    COMPOSE_CMD=(docker-compose)
  fi
}

# --- images -----------------------------------------------------------------------------------------

# Debian bookworm from the mirror apt uses here, with the host's apt sources and configuration (so that
# apt-get works in builds) and its extra CA certificates. Made once: kept in dockerd's data root.
debian_image() {
  if docker image inspect "$DEBIAN_IMAGE" >/dev/null 2>&1; then
    timing "Debian base image (debootstrap)" "cached, skipped"
    return
  fi
  command -v debootstrap >/dev/null || install_packages debootstrap
  local mirror="" t
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    mirror=$(awk '$1 == "URIs:" { print $2; exit }' /etc/apt/sources.list.d/debian.sources)
  elif [ -f /etc/apt/sources.list ]; then
    mirror=$(awk '$1 == "deb" && $2 !~ /^\[/ { print $2; exit }' /etc/apt/sources.list)
  fi
  mirror=${mirror:-http://deb.debian.org/debian}
  t=$(now)
  ROOTFS="$WORK/rootfs"
  log "debootstrap --variant=minbase bookworm from $mirror"
  debootstrap --variant=minbase bookworm "$ROOTFS" "$mirror" >"$WORK/debootstrap.log" 2>&1 \
    || { tail -5 "$WORK/debootstrap.log" >&2; die "debootstrap failed"; }
  cp /etc/apt/sources.list.d/*.sources "$ROOTFS/etc/apt/sources.list.d/" 2>/dev/null || true
  [ -f /etc/apt/sources.list ] && cp /etc/apt/sources.list "$ROOTFS/etc/apt/sources.list"
  cp -r /etc/apt/apt.conf.d/. "$ROOTFS/etc/apt/apt.conf.d/"
  mkdir -p "$ROOTFS/usr/local/share/ca-certificates"
  cp /usr/local/share/ca-certificates/*.crt "$ROOTFS/usr/local/share/ca-certificates/" 2>/dev/null || true
  tar --numeric-owner -C "$ROOTFS" -c . | docker import - "$DEBIAN_IMAGE" >/dev/null
  rm -rf --one-file-system "$ROOTFS"
  ROOTFS=""
  timing "Debian base image (debootstrap + import)" "$(secs "$t" "$(now)")"
}

build() {  # build NAME LOG docker-build-arguments...
  local name=$1 logfile=$2 t
  shift 2
  t=$(now)
  docker build "$@" >"$WORK/$logfile" 2>&1 || { tail -20 "$WORK/$logfile" >&2; die "building $name failed"; }
  timing "image build: $name" "$(secs "$t" "$(now)")"
}

images() {
  debian_image
  build "$JRE_IMAGE (openjdk-17-jre-headless)" build-jre.log -f docker/local/jre.Dockerfile \
    --build-arg BASE_IMAGE="$DEBIAN_IMAGE" -t "$JRE_IMAGE" docker/local
  build "$POSTGRES_IMAGE (postgresql)" build-postgres.log -f docker/local/postgres.Dockerfile \
    --build-arg BASE_IMAGE="$DEBIAN_IMAGE" -t "$POSTGRES_IMAGE" docker/local
  build "$IMAGE (docker/Dockerfile)" build-bidarena.log -f docker/Dockerfile \
    --build-arg BASE_IMAGE="$JRE_IMAGE" -t "$IMAGE" .
}

# --- runs -------------------------------------------------------------------------------------------

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Health ports on the host, on 127.0.0.1 only: 8558-8560 as in the README, or free ones above 18558.
pick_ports() {
  local i p=18558
  PORTS=(8558 8559 8560)
  for i in 0 1 2; do
    if ! port_free "${PORTS[$i]}"; then
      while ! port_free "$p"; do p=$((p + 1)); done
      PORTS[$i]=$p
      p=$((p + 1))
    fi
  done
  export BIDARENA_NODE1_HOST_PORT=${PORTS[0]} BIDARENA_NODE2_HOST_PORT=${PORTS[1]} BIDARENA_NODE3_HOST_PORT=${PORTS[2]}
  log "health ports on the host: 127.0.0.1:${PORTS[*]}"
}

current_tick() {  # node1's current tick, or -1
  local t
  t=$(curl -fsS -m 2 "http://127.0.0.1:${PORTS[0]}/status" 2>/dev/null \
    | sed -n 's/.*"currentTick": \(-\{0,1\}[0-9]*\).*/\1/p')
  echo "${t:--1}"
}

all_ready() {
  local p
  for p in "${PORTS[@]}"; do curl -fsS -m 2 -o /dev/null "http://127.0.0.1:$p/ready" 2>/dev/null || return 1; done
}

# In the background while a run goes on: records when all three nodes are ready, then, once the run has
# started, every node's /status. Files: $1.ready-at, $1.status-node{1,2,3}.json.
watch() {
  local prefix=$1 i deadline=$((SECONDS + 600))
  while [ $SECONDS -lt $deadline ]; do
    if [ ! -f "$prefix.ready-at" ]; then
      all_ready && now >"$prefix.ready-at"
    elif [ "$(current_tick)" -ge 1 ]; then
      for i in 1 2 3; do
        curl -fsS -m 2 "http://127.0.0.1:${PORTS[$((i - 1))]}/status" >"$prefix.status-node$i.json" 2>/dev/null || true
      done
      return 0
    fi
    sleep 0.2
  done
}

# Every node answered /status with itself Up, ready, in a cluster of three Up members, with entities.
check_status() {
  local prefix=$1 i f
  for i in 1 2 3; do
    f="$prefix.status-node$i.json"
    [ -s "$f" ] || die "node$i did not answer /status during the run"
    grep -q "\"node\": \"[^\"]*@node$i:" "$f" || die "node$i's /status names another node: $(cat "$f")"
    grep -q '"ready": true' "$f" || die "node$i is not ready during the run: $(cat "$f")"
    [ "$(grep -o '"status": "Up"' "$f" | wc -l)" -eq 4 ] || die "node$i does not see three Up members: $(cat "$f")"
    grep -q '"entitiesStarted": [1-9]' "$f" || die "node$i holds no entities: $(cat "$f")"
  done
  log "/status answered from node1, node2 and node3 during the run: each Up, ready, 3 members Up, entities started"
}

digest_of() {  # the digest in a run folder's summary.json
  sed -n 's/.*"digest": "\([0-9a-f]*\)".*/\1/p' "$1/summary.json" 2>/dev/null | head -1
}

one_node_run() {
  local t; t=$(now)
  java -jar app/target/bidarena.jar run "scenarios/$SCENARIO_FILE" --out "$WORK/one-node" >"$WORK/one-node.log" 2>&1 \
    || { tail -20 "$WORK/one-node.log" >&2; die "the one-node run failed"; }
  EXPECTED=$(sed -n 's/^digest: \([0-9a-f]*\)$/\1/p' "$WORK/one-node.log")
  [ -n "$EXPECTED" ] || die "no digest in the one-node run's output ($WORK/one-node.log)"
  timing "one-node run on the host (H2)" "$(secs "$t" "$(now)")"
  log "one-node digest: $EXPECTED"
}

# A cluster that never starts its run is retried once, saying why: on the shared 2-core machine, at load
# average 15-25, we saw three JVMs starting at once fail to form a cluster (a node quarantined by another
# while joining, which downs itself; or members left WeaklyUp until the join limit). A run that has
# started is never retried: a wrong digest or a failed recovery fails the test.
formation_failed() {  # formation_failed RUN LOGFILE: says what the nodes logged, returns 10
  log "$1: the cluster never started the run ($(grep -Eo "quarantined this node|could not join[^;]*|Marking node as UNREACHABLE|SBR took decision [A-Za-z]+" "$2" \
    | sort | uniq -c | sed 's/^ *//' | paste -sd ';' -)); logs kept in $WORK"
  KEEP_WORK=1
  return 10
}

# The fault-free run, in the foreground as a user runs it; /status is read from every node meanwhile.
fault_free_run() {  # fault_free_run ATTEMPT
  local run_id="docker_test_${STAMP}_a$1" prefix="$WORK/run1-$1" t0 t1 rc=0 digest
  log "run 1 (fault-free): BIDARENA_RUN_ID=$run_id docker-compose -f docker/docker-compose.yml -p $PROJECT up --no-build --abort-on-container-exit --exit-code-from node1"
  watch "$prefix" &
  WATCH_PID=$!
  COMPOSE_STARTED=1
  t0=$(now)
  BIDARENA_RUN_ID=$run_id compose up --no-build --abort-on-container-exit --exit-code-from node1 \
    >"$prefix-compose.log" 2>&1 || rc=$?
  t1=$(now)
  wait "$WATCH_PID" || true
  WATCH_PID=""
  compose down -v >>"$WORK/compose-down.log" 2>&1
  COMPOSE_STARTED=""
  if [ "$rc" -ne 0 ] && [ ! -s "$prefix.status-node1.json" ]; then
    formation_failed "run 1" "$prefix-compose.log"
    return
  fi
  [ "$rc" -eq 0 ] || { tail -40 "$prefix-compose.log" >&2; die "run 1: node1 exited with $rc"; }
  [ -f "$prefix.ready-at" ] || die "run 1: the three nodes were never ready at once"
  timing "run 1: cluster start (up to all /ready)" "$(secs "$t0" "$(cat "$prefix.ready-at")")"
  timing "run 1: run (all /ready to node1's exit)" "$(secs "$(cat "$prefix.ready-at")" "$t1")"
  check_status "$prefix"
  digest=$(digest_of "runs/$run_id")
  [ "$digest" = "$EXPECTED" ] || die "run 1: cluster digest '$digest' differs from the one-node digest $EXPECTED"
  log "run 1: cluster digest $digest = one-node digest"
}

# The same run, detached; once node1 passes KILL_AFTER_TICK, node3 gets SIGKILL from 'docker kill'.
killed_node_run() {  # killed_node_run ATTEMPT
  local run_id="docker_test_${STAMP}_b$1" logfile="$WORK/run2-$1-compose.log" t0 t1 tick=-1 started="" rc digest
  local node1 node3 deadline
  log "run 2 (docker kill node3 after tick $KILL_AFTER_TICK): BIDARENA_RUN_ID=$run_id docker-compose ... up --no-build -d"
  COMPOSE_STARTED=1
  t0=$(now)
  BIDARENA_RUN_ID=$run_id compose up --no-build -d >"$logfile" 2>&1 \
    || { tail -20 "$logfile" >&2; die "run 2: docker-compose up -d failed"; }
  node1=$(compose ps -q node1)
  node3=$(compose ps -q node3)
  deadline=$((SECONDS + 300))
  while [ "$tick" -lt "$KILL_AFTER_TICK" ]; do
    [ $SECONDS -lt $deadline ] || die "run 2: node1 did not reach tick $KILL_AFTER_TICK within 300 s"
    if [ "$(docker inspect -f '{{.State.Running}}' "$node1")" != true ] \
        || [ "$(docker inspect -f '{{.State.Running}}' "$node3")" != true ]; then
      if [ -z "$started" ]; then
        compose logs --no-color >>"$logfile" 2>&1
        compose down -v >>"$WORK/compose-down.log" 2>&1
        COMPOSE_STARTED=""
        formation_failed "run 2" "$logfile"
        return
      fi
      die "run 2: a node stopped at tick $tick, before the kill"
    fi
    sleep 0.2
    tick=$(current_tick)
    [ "$tick" -ge 1 ] && started=1
  done
  docker kill "$node3" >/dev/null
  log "run 2: killed node3 (docker kill, SIGKILL) at tick $tick"
  rc=$(timeout 600 "$DOCKER_BIN" wait "$node1") || die "run 2: node1 did not finish within 600 s after the kill"
  t1=$(now)
  compose logs --no-color >>"$logfile" 2>&1
  compose down -v >>"$WORK/compose-down.log" 2>&1
  COMPOSE_STARTED=""
  [ "$rc" -eq 0 ] || { tail -40 "$logfile" >&2; die "run 2: node1 exited with $rc"; }
  grep -Eq "was lost during tick [0-9]+: rewinding to checkpoint" "runs/$run_id/run.log" \
    || die "run 2: no rewind after the kill in runs/$run_id/run.log (killed at tick $tick)"
  log "run 2: $(grep -Eo "node[^ ]* was lost during tick [0-9]+: rewinding to checkpoint -?[0-9]+" "runs/$run_id/run.log" | head -1)"
  timing "run 2: up -d to node1's exit, with the kill" "$(secs "$t0" "$t1")"
  digest=$(digest_of "runs/$run_id")
  [ "$digest" = "$EXPECTED" ] || die "run 2: digest '$digest' after the kill differs from the one-node digest $EXPECTED"
  log "run 2: digest after docker kill $digest = one-node digest"
}

# --- main -------------------------------------------------------------------------------------------

[ -f app/target/bidarena.jar ] && [ -d app/target/lib ] \
  || die "app/target/bidarena.jar is missing: build it first (mvn -B package -DskipTests)"
command -v curl >/dev/null || die "curl is needed to read the nodes' /status"
mkdir -p "$CACHE" runs
exec 9>"$CACHE/lock"
flock -n 9 || die "another docker/test-cluster.sh uses $CACHE"
STAMP=$(date -u +%Y%m%d%H%M%S)
log "work folder $WORK (removed if the test passes); load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

engine
t=$(now)
images
timing "image build, in all" "$(secs "$t" "$(now)")"
one_node_run
# A longer join time limit than the default 60 s: on a loaded machine three JVMs starting at once can
# take that long to see each other Up.
export BIDARENA_SCENARIO_FILE=$SCENARIO_FILE BIDARENA_POSTGRES_IMAGE=$POSTGRES_IMAGE BIDARENA_JOIN_TIMEOUT=180
pick_ports
fault_free_run 1 || { [ $? -eq 10 ] && fault_free_run 2; } || die "run 1: the cluster never started the run, twice"
killed_node_run 1 || { [ $? -eq 10 ] && killed_node_run 2; } || die "run 2: the cluster never started the run, twice"
timing "test-cluster.sh wall time" "$(secs "$START" "$(now)")"
log "load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; run folders in runs/docker_test_${STAMP}_*"
log "PASSED. Timings:"
printf '  %s\n' "${TIMINGS[@]}"
