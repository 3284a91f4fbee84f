#!/usr/bin/env bash
# Start the real test infrastructure on loopback only (idempotent):
#   - a private dockerd on a unix socket under $TRAINER_INFRA_DIR
#   - an open docker-registry (distribution v2) on 127.0.0.1:$TRAINER_INFRA_REGISTRY_PORT
#   - a basic-auth docker-registry on 127.0.0.1:$TRAINER_INFRA_AUTH_REGISTRY_PORT
#   - the base image trainer-test/busybox:latest (FROM scratch + static busybox)
# and write $TRAINER_INFRA_DIR/env (KEY=value lines) for the tests; then runs slurm-up.sh
# (a single-node Slurm cluster, slurmrestd and an sshd on loopback; it adds its own env lines).
#
# Running it again reuses whatever is already healthy. Stop with down.sh.
#
# Environment (all optional):
#   TRAINER_INFRA_DIR                 state directory   (default /tmp/trainer-infra)
#   TRAINER_INFRA_REGISTRY_PORT       open registry     (default 5100)
#   TRAINER_INFRA_AUTH_REGISTRY_PORT  auth registry     (default 5101)
#   TRAINER_INFRA_WAIT_SECONDS        startup timeout   (default 60)
#   TRAINER_INFRA_SKIP_VERIFY=1       skip the smoke tests (here and in slurm-up.sh)
#   TRAINER_INFRA_SKIP_SLURM=1        do not run slurm-up.sh (its env lines are then dropped)
set -euo pipefail

DIR="${TRAINER_INFRA_DIR:-/tmp/trainer-infra}"
REGISTRY_PORT="${TRAINER_INFRA_REGISTRY_PORT:-5100}"
AUTH_REGISTRY_PORT="${TRAINER_INFRA_AUTH_REGISTRY_PORT:-5101}"
WAIT_SECONDS="${TRAINER_INFRA_WAIT_SECONDS:-60}"
SKIP_VERIFY="${TRAINER_INFRA_SKIP_VERIFY:-0}"
AUTH_USER=trainer
BASE_IMAGE=trainer-test/busybox:latest
BUSYBOX=/bin/busybox
VERIFY_REPO=trainer-infra-verify

# shellcheck source=test/infra/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
die() {
  printf 'up.sh: error: %s\n' "$*" >&2
  exit 1
}

# ---------------------------------------------------------------- packages

