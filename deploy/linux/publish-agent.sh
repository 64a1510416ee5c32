#!/usr/bin/env bash
# Publishes the collector agent for Linux as one Native AOT binary (no .NET and no JIT on the host; the GC settings
# are compiled in: see docs/agent-footprint.md), for linux-x64 or $1 (linux-arm64: run this on an arm64 machine,
# or install a cross toolchain: Native AOT links with the target's clang/gcc and libc).
# Needs the .NET SDK and clang or gcc. Fails on any trim/AOT warning (warnings are errors).
set -euo pipefail
RID=${1:-linux-x64}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
# The debug symbols (AzLocalMonitor.Collector.dbg, ~30 MB) stay in obj/; the node gets the stripped binary.
dotnet publish "$ROOT/src/Collector" -c Release -r "$RID" -p:CopyOutputSymbolsToPublishDirectory=false -o "$ROOT/publish/$RID"
echo "published to $ROOT/publish/$RID; install with: sudo install -d /opt/azlocal-collector && sudo cp -r $ROOT/publish/$RID/* /opt/azlocal-collector/"
