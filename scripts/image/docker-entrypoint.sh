#!/bin/sh
# Entrypoint of the local Node.js base image, with the official image's behaviour: arguments that start with an
# option, or that name no command (a script file, say), are given to node; anything else runs as it is. exec keeps
# the command as PID 1, so it receives the container's signals itself.
set -e
if [ "${1#-}" != "$1" ] || [ -z "$(command -v "$1")" ] || { [ -f "$1" ] && ! [ -x "$1" ]; }; then
  set -- node "$@"
fi
exec "$@"