install_packages() {
  local pkgs=()
  command -v dockerd >/dev/null 2>&1 || pkgs+=(docker.io)
  command -v docker-registry >/dev/null 2>&1 || [[ -x /usr/bin/docker-registry ]] || pkgs+=(docker-registry)
  if ! dpkg-query -W -f='${Status}' busybox-static 2>/dev/null | grep -q 'ok installed' || [[ ! -x $BUSYBOX ]]; then
    pkgs+=(busybox-static)
  fi
  command -v htpasswd >/dev/null 2>&1 || pkgs+=(apache2-utils)
  command -v curl >/dev/null 2>&1 || pkgs+=(curl)
  # the quick start's image is built from this machine's Python (test/e2e/quickstart.e2e.test.ts)
  command -v python3 >/dev/null 2>&1 || pkgs+=(python3)
  # the job scripts the Slurm backend renders are checked with it (test/unit/backends/slurm-script.test.ts)
  command -v shellcheck >/dev/null 2>&1 || pkgs+=(shellcheck)
  # mermaid-cli draws the report's charts in it (test/e2e/report-charts.e2e.test.ts); 25 packages without recommends
  [[ -x /usr/bin/chromium ]] || pkgs+=(chromium)
  if ((${#pkgs[@]} > 0)); then
    log "apt: installing ${pkgs[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
  fi
  command -v docker >/dev/null 2>&1 || die "no docker client in PATH"
}

# ---------------------------------------------------------------- helpers


stop_pid() {
  local pid=$1 i
  kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < 100; i++)); do
    alive "$pid" || return 0
    sleep 0.2
  done
  kill -KILL "$pid" 2>/dev/null || true
}

dk() {
  env -u DOCKER_CONTEXT -u DOCKER_TLS_VERIFY -u DOCKER_CERT_PATH \
    DOCKER_HOST="unix://$DIR/docker.sock" DOCKER_CONFIG="$DIR/docker-client" \
    DOCKER_BUILDKIT=0 docker "$@"
}

docker_ok() { dk info >/dev/null 2>&1; }

http_code() {
  curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$@" 2>/dev/null || true
}

# ---------------------------------------------------------------- dockerd

start_dockerd() {
  local pid launched deadline
  if pid=$(running_pid "$DIR/dockerd.pid" "$DIR/docker.sock"); then
    deadline=$((SECONDS + WAIT_SECONDS))
    until docker_ok; do
      ((SECONDS < deadline)) || die "dockerd (pid $pid) is running but not answering; see $DIR/dockerd.log"
      sleep 0.5
    done
    log "dockerd: reused (pid $pid) unix://$DIR/docker.sock"
    return
  fi
  if docker_ok; then
    die "$DIR/docker.sock is served by a dockerd not started by up.sh; stop it first"
  fi
  rm -f "$DIR/dockerd.pid" "$DIR/docker.sock"
  [[ -f $DIR/dockerd.log ]] && mv -f "$DIR/dockerd.log" "$DIR/dockerd.log.1"
  # --bridge=none / --iptables=false / --ip6tables=false: do not create docker0
  # or touch the host firewall. Containers (and legacy-builder RUN steps) get a
  # loopback-only network namespace, which is all the tests need.
  setsid nohup dockerd \
    --host "unix://$DIR/docker.sock" \
    --data-root "$DIR/docker-data" \
    --exec-root "$DIR/docker-exec" \
    --pidfile "$DIR/dockerd.pid" \
    --bridge=none --iptables=false --ip6tables=false \
    >"$DIR/dockerd.log" 2>&1 </dev/null 9>&- &
  launched=$!
  deadline=$((SECONDS + WAIT_SECONDS))
  until docker_ok; do
    if ! alive "$launched" || ((SECONDS >= deadline)); then
      tail -n 40 "$DIR/dockerd.log" >&2 || true
      die "dockerd did not become ready (log: $DIR/dockerd.log)"
    fi
    sleep 0.3
  done
  log "dockerd: started (pid $launched) unix://$DIR/docker.sock"
}

# ---------------------------------------------------------------- registries

write_htpasswd() {
  local pwfile="$DIR/auth-password" htfile="$DIR/registry-auth/htpasswd"
  if [[ ! -s $pwfile ]]; then
    (umask 077 && od -An -N16 -tx1 /dev/urandom | tr -d ' \n' >"$pwfile")
  fi
  AUTH_PASSWORD=$(<"$pwfile")
  [[ $AUTH_PASSWORD =~ ^[A-Za-z0-9._-]+$ ]] || die "$pwfile must hold a plain [A-Za-z0-9._-] password"
  if [[ ! -s $htfile ]] || ! htpasswd -vb "$htfile" "$AUTH_USER" "$AUTH_PASSWORD" >/dev/null 2>&1; then
    (umask 077 && htpasswd -Bbn "$AUTH_USER" "$AUTH_PASSWORD" >"$htfile.tmp")
    mv -f "$htfile.tmp" "$htfile"
    HTPASSWD_CHANGED=1
  fi
}

registry_config() {
  local name=$1 port=$2
  cat <<EOF
version: 0.1
log:
  level: info
  formatter: text
storage:
  filesystem:
    rootdirectory: $DIR/registry-$name/data
  delete:
    enabled: true
  redirect:
    disable: true
http:
  addr: 127.0.0.1:$port
  secret: trainer-test-registry-$name
  headers:
    X-Content-Type-Options: [nosniff]
EOF
  if [[ $name == auth ]]; then
    cat <<EOF
auth:
  htpasswd:
    realm: trainer-test
    path: $DIR/registry-auth/htpasswd
EOF
  fi
}

# start_registry NAME PORT EXPECTED_V2_STATUS
start_registry() {
  local name=$1 port=$2 want=$3 pid launched code deadline changed=0
  local rdir="$DIR/registry-$name"
  local conf="$rdir/config.yml" pidfile="$rdir/registry.pid"
  mkdir -p "$rdir/data"
  registry_config "$name" "$port" >"$conf.new"
  if ! cmp -s "$conf.new" "$conf"; then
    mv -f "$conf.new" "$conf"
    changed=1
  else
    rm -f "$conf.new"
  fi
  [[ $name == auth && ${HTPASSWD_CHANGED:-0} == 1 ]] && changed=1

  if pid=$(running_pid "$pidfile" "$conf"); then
    if ((changed)); then
      stop_pid "$pid"
      rm -f "$pidfile"
    else
      deadline=$((SECONDS + WAIT_SECONDS))
      until [[ $(http_code "http://127.0.0.1:$port/v2/") == "$want" ]]; do
        ((SECONDS < deadline)) || die "registry $name (pid $pid) not answering $want on 127.0.0.1:$port"
        sleep 0.3
      done
      log "registry ($name): reused (pid $pid) 127.0.0.1:$port"
      return
    fi
  fi
  code=$(http_code "http://127.0.0.1:$port/v2/")
  [[ $code == 000 ]] || die "127.0.0.1:$port is already in use by another process (HTTP $code)"

  [[ -f $rdir/registry.log ]] && mv -f "$rdir/registry.log" "$rdir/registry.log.1"
  setsid nohup "$REGISTRY_BIN" serve "$conf" >"$rdir/registry.log" 2>&1 </dev/null 9>&- &
  launched=$!
  printf '%s\n' "$launched" >"$pidfile"
  deadline=$((SECONDS + WAIT_SECONDS))
  until [[ $(http_code "http://127.0.0.1:$port/v2/") == "$want" ]]; do
    if ! alive "$launched" || ((SECONDS >= deadline)); then
      tail -n 20 "$rdir/registry.log" >&2 || true
      die "registry $name did not answer $want on 127.0.0.1:$port (log: $rdir/registry.log)"
    fi
    sleep 0.2
  done
  log "registry ($name): started (pid $launched) 127.0.0.1:$port"
}

# ---------------------------------------------------------------- images

build_base_image() {
  if dk image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
    log "base image: reused $BASE_IMAGE"
    return
  fi
  local ctx
  ctx=$(mktemp -d "$DIR/base-ctx.XXXXXX")
  cp "$BUSYBOX" "$ctx/busybox"
  cat >"$ctx/Dockerfile" <<'EOF'
FROM scratch
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
RUN mkdir -p /tmp /root /etc && chmod 1777 /tmp \
 && echo 'root:x:0:0:root:/root:/bin/sh' > /etc/passwd \
 && echo 'root:x:0:' > /etc/group
CMD ["/bin/sh"]
EOF
  if ! dk build -t "$BASE_IMAGE" "$ctx" >"$DIR/base-build.log" 2>&1; then
    cat "$DIR/base-build.log" >&2
    rm -rf "$ctx"
    die "building $BASE_IMAGE failed"
  fi
  rm -rf "$ctx"
  log "base image: built $BASE_IMAGE"
}

# HEAD a manifest; prints the HTTP status. Extra args go to curl.
manifest_head() {
  local reg=$1 repo=$2 ref=$3
  shift 3
  http_code -I "$@" \
    -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
    "http://$reg/v2/$repo/manifests/$ref"
}

delete_manifest() {
  local reg=$1 repo=$2 ref=$3 digest
  shift 3
  digest=$(curl -s -I --max-time 5 "$@" \
    -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
    "http://$reg/v2/$repo/manifests/$ref" |
    tr -d '\r' | awk -F': ' 'tolower($1) == "docker-content-digest" {print $2}')
  [[ -n $digest ]] || return 0
  curl -s -o /dev/null -X DELETE --max-time 5 "$@" "http://$reg/v2/$repo/manifests/$digest" || true
}

verify() {
  local open="127.0.0.1:$REGISTRY_PORT" auth="127.0.0.1:$AUTH_REGISTRY_PORT"
  local tag="up-$$" vlog="$DIR/verify.log" ctx img
  local -a cred=(-u "$AUTH_USER:$AUTH_PASSWORD")
  img="$VERIFY_REPO:$tag"
  ctx=$(mktemp -d "$DIR/verify-ctx.XXXXXX")
  printf 'FROM %s\nRUN echo hi > /hi.txt && cat /hi.txt\n' "$BASE_IMAGE" >"$ctx/Dockerfile"
  : >"$vlog"
  fail() {
    cat "$vlog" >&2
    die "verification failed: $*"
  }
  dk build --no-cache -t "$img" "$ctx" >>"$vlog" 2>&1 || fail "docker build"
  rm -rf "$ctx"
  grep -qx 'hi' "$vlog" || fail "RUN step output missing"
  dk tag "$img" "$open/$img"
  dk tag "$img" "$auth/$img"
  dk push "$open/$img" >>"$vlog" 2>&1 || fail "push to $open"
  printf '%s\n' "$AUTH_PASSWORD" |
    dk login -u "$AUTH_USER" --password-stdin "$auth" >>"$vlog" 2>&1 || fail "login to $auth"
  dk push "$auth/$img" >>"$vlog" 2>&1 || fail "push to $auth"
  dk logout "$auth" >/dev/null 2>&1 || true

  [[ $(manifest_head "$open" "$VERIFY_REPO" "$tag") == 200 ]] || fail "HEAD pushed tag on $open"
  [[ $(manifest_head "$open" "$VERIFY_REPO" missing-tag) == 404 ]] || fail "HEAD missing tag on $open"
  [[ $(manifest_head "$auth" "$VERIFY_REPO" "$tag") == 401 ]] || fail "unauthenticated HEAD on $auth"
  [[ $(manifest_head "$auth" "$VERIFY_REPO" "$tag" "${cred[@]}") == 200 ]] || fail "HEAD pushed tag on $auth"
  [[ $(manifest_head "$auth" "$VERIFY_REPO" missing-tag "${cred[@]}") == 404 ]] || fail "HEAD missing tag on $auth"

  delete_manifest "$open" "$VERIFY_REPO" "$tag"
  delete_manifest "$auth" "$VERIFY_REPO" "$tag" "${cred[@]}"
  dk rmi "$img" "$open/$img" "$auth/$img" >/dev/null 2>&1 || true
  log "verify: build (RUN), push to $open and $auth (login), manifest HEAD: ok"
}

write_env() {
  cat >"$DIR/env.tmp" <<EOF
DOCKER_HOST=unix://$DIR/docker.sock
TRAINER_TEST_REGISTRY=127.0.0.1:$REGISTRY_PORT
TRAINER_TEST_AUTH_REGISTRY=127.0.0.1:$AUTH_REGISTRY_PORT
TRAINER_TEST_AUTH_USER=$AUTH_USER
TRAINER_TEST_AUTH_PASSWORD=$AUTH_PASSWORD
TRAINER_TEST_BASE_IMAGE=$BASE_IMAGE
EOF
  mv -f "$DIR/env.tmp" "$DIR/env"
  log "env: $DIR/env"
}

# ---------------------------------------------------------------- main

[[ $REGISTRY_PORT =~ ^[0-9]+$ && $AUTH_REGISTRY_PORT =~ ^[0-9]+$ ]] || die "registry ports must be numeric"
[[ $REGISTRY_PORT != "$AUTH_REGISTRY_PORT" ]] || die "the two registry ports must differ"

install_packages
REGISTRY_BIN=$(command -v docker-registry || printf '/usr/bin/docker-registry')

mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd -P)
# containerd's sockets live under $DIR/docker-exec; unix socket paths max ~107 bytes.
((${#DIR} <= 60)) || die "TRAINER_INFRA_DIR path is too long (${#DIR} > 60 chars)"
mkdir -p "$DIR/registry-open" "$DIR/registry-auth" "$DIR/docker-client"

# Serialize concurrent runs (long-lived children are started with 9>&- so they
# do not inherit, and hold, this lock).
exec 9>"$DIR/.lock"
flock -w 300 9 || die "timed out waiting for $DIR/.lock"

AUTH_PASSWORD=
HTPASSWD_CHANGED=0
write_htpasswd
start_dockerd
start_registry open "$REGISTRY_PORT" 200
start_registry auth "$AUTH_REGISTRY_PORT" 401
build_base_image
if [[ $SKIP_VERIFY != 1 ]]; then
  verify
fi
write_env

# slurm-up.sh takes $DIR/.lock itself: release ours first.
exec 9>&-
if [[ ${TRAINER_INFRA_SKIP_SLURM:-0} != 1 ]]; then
  bash "$(dirname "${BASH_SOURCE[0]}")/slurm-up.sh"
fi
