#!/usr/bin/env bash
# Installs the Debian packages given as arguments when one of them is missing: the fault tests run on a fresh machine
# of the CI's kind, where galera-4 and nginx are not installed. `apt-get update` runs at most once per machine boot
# (its lists are needed before the first install), and only when something is missing.
set -euo pipefail
missing=()
for package in "$@"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done
if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "missing Debian packages: ${missing[*]} (install them, or run as root so that this script can)" >&2
  exit 1
fi
marker=/tmp/consent-ext-apt-updated
if [ ! -e "$marker" ]; then
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  touch "$marker"
fi
# Debian's nginx package would start a server on port 80 through its maintainer scripts; policy-rc.d stops that, so
# only the servers these scripts start (on their own loopback ports) ever run.
policy=/usr/sbin/policy-rc.d
created_policy=false
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' > "$policy"
  chmod +x "$policy"
  created_policy=true
fi
trap '[ "$created_policy" = true ] && rm -f "$policy"' EXIT
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "installed: ${missing[*]}"
