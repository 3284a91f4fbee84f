#!/usr/bin/env bash
# Stop what test/infra/slurm-up.sh started (by pid files): sshd, slurmrestd, slurmd, slurmctld,
# slurmdbd, MariaDB and munged (only if slurm-up.sh started it). down.sh runs it first.
# State (jobs, accounting DB, keys) is kept under $TRAINER_INFRA_DIR/slurm.
set -euo pipefail

DIR="${TRAINER_INFRA_DIR:-/tmp/trainer-infra}"

# shellcheck source=test/infra/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [[ ! -d $DIR/slurm ]]; then
  log "slurm: nothing to stop: $DIR/slurm does not exist"
  exit 0
fi
DIR=$(cd "$DIR" && pwd -P)

exec 9>"$DIR/.lock"
flock -w 300 9 || {
  printf 'slurm-down.sh: error: timed out waiting for %s/.lock\n' "$DIR" >&2
  exit 1
}

# End running jobs first so no slurmstepd outlives slurmd.
S="$DIR/slurm"
if running_pid "$S/run/slurmctld.launch.pid" "$S/etc/slurm.conf" >/dev/null &&
  running_pid "$S/run/slurmd.launch.pid" "$S/etc/slurm.conf" >/dev/null; then
  export SLURM_CONF="$S/etc/slurm.conf"
  if [[ -n $(squeue -h -t PD,R,S,CG -o %i 2>/dev/null) ]]; then
    scancel --state=PENDING >/dev/null 2>&1 || true
    scancel --state=RUNNING >/dev/null 2>&1 || true
    scancel --state=SUSPENDED >/dev/null 2>&1 || true
    for ((i = 0; i < 75; i++)); do
      [[ -z $(squeue -h -t R,S,CG -o %i 2>/dev/null) ]] && break
      sleep 0.2
    done
    log "slurm: cancelled the remaining jobs"
  fi
fi
stop sshd "$S/run/sshd.pid" "$S/ssh/sshd_config" 10
stop slurmrestd "$S/run/slurmrestd.pid" slurmrestd 10
stop slurmd "$S/run/slurmd.launch.pid" "$S/etc/slurm.conf" 15
stop slurmctld "$S/run/slurmctld.launch.pid" "$S/etc/slurm.conf" 30
stop slurmdbd "$S/run/slurmdbd.launch.pid" slurmdbd 30
stop mariadb "$S/run/mariadbd.pid" "$S/mariadb/data" 60
stop munged "$S/run/munged.pid" munged 10
