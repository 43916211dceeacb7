#!/usr/bin/env bash
# Builds localhost/node:24-bookworm-slim, a local equivalent of the official node:24-bookworm-slim image, for hosts
# that reach the npm registry and a Debian mirror but no image registry (so `FROM node:…` cannot be pulled):
#   1. localhost/debian:bookworm-slim: debootstrap --variant=minbase bookworm, slimmed as debian:bookworm-slim is
#      (no documentation, manual pages or translations; apt cleans its caches), with the bookworm, bookworm-updates and
#      bookworm-security sources, brought up to date;
#   2. on it, node-base.Containerfile: Node.js from the npm package node-linux-<arch>@24 (the official build), npm and
#      corepack at the versions that Node.js release bundles and yarn 1, all from the npm registry; the `node` user.
# Then the project's Dockerfile builds on it with --build-arg NODE_IMAGE=localhost/node:24-bookworm-slim.
#
# Usage: scripts/image/build-local-base.sh [--force]   (as root: debootstrap and the image store need it)
# An image already built is kept (nothing is downloaded); --force rebuilds both images. Settings: see lib.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=scripts/image/lib.sh
source scripts/image/lib.sh

FORCE=false
[[ ${1:-} == --force ]] && FORCE=true

ensure_commands debootstrap:debootstrap buildah:buildah npm:npm
mkdir -p "$IMAGE_CACHE_DIR"

if ! $FORCE && image_exists "$LOCAL_BASE_IMAGE"; then
  log "local base ${LOCAL_BASE_IMAGE} already built ($(buildah inspect --type image --format '{{index .OCIv1.Config.Labels "org.opencontainers.image.version"}}' "$LOCAL_BASE_IMAGE")); --force rebuilds it"
  exit 0
fi

