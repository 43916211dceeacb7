#!/usr/bin/env bash
# Builds the real container image from docker/Dockerfile and runs it, as CI does, on a host without an image registry:
#   1. the local base localhost/node:24-bookworm-slim (build-local-base.sh; kept between runs);
#   2. buildah bud docker/Dockerfile --build-arg NODE_IMAGE=<that base> (layers cached between runs);
#   3. the image size;
#   4. podman run with a read-only root filesystem (no tmpfs either) and a fresh volume for /app/data, published on
#      127.0.0.1 only: /health answers 200, the image's HEALTHCHECK passes, PID 1 is uid 1000 (not root), node is v24,
#      the four specification journeys pass against it (they write to the database under the read-only root);
#   5. SIGTERM (podman stop) ends it with exit code 0 well before the kill timeout, and nothing was logged as an error;
#   6. with CHECK_MYSQL_URL set (mysql://user:password@127.0.0.1:3306/database, an existing database reachable from
#      the host): the same on MySQL/MariaDB, configured as the compose files do (DATABASE_URL_FILE and
#      EXTENSION_BASIC_PASSWORD_FILE), with no writable path at all.
# Prints a summary; exits non-zero on the first failure. The containers and volumes it made are removed; the image
# stays (tagged IMAGE) for the next run's cache and for use.
#
# Usage (as root): scripts/image/check-image.sh
# Settings (optional): IMAGE (default localhost/consent-extensions:check), IMAGE_CONTEXT (build context, default the
# repository root), CHECK_NETWORK=bridge|host (host: the container shares the host's network and listens on
# 127.0.0.1 only, for hosts where podman's bridge network does not work), BUILD_CA_FILE (CA bundle npm trusts during
# the build; default the host's NODE_EXTRA_CA_CERTS or system bundle, for networks that inspect TLS), BUILD_NPMRC
# (an .npmrc for npm ci), and those of lib.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=scripts/image/lib.sh
source scripts/image/lib.sh

IMAGE=${IMAGE:-localhost/consent-extensions:check}
IMAGE_CONTEXT=${IMAGE_CONTEXT:-.}
CHECK_NETWORK=${CHECK_NETWORK:-bridge}
STOP_TIMEOUT=20
NAME="consent-extensions-check-$$"
VOLUME="${NAME}-data"
LOGS=$(mktemp -d)
RESULTS=()

pass() {
  RESULTS+=("ok    $*")
  log "ok: $*"
}
fail() {
  RESULTS+=("FAIL  $*")
  summary
  [[ -s $LOGS/container.log ]] && { echo "== container log (last 40 lines)"; tail -n 40 "$LOGS/container.log"; }
  die "$*"
}
summary() {
  echo "== image check summary (${IMAGE}, $(elapsed) s)"
  printf '   %s\n' "${RESULTS[@]}"
}

ensure_commands buildah:buildah podman:podman runc:runc curl:curl /usr/lib/podman/netavark:netavark iptables:iptables
# Podman's defaults ask the kernel for more than some hosts grant: runc with plain cgroupfs works with cgroup v1,
# hybrid and v2 hierarchies, and the limits below are those of this shell, which the container can always have.
PODMAN=(podman --runtime runc --cgroup-manager cgroupfs)
LIMITS=(--ulimit "nofile=$(ulimit -Sn):$(ulimit -Hn)" --ulimit "nproc=4096:4096")

cleanup() {
  "${PODMAN[@]}" rm -f -t 0 "$NAME" "${NAME}-mysql" >/dev/null 2>&1 || true
  "${PODMAN[@]}" volume rm -f "$VOLUME" >/dev/null 2>&1 || true
  rm -rf "$LOGS"
}
trap cleanup EXIT

# 1. The local base (a no-op when it exists).
scripts/image/build-local-base.sh
pass "local base ${LOCAL_BASE_IMAGE} ($(buildah inspect --type image --format '{{index .OCIv1.Config.Labels "org.opencontainers.image.version"}}' "$LOCAL_BASE_IMAGE"))"

# 2. The real Dockerfile, on that base.
BUILD=(buildah bud --isolation chroot --layers --format docker -f docker/Dockerfile
  --build-arg "NODE_IMAGE=${LOCAL_BASE_IMAGE}" -t "$IMAGE")
