#!/bin/sh
# Starts the shop service with the idle async-profiler agent, JMX on $JMX_PORT, heap dumps to /dumps.
set -eu
set -- --host=0.0.0.0 --port="${SHOP_PORT}" --quiet-requests
if [ -n "${DB_URL}" ]; then
  set -- "$@" --db-url="${DB_URL}" --db-user="${DB_USER}" --db-password="${DB_PASSWORD}"
fi
if [ -n "${SHOP_FAULTS}" ]; then
  set -- "$@" --fault="${SHOP_FAULTS}"
fi
# JMX without authentication: publish its port on 127.0.0.1 only (compose.yaml); docker/README.md
# says how to switch on authentication and TLS. One port for the registry and the RMI server.
# shellcheck disable=SC2086
exec java \
  -XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=50 \
  -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=/dumps \
  -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints \
  -javaagent:/opt/async-profiler/async-profiler-agent.jar \
  -Done.profiler.libraryPath=/opt/async-profiler/libasyncProfiler.so \
  -Dcom.sun.management.jmxremote.port="${JMX_PORT}" \
  -Dcom.sun.management.jmxremote.rmi.port="${JMX_PORT}" \
  -Dcom.sun.management.jmxremote.authenticate=false \
  -Dcom.sun.management.jmxremote.ssl=false \
  -Djava.rmi.server.hostname="${JMX_HOSTNAME}" \
  ${JAVA_OPTS} \
  -jar /app/shop.jar "$@"
