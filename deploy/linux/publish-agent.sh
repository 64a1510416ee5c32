#!/usr/bin/env bash
# Publishes the collector agent self-contained (no .NET needed on the host), trimmed and ReadyToRun (precompiled:
# with DOTNET_TieredCompilation=0 in the unit it never JITs again after start; see docs/benchmarks.md), for linux-x64
# (or $1: linux-arm64).
set -euo pipefail
RID=${1:-linux-x64}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
dotnet publish "$ROOT/src/Collector" -c Release -r "$RID" --self-contained -p:PublishTrimmed=true -p:PublishReadyToRun=true -o "$ROOT/publish/$RID"
echo "published to $ROOT/publish/$RID; install with: sudo install -d /opt/azlocal-collector && sudo cp -r $ROOT/publish/$RID/* /opt/azlocal-collector/"
