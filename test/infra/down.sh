#!/usr/bin/env bash
# Stop what test/infra/up.sh started (by pid files). Data is kept under
# $TRAINER_INFRA_DIR so the next up.sh is fast; `rm -rf` that dir for a reset.
set -euo pipefail

DIR="${TRAINER_INFRA_DIR:-/tmp/trainer-infra}"

# shellcheck source=test/infra/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [[ ! -d $DIR ]]; then
  log "nothing to stop: $DIR does not exist"
  exit 0
fi
DIR=$(cd "$DIR" && pwd -P)

exec 9>"$DIR/.lock"
flock -w 300 9 || {
  printf 'down.sh: error: timed out waiting for %s/.lock\n' "$DIR" >&2
  exit 1
}


# stop NAME PIDFILE MATCH TIMEOUT_SECONDS
stop() {
  local name=$1 pidfile=$2 match=$3 timeout=$4 pid deadline
  if ! pid=$(running_pid "$pidfile" "$match"); then
    rm -f "$pidfile"
    log "$name: not running"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  deadline=$((SECONDS + timeout))
  while alive "$pid"; do
    if ((SECONDS >= deadline)); then
      kill -KILL "$pid" 2>/dev/null || true
      log "$name: killed (pid $pid, no exit after ${timeout}s)"
      rm -f "$pidfile"
      return 0
    fi
    sleep 0.2
  done
  rm -f "$pidfile"
  log "$name: stopped (pid $pid)"
}

stop "registry (open)" "$DIR/registry-open/registry.pid" "$DIR/registry-open/config.yml" 10
stop "registry (auth)" "$DIR/registry-auth/registry.pid" "$DIR/registry-auth/config.yml" 10
stop dockerd "$DIR/dockerd.pid" "$DIR/docker.sock" 30
# Normally dockerd stops its own containerd; clean up if dockerd had to be killed.
if running_pid "$DIR/docker-exec/containerd/containerd.pid" containerd >/dev/null; then
  stop containerd "$DIR/docker-exec/containerd/containerd.pid" containerd 10
fi
