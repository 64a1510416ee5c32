#!/usr/bin/env bash
# Installs what the demo and the tests need on a fresh Debian machine: the real Prometheus and Alertmanager
# (Debian packages), Node.js for the OpenTelemetry JavaScript interop test, and the npm packages of tests/.
# Chromium (Debian) runs the web dashboard's browser tests; src/Web's npm packages check its committed bundle.
# Idempotent: installs only what is missing. Usage: scripts/install-deps.sh [--no-npm]
# (--no-npm: what the demo needs only, no test-only packages)
set -euo pipefail
cd "$(dirname "$0")/.."

want=()
command -v prometheus >/dev/null 2>&1 || want+=(prometheus)
command -v prometheus-alertmanager >/dev/null 2>&1 || command -v alertmanager >/dev/null 2>&1 || want+=(prometheus-alertmanager)
command -v node >/dev/null 2>&1 || want+=(nodejs)
command -v npm >/dev/null 2>&1 || want+=(npm)
command -v curl >/dev/null 2>&1 || want+=(curl)
command -v victoria-metrics >/dev/null 2>&1 || want+=(victoria-metrics) # the remote-write store of the history tests
if [ "${1:-}" != "--no-npm" ]; then # test-only: the browser tests
  command -v chromium >/dev/null 2>&1 || want+=(chromium)
fi

if ((${#want[@]})); then
  echo "==> installing Debian packages: ${want[*]}"
  sudo_cmd=""
  if [ "$(id -u)" != 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${want[@]}" >/dev/null
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET 10 SDK (dotnet) is not on PATH; install it first (https://dot.net)." >&2
  exit 1
fi

if [ "${1:-}" != "--no-npm" ]; then
  if [ ! -d tests/interop/js/node_modules ] || [ tests/interop/js/package-lock.json -nt tests/interop/js/node_modules ]; then
    echo "==> installing npm packages of tests/interop/js"
    (cd tests/interop/js && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
  if [ ! -d src/Web/node_modules ] || [ src/Web/package-lock.json -nt src/Web/node_modules ]; then
    echo "==> installing npm packages of src/Web (the web dashboard's build and its freshness check)"
    (cd src/Web && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
fi
