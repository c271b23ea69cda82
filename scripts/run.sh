#!/usr/bin/env bash
# The README's first command: start the web app on http://127.0.0.1:5080. On first start it creates
# data/runtime/ptds.db, seeds it and prints the administrator's login.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib/common.sh

ensure_web_packages src/CivilDefense.Web

# The database lives in data/runtime/ of the repository unless Database__ConnectionString says otherwise
# (see README: switching to PostgreSQL).
export Database__ConnectionString="${Database__ConnectionString:-Data Source=$PWD/data/runtime/ptds.db}"

# Published ahead-of-time compiled (ReadyToRun): start-up on an existing database is about half of
# what `dotnet run` takes (docs/benchmarks.md). The output folder is the content root.
dotnet publish src/CivilDefense.Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
    -o .build/web -nologo -v quiet
cd .build/web
exec dotnet CivilDefense.Web.dll --urls "${PTDS_URLS:-http://127.0.0.1:5080}"
