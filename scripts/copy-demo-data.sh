#!/usr/bin/env bash
# Regenerates data/demo from the shared reference data (default ../shared/data relative to the
# repository root, or $1). Needs only bash, node and gzip, which every dev machine here has;
# python3 and jq are not assumed.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
src="${1:-$repo/../shared/data}"
dst="$repo/data/demo"
src="$(cd "$src" && pwd)"

# install -m 0644 rather than cp: the shared files are read-only and a re-run must overwrite.
mkdir -p "$dst/mapping"
install -m 0644 "$src/units-2025/vn_units_2025.json" "$dst/vn_units_2025.json"
install -m 0644 "$src/units-2025/boundaries/provinces/80_tay_ninh.geojson" "$dst/tay-ninh-province.geojson"
install -m 0644 "$src/population/population2019_tayninh_2025.csv" "$dst/population2019_tayninh_2025.csv"
install -m 0644 "$src/population/centroids_tayninh_2025.csv" "$dst/centroids_tayninh_2025.csv"
install -m 0644 "$src/units-2025/mapping/splits.json" "$dst/mapping/splits.json"
install -m 0644 "$src/units-2025/mapping/merges.json" "$dst/mapping/merges.json"
install -m 0644 "$src/units-2025/LICENSE-vietnamese-provinces-database.txt" "$dst/LICENSE-vietnamese-provinces-database.txt"
install -m 0644 "$src/units-2025/mapping/LICENSE-dvhcvn-20250701.txt" "$dst/mapping/LICENSE-dvhcvn-20250701.txt"

# The 96 commune files become one FeatureCollection, in code order, written compactly and
# gzipped without a timestamp (-n) so a re-run produces the same bytes and no git noise.
node - "$src/units-2025/boundaries/tay-ninh-communes" "$dst/tay-ninh-communes.geojson" <<'JS'
const fs = require('fs');
const path = require('path');
const [dir, out] = process.argv.slice(2);
const files = fs.readdirSync(dir).filter(f => f.endsWith('.geojson')).sort();
const features = [];
for (const f of files) {
  const fc = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
  for (const feature of fc.features) {
    features.push(feature);
  }
}
fs.writeFileSync(out, JSON.stringify({ type: 'FeatureCollection', features }));
console.log(`${features.length} commune features from ${files.length} files`);
JS
gzip -n -9 -f "$dst/tay-ninh-communes.geojson"
ls -lR "$dst"
