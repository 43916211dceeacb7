#!/usr/bin/env bash
# Makes the secret files the compose files in docker/ read, with random values, unless they exist:
#   docker/secrets/extension_basic_password   the Basic password the identity server sends (EXTENSION_BASIC_PASSWORD)
#   docker/secrets/database_password          the MySQL/MariaDB password of the user `extensions`
#   docker/secrets/database_url               mysql://extensions:<that password>@database:3306/consent_extensions
# The folder is readable by its owner only; the files are readable by all because the service reads them as uid
# 1000 through a bind mount (Compose does not change a file secret's owner). docker/secrets/ is never committed.
# To choose a value, write the file yourself before running this (no trailing newline needed); a database password
# of your own must then appear URL-encoded in database_url.
set -euo pipefail
cd "$(dirname "$0")/../../docker"
mkdir -p secrets
chmod 700 secrets

random() { od -An -N24 -tx1 /dev/urandom | tr -d ' \n'; }
write() {
  if [[ -e secrets/$1 ]]; then
    echo "kept    docker/secrets/$1"
  else
    printf '%s' "$2" >"secrets/$1"
    chmod 644 "secrets/$1"
    echo "created docker/secrets/$1"
  fi
}

write extension_basic_password "$(random)"
write database_password "$(random)"
# Hexadecimal passwords need no escaping in the URL.
write database_url "mysql://extensions:$(cat secrets/database_password)@database:3306/consent_extensions"