BUILD_CA_FILE=${BUILD_CA_FILE:-${NODE_EXTRA_CA_CERTS:-/etc/ssl/certs/ca-certificates.crt}}
[[ -r $BUILD_CA_FILE ]] && BUILD+=(--secret "id=build_ca,src=${BUILD_CA_FILE}")
[[ -n ${BUILD_NPMRC:-} ]] && BUILD+=(--secret "id=npmrc,src=${BUILD_NPMRC}")
log "building ${IMAGE} from docker/Dockerfile on ${LOCAL_BASE_IMAGE}"
build_start=$(date +%s)
if ! "${BUILD[@]}" "$IMAGE_CONTEXT" >"$LOGS/build.log" 2>&1; then
  tail -n 60 "$LOGS/build.log"
  fail "buildah bud docker/Dockerfile"
fi
pass "image built in $(($(date +%s) - build_start)) s ($(grep -c -- '--> Using cache' "$LOGS/build.log" || true) cached steps)"

# 3. Size: the whole image, and what the service adds to the Node.js base.
size_mb() { "${PODMAN[@]}" image inspect --format '{{.Size}}' "$1" | awk '{ printf "%.0f", $1 / 1000000 }'; }
IMAGE_MB=$(size_mb "$IMAGE")
BASE_MB=$(size_mb "$LOCAL_BASE_IMAGE")
pass "image size ${IMAGE_MB} MB (Node.js base ${BASE_MB} MB + service $((IMAGE_MB - BASE_MB)) MB), uncompressed"

CONFIG_USER=$("${PODMAN[@]}" image inspect --format '{{.Config.User}}' "$IMAGE")
[[ $CONFIG_USER == node ]] || fail "image user is '${CONFIG_USER}', expected node"
"${PODMAN[@]}" image inspect --format '{{.Config.Healthcheck.Test}}' "$IMAGE" | grep -q healthcheck.mjs ||
  fail "the image has no HEALTHCHECK"
"${PODMAN[@]}" image inspect --format '{{.Config.Env}}' "$IMAGE" | grep -q 'SEED_DEMO_DATA=false' ||
  fail "the image does not default to SEED_DEMO_DATA=false"

NODE_VERSION=$("${PODMAN[@]}" run --rm "${LIMITS[@]}" --network none --read-only --image-volume ignore "$IMAGE" node --version 2>>"$LOGS/podman.log") ||
  fail "node --version in the image"
[[ $NODE_VERSION == v24.* ]] || fail "node in the image is ${NODE_VERSION}, expected v24"
pass "node ${NODE_VERSION} in the image"

