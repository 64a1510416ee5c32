#!/usr/bin/env bash
# Capacity forecasts side by side with R's forecast package (Hyndman; Debian r-cran-forecast) on the same cuts of
# the classic public-domain series shipped with R's datasets package, plus the Mauna Loa CO2 we ship: R exports the
# cuts and forecasts them with ets(), auto.arima() and thetaf(); ours reads the same CSVs through the CLI's input
# path. Prints MAPE ratios to the least-squares line and P10-P90 coverage. See docs/benchmarks.md.
# Usage: benchmarks/capacity-vs-r.sh   (installs r-cran-forecast with apt-get when missing; needs root for that)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/azlm-capacity-r-XXXXXX)
trap 'rm -rf "$WORK"' EXIT

if ! Rscript -e 'library(forecast)' >/dev/null 2>&1; then
  echo "# installing r-cran-forecast (Debian)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq r-cran-forecast >/dev/null
fi

echo "# R: exporting the cuts and forecasting them with ets, auto.arima, thetaf"
Rscript "$ROOT/benchmarks/Capacity.Benchmarks/r/forecast-peers.R" "$WORK" "$ROOT/benchmarks/Capacity.Benchmarks/data/co2-mauna-loa-monthly.csv"
echo "# ours, on the same cuts"
dotnet run -c Release --project "$ROOT/benchmarks/Capacity.Benchmarks" -- --compare-r "$WORK"
