# shellcheck shell=bash
# Helpers shared by test/infra/up.sh and down.sh (sourced, not run).

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