# Helpers for the runs below.
seconds_since() { awk -v start="$1" -v now="$(date +%s.%N)" 'BEGIN { printf "%.1f", now - start }'; }
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 20000))
    (: >"/dev/tcp/127.0.0.1/${port}") 2>/dev/null || { echo "$port"; return; }
  done
}
# start_container NAME podman-run-options...: starts the image; sets URL (from the host) and INNER_URL (from inside).
# When podman's bridge network cannot be set up on this host, it falls back to the host's network, on 127.0.0.1.
start_container() {
  local name=$1 port network
  shift
  RUN_START=$(date +%s.%N)
  if [[ $CHECK_NETWORK == host ]]; then
    port=$(free_port)
    network=(--network host -e HOST=127.0.0.1 -e "PORT=${port}")
  else
    network=(-p 127.0.0.1::3000)
  fi
  # Podman says on stderr that it cannot schedule health checks without systemd; the check runs them itself.
  if ! "${PODMAN[@]}" run -d --name "$name" "${LIMITS[@]}" --read-only --read-only-tmpfs=false \
    --health-interval=disable --stop-timeout "$STOP_TIMEOUT" -e EXTENSION_BASIC_USER=check -e SEED_DEMO_DATA=true \
    "${network[@]}" "$@" "$IMAGE" >/dev/null 2>>"$LOGS/podman.log"; then
    "${PODMAN[@]}" rm -f -t 0 "$name" >/dev/null 2>&1 || true
    if [[ $CHECK_NETWORK == host ]]; then
      cat "$LOGS/podman.log"
      fail "podman run"
    fi
    log "podman's bridge network failed ($(grep -m 1 '^Error' "$LOGS/podman.log" || true)); using the host's network"
    CHECK_NETWORK=host
    start_container "$name" "$@"
    return
  fi
  if [[ $CHECK_NETWORK == host ]]; then
    URL="http://127.0.0.1:${port}"
    INNER_URL=$URL
  else
    URL="http://127.0.0.1:$("${PODMAN[@]}" port "$name" 3000/tcp | head -n 1 | sed 's/.*://')"
    INNER_URL=http://127.0.0.1:3000
  fi
}
# wait_healthy NAME: polls GET /health from the host for up to 60 s (a loaded 2-core machine needs 10-20 s); sets
# HEALTH to its answer.
wait_healthy() {
  HEALTH=
  for _ in $(seq 1 240); do
    if HEALTH=$(curl -fsS --max-time 2 "${URL}/health" 2>/dev/null); then break; fi
    HEALTH=
    [[ $("${PODMAN[@]}" inspect --format '{{.State.Running}}' "$1") == true ]] || break
    sleep 0.25
  done
  "${PODMAN[@]}" logs "$1" >"$LOGS/container.log" 2>&1 || true
  [[ -n $HEALTH ]] || fail "GET ${URL}/health did not answer 200 within 60 s"
  READY_S=$(seconds_since "$RUN_START")
}
# journeys NAME SPEC...: the journeys of those specifications, run by the image's own journey tool against it.
journeys() {
  local name=$1 spec
  shift
  for spec in "$@"; do
    if ! "${PODMAN[@]}" exec -e EXTENSION_BASIC_USER=check -e "EXTENSION_BASIC_PASSWORD=${PASSWORD}" "$name" \
      node dist/libs/testing/src/cli/journey.js --spec "$spec" --base-url "$INNER_URL" >"$LOGS/journey.log" 2>&1; then
      cat "$LOGS/journey.log"
      "${PODMAN[@]}" logs "$name" >"$LOGS/container.log" 2>&1 || true
      fail "the ${spec} journey against the image"
    fi
  done
}
# stop_gracefully NAME: SIGTERM through podman stop (SIGKILL after STOP_TIMEOUT s); exit code 0, no error logged.
stop_gracefully() {
  local start exit_code
  start=$(date +%s.%N)
  "${PODMAN[@]}" stop -t "$STOP_TIMEOUT" "$1" >/dev/null 2>>"$LOGS/podman.log"
  STOP_S=$(seconds_since "$start")
  exit_code=$("${PODMAN[@]}" inspect --format '{{.State.ExitCode}}' "$1")
  "${PODMAN[@]}" logs "$1" >"$LOGS/container.log" 2>&1 || true
  [[ $exit_code == 0 ]] || fail "after SIGTERM the service exited with ${exit_code}, expected 0"
  grep -q 'Stopping on SIGTERM' "$LOGS/container.log" || fail "the service did not log its SIGTERM shutdown"
  awk -v s="$STOP_S" -v t="$STOP_TIMEOUT" 'BEGIN { exit !(s < t / 2) }' || fail "SIGTERM took ${STOP_S} s"
  if grep -q '"level":[56]0' "$LOGS/container.log"; then
    grep '"level":[56]0' "$LOGS/container.log" | head -n 5
    fail "the service logged errors"
  fi
}