WORK=$(mktemp -d "${IMAGE_CACHE_DIR}/build.XXXXXX")
CONTAINER=
cleanup() {
  [[ -n $CONTAINER ]] && buildah rm "$CONTAINER" >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT

build_debian_image() {
  local rootfs="$WORK/rootfs"
  log "debootstrap --variant=minbase ${DEBIAN_SUITE} from ${DEBIAN_MIRROR}"
  mkdir -p "$IMAGE_CACHE_DIR/debs"
  # The downloaded packages are kept in the cache directory: a rebuild then downloads nothing.
  if ! debootstrap --variant=minbase --cache-dir="$IMAGE_CACHE_DIR/debs" "$DEBIAN_SUITE" "$rootfs" "$DEBIAN_MIRROR" \
    >"$WORK/debootstrap.log" 2>&1; then
    tail -n 30 "$WORK/debootstrap.log" >&2
    die "debootstrap failed"
  fi

  # Sources as in debian:bookworm-slim, so that images built on it get security updates.
  rm -f "$rootfs/etc/apt/sources.list"
  cat >"$rootfs/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: ${DEBIAN_MIRROR}
Suites: ${DEBIAN_SUITE} ${DEBIAN_SUITE}-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: ${DEBIAN_SECURITY_MIRROR}
Suites: ${DEBIAN_SUITE}-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  # Slim: dpkg no longer installs documentation, manual pages or translations (copyright files stay)...
  cat >"$rootfs/etc/dpkg/dpkg.cfg.d/slim-image" <<'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/lintian/overrides/*
path-exclude /usr/share/locale/*
path-exclude /usr/share/man/*
EOF
  # ...and those already installed go.
  find "$rootfs/usr/share/doc" -mindepth 1 ! -type d ! -name copyright -delete
  find "$rootfs/usr/share/doc" -mindepth 1 -type d -empty -delete
  rm -rf "$rootfs"/usr/share/{groff,info,linda,locale,man}/* "$rootfs/usr/share/lintian/overrides"
  # apt keeps no package files, binary caches or translations in the image.
  cat >"$rootfs/etc/apt/apt.conf.d/slim-image" <<'EOF'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
Acquire::Languages "none";
Acquire::GzipIndexes "true";
Acquire::CompressionTypes::Order:: "gz";
Apt::AutoRemove::SuggestsImportant "false";
EOF
  # Packages installed in a container never start services.
  printf '#!/bin/sh\nexit 101\n' >"$rootfs/usr/sbin/policy-rc.d"
  chmod 755 "$rootfs/usr/sbin/policy-rc.d"
  # Nothing of the building host: its resolver and name, logs, caches.
  rm -f "$rootfs/etc/resolv.conf" "$rootfs/etc/hostname"
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/log/* "$rootfs"/tmp/*
  : >"$rootfs/etc/machine-id"

  tar --numeric-owner --xattrs -C "$rootfs" --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' \
    -cf "$WORK/rootfs.tar" .
  rm -rf "$rootfs"

  log "image ${LOCAL_DEBIAN_IMAGE}: root filesystem, then the latest bookworm updates"
  CONTAINER=$(buildah from scratch)
  buildah add --quiet "$CONTAINER" "$WORK/rootfs.tar" / >/dev/null
  rm -f "$WORK/rootfs.tar"
  buildah run --isolation chroot "$CONTAINER" -- sh -ec \
    'apt-get update -q >/dev/null; DEBIAN_FRONTEND=noninteractive apt-get dist-upgrade -y -q >/dev/null; apt-get clean; rm -rf /var/lib/apt/lists/* /var/log/apt/* /var/log/dpkg.log /tmp/*'
  buildah config --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin --cmd bash \
    --label "org.opencontainers.image.description=Debian ${DEBIAN_SUITE} (debootstrap minbase, slimmed)" "$CONTAINER"
  buildah commit --quiet --rm "$CONTAINER" "$LOCAL_DEBIAN_IMAGE" >/dev/null
  CONTAINER=
}

if $FORCE || ! image_exists "$LOCAL_DEBIAN_IMAGE"; then
  build_debian_image
else
  log "Debian base ${LOCAL_DEBIAN_IMAGE} already built"
fi

# Node.js, npm, corepack and yarn from the npm registry. node-linux-<arch> is the official Node.js build (bin/node and
# include/ of the nodejs.org tarball); npm and corepack come at the versions that Node.js release bundles, read from
# its changelog.
ARCH=$(node_arch)
CONTEXT="$WORK/context"
DOWNLOADS="$WORK/downloads"
mkdir -p "$CONTEXT/usr-local/lib/node_modules" "$CONTEXT/opt" "$DOWNLOADS"
log "npm pack node-linux-${ARCH}@${NODE_MAJOR}"
NODE_TGZ=$(cd "$DOWNLOADS" && npm pack --silent "node-linux-${ARCH}@${NODE_MAJOR}" | tail -n 1)
tar -xzf "$DOWNLOADS/$NODE_TGZ" -C "$CONTEXT/usr-local" --strip-components=1 --no-same-owner \
  package/bin package/include package/share
NODE_VERSION=$(tar -xzOf "$DOWNLOADS/$NODE_TGZ" package/package.json | sed -n 's/^  "version": "\(.*\)",$/\1/p')
[[ $NODE_VERSION == "${NODE_MAJOR}".* ]] || die "node-linux-${ARCH}@${NODE_MAJOR} gave version '${NODE_VERSION}'"
tar -xzOf "$DOWNLOADS/$NODE_TGZ" package/CHANGELOG.md >"$WORK/CHANGELOG.md"
NPM_VERSION=${NPM_VERSION:-$(grep -m 1 -oE 'upgrade npm to [0-9]+\.[0-9]+\.[0-9]+' "$WORK/CHANGELOG.md" | awk '{ print $4 }' || true)}
COREPACK_VERSION=${COREPACK_VERSION:-$(grep -m 1 -oE 'update corepack to [0-9]+\.[0-9]+\.[0-9]+' "$WORK/CHANGELOG.md" | awk '{ print $4 }' || true)}
YARN_VERSION=${YARN_VERSION:-1.22.22}
# As the official image: only the OpenSSL headers of this architecture (the others weigh 30+ MB).
case "$ARCH" in
  x64) OPENSSL_ARCH=linux-x86_64 ;;
  arm64) OPENSSL_ARCH=linux-aarch64 ;;
  ppc64le) OPENSSL_ARCH=linux-ppc64le ;;
  s390x) OPENSSL_ARCH=linux64-s390x ;;
esac
find "$CONTEXT/usr-local/include/node/openssl/archs" -mindepth 1 -maxdepth 1 ! -name "$OPENSSL_ARCH" -exec rm -rf {} +

log "npm pack npm@${NPM_VERSION:-11} corepack@${COREPACK_VERSION:-latest} yarn@${YARN_VERSION}"
for spec in "npm@${NPM_VERSION:-11}" "corepack@${COREPACK_VERSION:-latest}" "yarn@${YARN_VERSION}"; do
  name=${spec%@*}
  tgz=$(cd "$DOWNLOADS" && npm pack --silent "$spec" | tail -n 1)
  if [[ $name == yarn ]]; then
    target="$CONTEXT/opt/yarn-v${YARN_VERSION}"
  else
    target="$CONTEXT/usr-local/lib/node_modules/$name"
  fi
  mkdir -p "$target"
  tar -xzf "$DOWNLOADS/$tgz" -C "$target" --strip-components=1 --no-same-owner
done
cp scripts/image/docker-entrypoint.sh "$CONTEXT/"
chmod -R u+rwX,go+rX,go-w "$CONTEXT"

log "image ${LOCAL_BASE_IMAGE}: Node.js ${NODE_VERSION}, npm ${NPM_VERSION:-11}, corepack ${COREPACK_VERSION:-latest}, yarn ${YARN_VERSION}"
buildah bud --quiet --isolation chroot --layers=false \
  -f scripts/image/node-base.Containerfile \
  --build-arg "DEBIAN_IMAGE=${LOCAL_DEBIAN_IMAGE}" \
  --build-arg "NODE_VERSION=${NODE_VERSION}" \
  --build-arg "YARN_VERSION=${YARN_VERSION}" \
  --label "org.opencontainers.image.version=${NODE_VERSION}" \
  --label "org.opencontainers.image.description=Local equivalent of node:${NODE_MAJOR}-${DEBIAN_SUITE}-slim" \
  -t "$LOCAL_BASE_IMAGE" "$CONTEXT" >/dev/null

log "local base ${LOCAL_BASE_IMAGE} built in $(elapsed) s"
