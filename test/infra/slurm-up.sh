#!/usr/bin/env bash
# Start a real single-node Slurm cluster for the tests (idempotent; up.sh runs it last):
#   - munged (the system socket /run/munge/munge.socket.2, as user munge)
#   - a private MariaDB on 127.0.0.1:$TRAINER_INFRA_MARIADB_PORT and slurmdbd (sacct works)
#   - slurmctld and slurmd -N localhost: partitions debug (default) and long, JWT enabled
#   - slurmrestd (rest_auth/jwt, v0.0.38) as user slurmrest on 127.0.0.1:$TRAINER_INFRA_SLURMRESTD_PORT
#   - a private, key-only sshd on 127.0.0.1:$TRAINER_INFRA_SSH_PORT for the unix user trainer
# Slurm's own daemons bind the address the host name resolves to (NoInAddrAny), which is
# 127.0.0.1 where /etc/hosts says so. Config and state live in $TRAINER_INFRA_DIR/slurm (Slurm
# finds them through SLURM_CONF; nothing is written to /etc/slurm). TRAINER_SLURM*/TRAINER_SSH_*
# lines are added to $TRAINER_INFRA_DIR/env (other lines are kept). Fresh JWTs on every run.
#
# Running it again reuses whatever is already healthy. Stop with down.sh.
#
# Environment (all optional):
#   TRAINER_INFRA_DIR               state directory       (default /tmp/trainer-infra)
#   TRAINER_INFRA_SLURMRESTD_PORT   slurmrestd            (default 6820)
#   TRAINER_INFRA_SSH_PORT          sshd                  (default 2222)
#   TRAINER_INFRA_MARIADB_PORT      MariaDB for slurmdbd  (default 3307)
#   TRAINER_INFRA_WAIT_SECONDS      startup timeout       (default 60)
#   TRAINER_INFRA_SKIP_VERIFY=1     skip the job/sacct/REST/ssh smoke test
set -euo pipefail

T0=$(date +%s%N)
DIR="${TRAINER_INFRA_DIR:-/tmp/trainer-infra}"
REST_PORT="${TRAINER_INFRA_SLURMRESTD_PORT:-6820}"
SSH_PORT="${TRAINER_INFRA_SSH_PORT:-2222}"
DB_PORT="${TRAINER_INFRA_MARIADB_PORT:-3307}"
WAIT_SECONDS="${TRAINER_INFRA_WAIT_SECONDS:-60}"
SKIP_VERIFY="${TRAINER_INFRA_SKIP_VERIFY:-0}"
CLUSTER=trainer
ACCOUNT=trainer
USER_NAME=trainer
REST_USER=slurmrest
PARTITIONS=debug,long
API=v0.0.38
JWT_LIFESPAN=86400

# shellcheck source=test/infra/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
die() {
  printf 'slurm-up.sh: error: %s\n' "$*" >&2
  exit 1
}

# ---------------------------------------------------------------- packages