# 4. Run it: read-only root filesystem without any tmpfs, a fresh volume for /app/data, SQLite (the image's default
# database). As .ci/run does for the service it starts, the check seeds the demo bank (the journeys need its
# customers), trusts the UK journey's demo TPP key and holds the UAE journey's demo PII key, both made by the image's
# own journey fixtures: the trust file is written into the volume, the key printed.
PASSWORD="check-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
"${PODMAN[@]}" volume create "$VOLUME" >/dev/null
UAE_KEY=$("${PODMAN[@]}" run --rm "${LIMITS[@]}" --network none --read-only -v "${VOLUME}:/app/data" "$IMAGE" \
  node --input-type=module -e "
    import { writeFileSync } from 'node:fs';
    const { ukJourneyTrustFile } = await import('/app/dist/libs/testing/src/journeys/uk-journey-fixtures.js');
    const { uaeJourneyPiiDecryptionKey } = await import('/app/dist/libs/testing/src/journeys/uae-journey-fixtures.js');
    writeFileSync('/app/data/uk-trust.json', JSON.stringify(ukJourneyTrustFile()));
    process.stdout.write(uaeJourneyPiiDecryptionKey());" 2>>"$LOGS/podman.log") ||
  fail "the journeys' demo keys from the image's fixtures"

start_container "$NAME" -v "${VOLUME}:/app/data" -e "EXTENSION_BASIC_PASSWORD=${PASSWORD}" \
  -e UK_JWS_TRUST_FILE=/app/data/uk-trust.json -e "UAE_PII_DECRYPTION_KEY=${UAE_KEY}"
wait_healthy "$NAME"
pass "GET /health answered 200 ${READY_S} s after start: ${HEALTH}"

"${PODMAN[@]}" healthcheck run "$NAME" >/dev/null 2>>"$LOGS/podman.log" || fail "the image's HEALTHCHECK (podman healthcheck run)"
pass "the image's HEALTHCHECK passes (status $("${PODMAN[@]}" inspect --format '{{.State.Health.Status}}' "$NAME"))"

# shellcheck disable=SC2016 # expanded by the container's shell
PID1=$("${PODMAN[@]}" exec "$NAME" sh -c 'echo "$(awk "/^Uid:/ { print \$2 }" /proc/1/status) $(tr "\0" " " </proc/1/cmdline)"')
[[ $PID1 == "1000 node "* ]] || fail "PID 1 is '${PID1}', expected uid 1000 running node"
pass "PID 1 is node as uid 1000 (non-root): ${PID1% }"

if "${PODMAN[@]}" exec "$NAME" sh -c 'touch /app/probe || touch /tmp/probe' 2>/dev/null; then
  fail "the root filesystem is writable"
fi
journeys "$NAME" default uk berlin uae
DATA_FILES=$("${PODMAN[@]}" exec "$NAME" ls /app/data | tr '\n' ' ')
[[ $DATA_FILES == *consent-extensions.sqlite* ]] || fail "no SQLite database in /app/data (${DATA_FILES})"
pass "journeys default, uk, berlin, uae pass on a read-only root filesystem (in the volume: ${DATA_FILES% })"

# 5. SIGTERM.
stop_gracefully "$NAME"
pass "SIGTERM: graceful shutdown, exit code 0 after ${STOP_S} s, no error logged"

# 6. Optional: the same image on MySQL/MariaDB, configured as the compose files do (DATABASE_URL_FILE and
# EXTENSION_BASIC_PASSWORD_FILE, secrets mounted under /run/secrets), with /app/data read-only as well: with such a
# database the service writes nothing at all. CHECK_MYSQL_URL must be reachable from the host (host network).
if [[ -n ${CHECK_MYSQL_URL:-} ]]; then
  printf '%s' "$CHECK_MYSQL_URL" >"$LOGS/database_url"
  printf '%s' "$PASSWORD" >"$LOGS/extension_basic_password"
  chmod 644 "$LOGS/database_url" "$LOGS/extension_basic_password"
  SAVED_NETWORK=$CHECK_NETWORK
  CHECK_NETWORK=host
  start_container "${NAME}-mysql" --image-volume ignore \
    -v "$LOGS/database_url:/run/secrets/database_url:ro" -e DATABASE_URL_FILE=/run/secrets/database_url \
    -v "$LOGS/extension_basic_password:/run/secrets/extension_basic_password:ro" \
    -e EXTENSION_BASIC_PASSWORD_FILE=/run/secrets/extension_basic_password -e "UAE_PII_DECRYPTION_KEY=${UAE_KEY}"
  wait_healthy "${NAME}-mysql"
  journeys "${NAME}-mysql" default berlin uae
  stop_gracefully "${NAME}-mysql"
  CHECK_NETWORK=$SAVED_NETWORK
  pass "on ${CHECK_MYSQL_URL%%://*} through DATABASE_URL_FILE, nothing writable at all: healthy after ${READY_S} s, journeys default, berlin, uae pass, SIGTERM exit 0"
fi

# Images of earlier builds that nothing uses any more (layers of the current build stay as cache).
"${PODMAN[@]}" image prune -f --filter until=72h >/dev/null 2>&1 || true

summary
echo "== image check passed"
