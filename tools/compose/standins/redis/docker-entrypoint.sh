#!/bin/bash
# As the official redis image: options alone run redis-server with them; without a configuration file
# the server listens on every address, so protected mode is turned off unless asked for.
set -Eeuo pipefail
if [ "${1:0:1}" = - ]; then
  set -- redis-server "$@"
fi
if [ "$1" = redis-server ] && [[ " $* " != *" --protected-mode "* ]]; then
  set -- "$@" --protected-mode no
fi
exec "$@"
