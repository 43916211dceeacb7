# shellcheck shell=bash
# Shared by build-local-base.sh and check-image.sh (sourced, not run).
# Settings, all optional:
#   IMAGE_CACHE_DIR      where downloads and the Debian package cache are kept (default /var/cache/consent-extensions/image)
#   NODE_MAJOR           Node.js major version of the local base (default 24, the version the image ships)
#   LOCAL_BASE_IMAGE     name of the local base image (default localhost/node:24-bookworm-slim)
#   DEBIAN_MIRROR        Debian mirror for debootstrap and apt (default http://deb.debian.org/debian)
#   STORAGE_DRIVER       containers-storage driver for buildah and podman (default: theirs, overlay where the kernel
#                        allows it, else vfs)

IMAGE_CACHE_DIR=${IMAGE_CACHE_DIR:-/var/cache/consent-extensions/image}
NODE_MAJOR=${NODE_MAJOR:-24}
DEBIAN_SUITE=bookworm
DEBIAN_MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
DEBIAN_SECURITY_MIRROR=${DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
LOCAL_DEBIAN_IMAGE=${LOCAL_DEBIAN_IMAGE:-localhost/debian:${DEBIAN_SUITE}-slim}
LOCAL_BASE_IMAGE=${LOCAL_BASE_IMAGE:-localhost/node:${NODE_MAJOR}-${DEBIAN_SUITE}-slim}

log() { printf '== %s\n' "$*"; }
die() {
  printf 'FAILED: %s\n' "$*" >&2
  exit 1
}

# Seconds since the script started, with one decimal.
elapsed() { awk -v start="$SCRIPT_START" -v now="$(date +%s.%N)" 'BEGIN { printf "%.1f", now - start }'; }
SCRIPT_START=$(date +%s.%N)

# ensure_commands command:debian-package ... installs, with apt, the packages whose command (a name on PATH or an
# absolute path) is missing.
ensure_commands() {
  local pair missing=()
  for pair in "$@"; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
  done
  ((${#missing[@]} == 0)) && return 0
  [[ $(id -u) == 0 ]] || die "missing ${missing[*]}: install them (needs root)"
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Try with the package lists already on the machine first: an update costs seconds.
  if ! apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null 2>&1; then
    apt-get update -q >/dev/null
    apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

image_exists() { buildah inspect --type image "$1" >/dev/null 2>&1; }

# The Debian architecture name and the one Node.js uses for the same machine.
debian_arch() { dpkg --print-architecture; }
node_arch() {
  case "$(debian_arch)" in
    amd64) echo x64 ;;
    arm64) echo arm64 ;;
    ppc64el) echo ppc64le ;;
    s390x) echo s390x ;;
    *) die "no Node.js build for $(debian_arch)" ;;
  esac
}
