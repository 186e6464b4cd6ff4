#!/bin/sh
# Starts the shop service with the idle async-profiler agent, JMX on $JMX_PORT, heap dumps to $DUMP_DIR.
# The defaults are the image's paths; RemoteJmxTargetTest runs this same script on the build machine
# with AP_DIR, SHOP_CLASSPATH, SHOP_HOST, JAVA_BIN and JAVA_OPTS pointing at local files and loopback.
set -eu
AP_DIR="${AP_DIR:-/opt/async-profiler}"
DUMP_DIR="${DUMP_DIR:-/dumps}"
JAVA_BIN="${JAVA_BIN:-java}"
set -- --host="${SHOP_HOST:-0.0.0.0}" --port="${SHOP_PORT:-8080}" --quiet-requests
if [ -n "${DB_URL:-}" ]; then
  set -- "$@" --db-url="${DB_URL}" --db-user="${DB_USER:-}" --db-password="${DB_PASSWORD:-}"
fi
if [ -n "${SHOP_FAULTS:-}" ]; then
  set -- "$@" --fault="${SHOP_FAULTS}"
fi
if [ -n "${SHOP_CLASSPATH:-}" ]; then
  set -- -cp "${SHOP_CLASSPATH}" io.perfharness.service.ShopServiceMain "$@"
else
  set -- -jar "${APP_JAR:-/app/shop.jar}" "$@"
fi
# JMX without authentication: publish its port on 127.0.0.1 only (compose.yaml); docker/README.md
# says how to switch on authentication and TLS. One port for the registry and the RMI server.
# JAVA_OPTS comes after these flags, so it can override them.
# shellcheck disable=SC2086
exec "${JAVA_BIN}" \
  -XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=50 \
  -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath="${DUMP_DIR}" \
  -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints \
  -javaagent:"${AP_DIR}/async-profiler-agent.jar" \
  -Done.profiler.libraryPath="${AP_DIR}/libasyncProfiler.so" \
  -Dcom.sun.management.jmxremote.port="${JMX_PORT:-9010}" \
  -Dcom.sun.management.jmxremote.rmi.port="${JMX_PORT:-9010}" \
  -Dcom.sun.management.jmxremote.authenticate=false \
  -Dcom.sun.management.jmxremote.ssl=false \
  -Djava.rmi.server.hostname="${JMX_HOSTNAME:-127.0.0.1}" \
  ${JAVA_OPTS:-} \
  "$@"
