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
exec dotnet run --project src/CivilDefense.Web -c Release --urls http://127.0.0.1:5080
