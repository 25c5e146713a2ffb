#!/bin/bash
# The official rabbitmq image's handling of its variables (test fixture): the default user, password
# and vhost come from RABBITMQ_DEFAULT_USER/PASS/VHOST and may connect from other hosts; logs go to the
# console. Plugins come from /etc/rabbitmq/enabled_plugins (docker-compose.yml mounts it).
set -Eeuo pipefail

cat > /etc/rabbitmq/conf.d/10-defaults.conf <<CONF
loopback_users.guest = false
listeners.tcp.default = 5672
default_user = ${RABBITMQ_DEFAULT_USER:-guest}
default_pass = ${RABBITMQ_DEFAULT_PASS:-guest}
default_vhost = ${RABBITMQ_DEFAULT_VHOST:-/}
log.console = true
log.console.level = info
CONF

exec "$@"
