# shellcheck shell=bash
# Helpers shared by test/infra/{up,down,slurm-up,slurm-down}.sh (sourced, not run).

log() { printf '%s\n' "$*"; }

# Print the pid stored in $1 if that process is alive and its command line
# contains $2 (guards against stale pid files and pid reuse).
running_pid() {
  local pidfile=$1 match=$2 pid cmdline
  [[ -s $pidfile ]] || return 1
  pid=$(<"$pidfile")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  cmdline=$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline") || return 1
  [[ -n $cmdline && $cmdline == *"$match"* ]] || return 1
  printf '%s\n' "$pid"
}

# Is process $1 alive (and not a zombie)?
alive() {
  local cmdline
  cmdline=$(tr '\0' ' ' 2>/dev/null <"/proc/$1/cmdline") || return 1
  [[ -n $cmdline ]]
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