install_packages() {
  local pkgs=() want
  for want in slurm-wlm munge slurmrestd slurm-wlm-jwt-plugin slurmdbd mariadb-server openssh-server curl; do
    dpkg-query -W -f='${Status}' "$want" 2>/dev/null | grep -q 'ok installed' || pkgs+=("$want")
  done
  if ((${#pkgs[@]} > 0)); then
    log "apt: installing ${pkgs[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    # policy-rc.d (if any) keeps the packaged services from starting: everything is started below.
    apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
  fi
}

ensure_users() {
  if ! getent passwd "$REST_USER" >/dev/null; then
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$REST_USER"
    log "user: created system user $REST_USER"
  fi
  if ! getent passwd "$USER_NAME" >/dev/null; then
    useradd --create-home --shell /bin/bash "$USER_NAME"
    log "user: created $USER_NAME"
  fi
  TRAINER_HOME=$(getent passwd "$USER_NAME" | cut -d: -f6)
  if [[ ! -d $TRAINER_HOME ]]; then
    mkdir -p "$TRAINER_HOME"
    chown "$USER_NAME:" "$TRAINER_HOME"
  fi
  # With UsePAM no, sshd refuses accounts whose password is locked ('!...', useradd's default).
  # '*' is no password at all, but not "locked".
  if [[ $(getent shadow "$USER_NAME" | cut -d: -f2) == '!'* ]]; then
    usermod -p '*' "$USER_NAME"
  fi
}

# ---------------------------------------------------------------- helpers

stop_pid() {
  local pid=$1 i
  kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < 150; i++)); do
    alive "$pid" || return 0
    sleep 0.2
  done
  kill -KILL "$pid" 2>/dev/null || true
}

# wait_for DESC PID LOGFILE CMD...: run CMD until it succeeds; fail if PID dies or on timeout.
wait_for() {
  local desc=$1 pid=$2 logfile=$3 deadline
  shift 3
  deadline=$((SECONDS + WAIT_SECONDS))
  until "$@" >/dev/null 2>&1; do
    if { [[ -n $pid ]] && ! alive "$pid"; } || ((SECONDS >= deadline)); then
      tail -n 30 "$logfile" >&2 2>/dev/null || true
      die "$desc (log: $logfile)"
    fi
    sleep 0.2
  done
}

# launch NAME PIDFILE LOGFILE CMD...: start CMD in the background, detached, as a new session.
launch() {
  local name=$1 pidfile=$2 logfile=$3
  shift 3
  [[ -f $logfile ]] && mv -f "$logfile" "$logfile.1"
  setsid nohup "$@" >"$logfile" 2>&1 </dev/null 8>&- 9>&- &
  LAUNCHED=$!
  printf '%s\n' "$LAUNCHED" >"$pidfile"
  log "$name: starting (pid $LAUNCHED)"
}

# write_if_changed FILE MODE: stdin to FILE; returns 0 when the content changed.
write_if_changed() {
  local file=$1 mode=$2
  (umask 077 && cat >"$file.new")
  chmod "$mode" "$file.new"
  if cmp -s "$file.new" "$file"; then
    rm -f "$file.new"
    return 1
  fi
  mv -f "$file.new" "$file"
}

secret_file() {
  local file=$1
  if [[ ! -s $file ]]; then
    (umask 077 && od -An -N16 -tx1 /dev/urandom | tr -d ' \n' >"$file")
  fi
  cat "$file"
}

http_code() {
  curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$@" 2>/dev/null || true
}

ms_since() { echo $((($(date +%s%N) - $1) / 1000000)); }

# ---------------------------------------------------------------- config

write_configs() {
  local cpus mem_mb db_pass
  cpus=$(nproc)
  mem_mb=$(($(awk '/^MemTotal:/ {print int($2 / 1024)}' /proc/meminfo) - 4096))
  ((mem_mb >= 1024)) || mem_mb=1024
  [[ -s $S/jwt_hs256.key ]] || (umask 077 && head -c 32 /dev/urandom >"$S/jwt_hs256.key")
  chmod 600 "$S/jwt_hs256.key"
  db_pass=$(secret_file "$S/mariadb-password")

  SLURM_CONF_CHANGED=0
  if write_if_changed "$S/etc/slurm.conf" 644 <<EOF; then
# Written by test/infra/slurm-up.sh: a single-node test cluster, daemons run as root.
ClusterName=$CLUSTER
SlurmctldHost=localhost
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CryptoType=crypto/munge
AuthAltTypes=auth/jwt
AuthAltParameters=jwt_key=$S/jwt_hs256.key
# Bind the address the host name resolves to (127.0.0.1 on the test machines), not 0.0.0.0.
CommunicationParameters=NoCtldInAddrAny,NoInAddrAny
StateSaveLocation=$S/state
SlurmdSpoolDir=$S/spool
SlurmctldPidFile=$S/run/slurmctld.pid
SlurmdPidFile=$S/run/slurmd.pid
SlurmctldLogFile=$S/log/slurmctld.log
SlurmdLogFile=$S/log/slurmd.log
SlurmdParameters=config_overrides
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
DefMemPerCPU=256
MinJobAge=86400
ReturnToService=2
KillWait=5
# Start the next array task as soon as one ends (the default batch_sched_delay is 3 s).
SchedulerParameters=batch_sched_delay=0
InactiveLimit=0
MailProg=/bin/true
AccountingStorageType=accounting_storage/slurmdbd
AccountingStorageHost=localhost
JobCompType=jobcomp/none
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem_mb State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
PartitionName=long Nodes=localhost MaxTime=INFINITE State=UP
EOF
    SLURM_CONF_CHANGED=1
  fi

  # Nothing here uses cgroups (proctrack/linuxproc, task/none); the file keeps slurmd from
  # guessing at the host's (or a sandbox's) cgroup layout.
  write_if_changed "$S/etc/cgroup.conf" 644 <<EOF || true
CgroupPlugin=autodetect
IgnoreSystemd=yes
EOF

  SLURMDBD_CONF_CHANGED=0
  if write_if_changed "$S/etc/slurmdbd.conf" 600 <<EOF; then
# Written by test/infra/slurm-up.sh
DbdHost=localhost
CommunicationParameters=NoInAddrAny
SlurmUser=root
AuthType=auth/munge
PidFile=$S/run/slurmdbd.pid
LogFile=$S/log/slurmdbd.log
StorageType=accounting_storage/mysql
StorageHost=127.0.0.1
StoragePort=$DB_PORT
StorageUser=slurm
StoragePass=$db_pass
StorageLoc=slurm_acct_db
EOF
    SLURMDBD_CONF_CHANGED=1
  fi
}

# ---------------------------------------------------------------- munge

munge_ok() { munge -n 2>/dev/null | unmunge >/dev/null 2>&1; }

start_munge() {
  local pid
  if munge_ok; then
    if pid=$(running_pid "$S/run/munged.pid" munged); then
      log "munged: reused (pid $pid)"
    else
      log "munged: reused (a munged not started by slurm-up.sh)"
    fi
    return
  fi
  [[ -s /etc/munge/munge.key ]] || die "/etc/munge/munge.key is missing (reinstall munge)"
  mkdir -p /run/munge /var/lib/munge /var/log/munge
  chown munge:munge /run/munge /var/lib/munge /var/log/munge
  chmod 0755 /run/munge
  launch munged "$S/run/munged.pid" "$S/log/munged.out" \
    setpriv --reuid=munge --regid=munge --init-groups munged --foreground --force
  wait_for "munged did not start" "$LAUNCHED" /var/log/munge/munged.log munge_ok
}

# ---------------------------------------------------------------- mariadb + slurmdbd

db_exec() { mariadb --no-defaults --socket="$S/mariadb/mysqld.sock" -uroot; }
db_ok() { mariadb-admin --no-defaults --socket="$S/mariadb/mysqld.sock" -uroot ping; }

start_mariadb() {
  local pid data="$S/mariadb/data" pass
  if pid=$(running_pid "$S/run/mariadbd.pid" "$data"); then
    wait_for "mariadbd (pid $pid) is running but not answering" "$pid" "$S/log/mariadb.log" db_ok
    log "mariadb: reused (pid $pid) 127.0.0.1:$DB_PORT"
  else
    if (exec 3<>"/dev/tcp/127.0.0.1/$DB_PORT") 2>/dev/null; then
      die "127.0.0.1:$DB_PORT is already in use (set TRAINER_INFRA_MARIADB_PORT)"
    fi
    mkdir -p "$S/mariadb"
    chown mysql:mysql "$S/mariadb"
    if [[ ! -d $data/mysql ]]; then
      rm -rf "$data"
      mariadb-install-db --no-defaults --user=mysql --datadir="$data" --skip-test-db \
        --auth-root-authentication-method=socket >"$S/log/mariadb-install.log" 2>&1 ||
        die "mariadb-install-db failed (log: $S/log/mariadb-install.log)"
    fi
    rm -f "$S/mariadb/mysqld.sock"
    launch mariadb "$S/run/mariadbd.pid" "$S/log/mariadb.log" \
      mariadbd --no-defaults --user=mysql --datadir="$data" --socket="$S/mariadb/mysqld.sock" \
      --bind-address=127.0.0.1 --port="$DB_PORT" --skip-name-resolve \
      --innodb-buffer-pool-size=128M --innodb-lock-wait-timeout=900 --max-allowed-packet=16M
    wait_for "mariadbd did not start" "$LAUNCHED" "$S/log/mariadb.log" db_ok
  fi
  pass=$(<"$S/mariadb-password")
  db_exec <<EOF
CREATE DATABASE IF NOT EXISTS slurm_acct_db;
CREATE USER IF NOT EXISTS 'slurm'@'127.0.0.1' IDENTIFIED BY '$pass';
ALTER USER 'slurm'@'127.0.0.1' IDENTIFIED BY '$pass';
GRANT ALL ON slurm_acct_db.* TO 'slurm'@'127.0.0.1';
EOF
}

dbd_ok() { sacctmgr -n -P show cluster format=cluster; }

start_slurmdbd() {
  local pid
  if pid=$(running_pid "$S/run/slurmdbd.launch.pid" slurmdbd); then
    if ((SLURMDBD_CONF_CHANGED)); then
      log "slurmdbd: config changed, restarting (pid $pid)"
      stop_pid "$pid"
    else
      wait_for "slurmdbd (pid $pid) is running but not answering" "$pid" "$S/log/slurmdbd.log" dbd_ok
      log "slurmdbd: reused (pid $pid)"
      return
    fi
  elif dbd_ok >/dev/null 2>&1; then
    die "a slurmdbd not started by slurm-up.sh answers on localhost:6819; stop it first"
  fi
  launch slurmdbd "$S/run/slurmdbd.launch.pid" "$S/log/slurmdbd.out" slurmdbd -D
  wait_for "slurmdbd did not start" "$LAUNCHED" "$S/log/slurmdbd.log" dbd_ok
}

register_accounting() {
  if ! sacctmgr -n -P show cluster format=cluster | grep -qx "$CLUSTER"; then
    sacctmgr -i add cluster "$CLUSTER" >/dev/null
  fi
  if ! sacctmgr -n -P show account "$ACCOUNT" format=account | grep -qx "$ACCOUNT"; then
    sacctmgr -i add account "$ACCOUNT" cluster="$CLUSTER" description="trainer tests" organization=trainer >/dev/null
  fi
  if ! sacctmgr -n -P show assoc where cluster="$CLUSTER" user="$USER_NAME" format=account | grep -qx "$ACCOUNT"; then
    sacctmgr -i add user "$USER_NAME" account="$ACCOUNT" defaultaccount="$ACCOUNT" cluster="$CLUSTER" >/dev/null
  fi
  log "accounting: cluster $CLUSTER, account $ACCOUNT, user $USER_NAME registered"
}

# ---------------------------------------------------------------- slurmctld + slurmd

ctld_ok() { scontrol ping 2>/dev/null | grep -q 'is UP'; }
node_state() { sinfo -h -n localhost -o %t 2>/dev/null | head -n1; }
node_ok() { [[ $(node_state) =~ ^(idle|mix|mixed|alloc|allocated)$ ]]; }

start_slurmctld() {
  local pid
  if pid=$(running_pid "$S/run/slurmctld.launch.pid" "$S/etc/slurm.conf"); then
    if ((SLURM_CONF_CHANGED)); then
      # AuthAlt*/node changes need a restart; `scontrol reconfigure` is not enough for JWT.
      log "slurmctld: config changed, restarting (pid $pid)"
      stop_pid "$pid"
    else
      wait_for "slurmctld (pid $pid) is running but not answering" "$pid" "$S/log/slurmctld.log" ctld_ok
      log "slurmctld: reused (pid $pid)"
      return
    fi
  elif ctld_ok; then
    die "a slurmctld not started by slurm-up.sh answers on localhost:6817; stop it first"
  fi
  launch slurmctld "$S/run/slurmctld.launch.pid" "$S/log/slurmctld.out" slurmctld -D -f "$S/etc/slurm.conf"
  wait_for "slurmctld did not start" "$LAUNCHED" "$S/log/slurmctld.log" ctld_ok
}

start_slurmd() {
  local pid deadline
  if pid=$(running_pid "$S/run/slurmd.launch.pid" "$S/etc/slurm.conf"); then
    if ((SLURM_CONF_CHANGED)); then
      log "slurmd: config changed, restarting (pid $pid)"
      stop_pid "$pid"
      pid=
    else
      log "slurmd: reused (pid $pid)"
    fi
  else
    pid=
  fi
  if [[ -z $pid ]]; then
    launch slurmd "$S/run/slurmd.launch.pid" "$S/log/slurmd.out" slurmd -D -N localhost -f "$S/etc/slurm.conf"
    pid=$LAUNCHED
  fi
  deadline=$((SECONDS + 5))
  until node_ok; do
    alive "$pid" || {
      tail -n 30 "$S/log/slurmd.log" >&2 || true
      die "slurmd exited (log: $S/log/slurmd.log)"
    }
    if ((SECONDS >= deadline)) && [[ $(node_state) =~ ^(down|drain|drng|fail) ]]; then
      # Left down by an earlier run (e.g. killed); it is registered and healthy now.
      scontrol update nodename=localhost state=resume >/dev/null 2>&1 || true
      deadline=$((SECONDS + 5))
    fi
    ((SECONDS < START_DEADLINE)) || die "node localhost is '$(node_state)', not idle (log: $S/log/slurmd.log)"
    sleep 0.2
  done
  log "slurmd: node localhost $(node_state); partitions $(sinfo -h -o %P | tr '\n' ' ')"
}

mint_tokens() {
  local out
  out=$(scontrol token username=root lifespan="$JWT_LIFESPAN") || die "scontrol token failed: is JWT enabled? ($out)"
  JWT_ROOT=${out#SLURM_JWT=}
  out=$(scontrol token username="$USER_NAME" lifespan="$JWT_LIFESPAN") || die "scontrol token failed ($out)"
  JWT_USER=${out#SLURM_JWT=}
  JWT_EXPIRES=$(($(date +%s) + JWT_LIFESPAN))
}

# ---------------------------------------------------------------- slurmrestd

rest_code() {
  http_code -H "X-SLURM-USER-NAME: root" -H "X-SLURM-USER-TOKEN: $JWT_ROOT" \
    "http://127.0.0.1:$REST_PORT/slurm/$API/$1"
}
rest_ok() { [[ $(rest_code ping) == 200 ]]; }

start_slurmrestd() {
  local pid code
  if pid=$(running_pid "$S/run/slurmrestd.pid" "127.0.0.1:$REST_PORT"); then
    if ((SLURM_CONF_CHANGED)); then
      stop_pid "$pid"
    else
      wait_for "slurmrestd (pid $pid) is running but not answering" "$pid" "$S/log/slurmrestd.log" rest_ok
      log "slurmrestd: reused (pid $pid) http://127.0.0.1:$REST_PORT"
      return
    fi
  fi
  code=$(http_code "http://127.0.0.1:$REST_PORT/")
  [[ $code == 000 ]] || die "127.0.0.1:$REST_PORT is already in use by another process (HTTP $code)"
  # slurmrestd refuses to run as root; SLURM_JWT=daemon makes it pass each request's token on.
  launch slurmrestd "$S/run/slurmrestd.pid" "$S/log/slurmrestd.log" \
    setpriv --reuid="$REST_USER" --regid="$REST_USER" --clear-groups \
    env SLURM_CONF="$S/etc/slurm.conf" SLURM_JWT=daemon \
    slurmrestd -f "$S/etc/slurm.conf" -a rest_auth/jwt -s "$API" "127.0.0.1:$REST_PORT"
  wait_for "slurmrestd did not answer GET /slurm/$API/ping" "$LAUNCHED" "$S/log/slurmrestd.log" rest_ok
}

# ---------------------------------------------------------------- sshd

ensure_ssh_keys() {
  local k="$S/ssh" line
  [[ -s $k/ssh_host_ed25519_key ]] || ssh-keygen -q -t ed25519 -N '' -C trainer-infra-host -f "$k/ssh_host_ed25519_key"
  [[ -s $k/id_ed25519 ]] || ssh-keygen -q -t ed25519 -N '' -C trainer-infra-client -f "$k/id_ed25519"
  chmod 600 "$k/ssh_host_ed25519_key" "$k/id_ed25519"
  line=$(<"$k/id_ed25519.pub")
  printf '%s\n' "$line" | write_if_changed "$k/authorized_keys" 644 || true

  local ssh_dir="$TRAINER_HOME/.ssh"
  mkdir -p "$ssh_dir"
  touch "$ssh_dir/authorized_keys"
  if ! grep -qxF "$line" "$ssh_dir/authorized_keys"; then
    # Replace the key of an earlier state dir (same comment); keep the user's other keys.
    { grep -v ' trainer-infra-client$' "$ssh_dir/authorized_keys" || true; printf '%s\n' "$line"; } >"$ssh_dir/authorized_keys.new"
    mv -f "$ssh_dir/authorized_keys.new" "$ssh_dir/authorized_keys"
  fi
  chown -R "$USER_NAME:" "$ssh_dir"
  chmod 700 "$ssh_dir"
  chmod 600 "$ssh_dir/authorized_keys"

  HOST_FINGERPRINT=$(ssh-keygen -lf "$k/ssh_host_ed25519_key.pub" | awk '{print $2}')
  if ((SSH_PORT == 22)); then
    KNOWN_HOSTS="127.0.0.1 $(cut -d' ' -f1,2 "$k/ssh_host_ed25519_key.pub")"
  else
    KNOWN_HOSTS="[127.0.0.1]:$SSH_PORT $(cut -d' ' -f1,2 "$k/ssh_host_ed25519_key.pub")"
  fi
  printf '%s\n' "$KNOWN_HOSTS" | write_if_changed "$k/known_hosts" 644 || true
}

ssh_trainer() {
  ssh -q -i "$S/ssh/id_ed25519" -p "$SSH_PORT" -o BatchMode=yes -o IdentitiesOnly=yes \
    -o StrictHostKeyChecking=yes -o UserKnownHostsFile="$S/ssh/known_hosts" -o GlobalKnownHostsFile=/dev/null \
    -o ConnectTimeout=5 "$USER_NAME@127.0.0.1" "$@"
}

start_sshd() {
  local pid changed=0 conf="$S/ssh/sshd_config"
  # Keys live under $TRAINER_INFRA_DIR, by default below the world-writable /tmp: StrictModes no.
  if write_if_changed "$conf" 644 <<EOF; then
# Written by test/infra/slurm-up.sh: a private, key-only sshd on loopback.
Port $SSH_PORT
ListenAddress 127.0.0.1
HostKey $S/ssh/ssh_host_ed25519_key
PidFile none
AuthorizedKeysFile $S/ssh/authorized_keys .ssh/authorized_keys
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
PermitRootLogin prohibit-password
StrictModes no
AllowUsers root $USER_NAME
X11Forwarding no
PrintMotd no
SetEnv SLURM_CONF=$S/etc/slurm.conf
Subsystem sftp internal-sftp
EOF
    changed=1
  fi
  mkdir -p /run/sshd # privilege separation directory
  chmod 755 /run/sshd
  /usr/sbin/sshd -t -f "$conf" || die "sshd rejects $conf"
  if pid=$(running_pid "$S/run/sshd.pid" "$conf"); then
    if ((changed)); then
      stop_pid "$pid"
    else
      log "sshd: reused (pid $pid) 127.0.0.1:$SSH_PORT"
      return
    fi
  fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$SSH_PORT") 2>/dev/null; then
    die "127.0.0.1:$SSH_PORT is already in use (set TRAINER_INFRA_SSH_PORT)"
  fi
  launch sshd "$S/run/sshd.pid" "$S/log/sshd.out" /usr/sbin/sshd -D -f "$conf" -E "$S/log/sshd.log"
  wait_for "sshd did not accept the client key" "$LAUNCHED" "$S/log/sshd.log" ssh_trainer true
}

# ---------------------------------------------------------------- env + verify

write_env() {
  local f="$DIR/env"
  {
    if [[ -f $f ]]; then grep -Ev '^TRAINER_(SLURM|SLURMRESTD|SSH)(_[A-Z0-9_]*)?=' "$f" || true; fi
    cat <<EOF
TRAINER_SLURM=1
TRAINER_SLURM_CONF=$S/etc/slurm.conf
TRAINER_SLURM_CLUSTER=$CLUSTER
TRAINER_SLURM_PARTITIONS=$PARTITIONS
TRAINER_SLURM_ACCOUNT=$ACCOUNT
TRAINER_SLURM_USER=$USER_NAME
TRAINER_SLURM_JOB_ROOT=$S/jobs
TRAINER_SLURM_JWT=$JWT_USER
TRAINER_SLURM_JWT_ROOT=$JWT_ROOT
TRAINER_SLURM_JWT_EXPIRES=$JWT_EXPIRES
TRAINER_SLURMRESTD_URL=http://127.0.0.1:$REST_PORT
TRAINER_SLURMRESTD_API=$API
TRAINER_SSH_HOST=127.0.0.1
TRAINER_SSH_PORT=$SSH_PORT
TRAINER_SSH_USER=$USER_NAME
TRAINER_SSH_KEY=$S/ssh/id_ed25519
TRAINER_SSH_HOST_FINGERPRINT=$HOST_FINGERPRINT
TRAINER_SSH_KNOWN_HOSTS=$KNOWN_HOSTS
TRAINER_SSH_KNOWN_HOSTS_FILE=$S/ssh/known_hosts
EOF
  } >"$f.slurm.tmp"
  mv -f "$f.slurm.tmp" "$f"
  log "env: $DIR/env (TRAINER_SLURM*, TRAINER_SSH_*)"
}

verify() {
  local vdir job_id out states code
  vdir=$(mktemp -d "$S/jobs/verify.XXXXXX")
  chown "$USER_NAME:" "$vdir"
  # shellcheck disable=SC2016 # $SLURM_ARRAY_TASK_ID is the job's, not ours
  job_id=$(setpriv --reuid="$USER_NAME" --regid="$USER_NAME" --init-groups \
    sbatch --parsable --job-name=trainer-infra-verify --array=0-2%2 --time=1 \
    --chdir="$vdir" --output="$vdir/out_%A_%a.log" --wrap='echo "task $SLURM_ARRAY_TASK_ID on $(hostname)"') ||
    die "verify: sbatch as $USER_NAME failed"
  job_id=${job_id%%;*}
  # sacct: slurmctld hands job records to slurmdbd asynchronously, so poll.
  local deadline=$((SECONDS + WAIT_SECONDS))
  until states=$(sacct -n -P -X -j "$job_id" --format=JobID,State,User) &&
    [[ $(grep -c "|COMPLETED|$USER_NAME\$" <<<"$states") == 3 ]]; do
    if ((SECONDS >= deadline)) || grep -Eq '\|(FAILED|CANCELLED|TIMEOUT|NODE_FAIL|OUT_OF_MEMORY)' <<<"$states"; then
      die "verify: sacct -X -j $job_id shows: ${states:-nothing} (outputs in $vdir)"
    fi
    sleep 0.3
  done
  out=$(cat "$vdir"/out_"${job_id}"_*.log 2>&1) || true
  [[ $(grep -c '^task [0-2] on ' <<<"$out") == 3 ]] || die "verify: job $job_id wrote: $out"
  code=$(http_code -H "X-SLURM-USER-NAME: $USER_NAME" -H "X-SLURM-USER-TOKEN: $JWT_USER" \
    "http://127.0.0.1:$REST_PORT/slurm/$API/jobs")
  [[ $code == 200 ]] || die "verify: GET /slurm/$API/jobs as $USER_NAME answered $code"
  out=$(ssh_trainer squeue -h) || die "verify: ssh $USER_NAME@127.0.0.1 -p $SSH_PORT squeue -h failed"
  rm -rf "$vdir"
  log "verify: array job $job_id (3 tasks as $USER_NAME) COMPLETED in sacct, REST jobs 200, ssh squeue: ok"
}

# ---------------------------------------------------------------- main

for p in "$REST_PORT" "$SSH_PORT" "$DB_PORT"; do
  [[ $p =~ ^[0-9]+$ ]] || die "ports must be numeric (got '$p')"
done
((EUID == 0)) || die "must run as root (starts Slurm daemons, creates users)"

install_packages
mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd -P)
S="$DIR/slurm"
mkdir -p "$S/etc" "$S/state" "$S/spool" "$S/run" "$S/log" "$S/ssh" "$S/jobs"
chmod 755 "$DIR" "$S" "$S/etc"
chmod 700 "$S/state"
chmod 755 "$S/ssh" # private keys are 0600; known_hosts and public keys readable
chmod 755 "$S/spool" # slurmstepd execs the job script from here as the job user
chmod 1777 "$S/jobs"
export SLURM_CONF="$S/etc/slurm.conf"

# Serialize with up.sh/down.sh (long-lived children are started with 8>&- 9>&-).
exec 9>"$DIR/.lock"
flock -w 300 9 || die "timed out waiting for $DIR/.lock"
START_DEADLINE=$((SECONDS + WAIT_SECONDS))

ensure_users
write_configs
start_munge
start_mariadb
start_slurmdbd
register_accounting
start_slurmctld
start_slurmd
mint_tokens
start_slurmrestd
ensure_ssh_keys
start_sshd
write_env
log "slurm: up in $(ms_since "$T0") ms (before the smoke test)"
if [[ $SKIP_VERIFY != 1 ]]; then
  T1=$(date +%s%N)
  verify
  log "slurm: smoke test took $(ms_since "$T1") ms"
fi
