#!/usr/bin/env bash
# Stop what test/infra/up.sh and slurm-up.sh started (by pid files). Data is kept under
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

bash "$(dirname "${BASH_SOURCE[0]}")/slurm-down.sh" # takes the lock itself

exec 9>"$DIR/.lock"
flock -w 300 9 || {
  printf 'down.sh: error: timed out waiting for %s/.lock\n' "$DIR" >&2
  exit 1
}

stop "registry (open)" "$DIR/registry-open/registry.pid" "$DIR/registry-open/config.yml" 10
stop "registry (auth)" "$DIR/registry-auth/registry.pid" "$DIR/registry-auth/config.yml" 10
stop dockerd "$DIR/dockerd.pid" "$DIR/docker.sock" 30
# Normally dockerd stops its own containerd; clean up if dockerd had to be killed.
if running_pid "$DIR/docker-exec/containerd/containerd.pid" containerd >/dev/null; then
  stop containerd "$DIR/docker-exec/containerd/containerd.pid" containerd 10
fi
