#!/usr/bin/env python3
"""Derives demo hazard profiles for the communes of the new Tây Ninh (80) from the shared data.

Run from the repository root:  python3 data/readiness/derive_hazard_profiles.py ../shared/data > data/readiness/hazard-profiles-80.csv

Rules (a heuristic for the demo, documented in docs/readiness-norms.md; a province replaces them):
- Border: the commune's boundary has at least 5 vertices within 300 m of the part of the
  provincial outline that lies more than 1.5 km from every other Vietnamese province's
  outline (that part is the border with Cambodia).
- FloodProne: the commune succeeds at least one commune of the old Long An (pre-2025 codes
  27xxx-28xxx, the Vàm Cỏ basin and the Plain of Reeds). Exposed residents: half the 2019
  population (a ward: a third), an illustrative share.
- Urban: wards (phường).
"""
import csv, gzip, json, math, os, sys

shared = sys.argv[1] if len(sys.argv) > 1 else '../shared/data'
boundaries = os.path.join(shared, 'units-2025', 'boundaries')

def vertices(geometry):
    coords = geometry['coordinates']
    polygons = [coords] if geometry['type'] == 'Polygon' else coords
    for polygon in polygons:
        for ring in polygon:
            for lon, lat, *_ in ring:
                yield lon, lat

def km(a, b):
    dx = (a[0] - b[0]) * 111.32 * math.cos(math.radians(11))
    dy = (a[1] - b[1]) * 110.574
    return math.hypot(dx, dy)

class Grid:
    def __init__(self, points, cell=0.02):
        self.cell, self.cells = cell, {}
        for p in points:
            self.cells.setdefault((int(p[0] // cell), int(p[1] // cell)), []).append(p)
    def near(self, p, limit_km):
        cx, cy = int(p[0] // self.cell), int(p[1] // self.cell)
        return any(km(p, q) <= limit_km for dx in (-1, 0, 1) for dy in (-1, 0, 1) for q in self.cells.get((cx + dx, cy + dy), []))

def features(path):
    data = json.load(open(path, encoding='utf-8'))
    return data['features'] if 'features' in data else [data]

provinces = os.path.join(boundaries, 'provinces')
own, others = [], []
for name in sorted(os.listdir(provinces)):
    points = [v for f in features(os.path.join(provinces, name)) for v in vertices(f['geometry'])]
    (own if name.startswith('80_') else others).extend(points)
other_grid = Grid(others)
border = Grid([p for p in own if not other_grid.near(p, 1.5)])

population = {r['code']: r for r in csv.DictReader(open(os.path.join(shared, 'population', 'population2019_tayninh_2025.csv'), encoding='utf-8'))}
communes_dir = os.path.join(boundaries, 'tay-ninh-communes')
out = csv.writer(sys.stdout, lineterminator='\n')
out.writerow(['code', 'name', 'profile', 'exposed_residents', 'basis'])
for name in sorted(os.listdir(communes_dir)):
    for f in features(os.path.join(communes_dir, name)):
        code, full = str(f['properties']['code']), f['properties']['fullName']
        is_ward = full.startswith('Phường')
        row = population.get(code)
        pop = int(row['population_2019_area_balanced']) if row else 0
        old = [o.split(':')[0] for o in row['old_units'].split(';')] if row else []
        if sum(1 for v in vertices(f['geometry']) if border.near(v, 0.3)) >= 5:
            out.writerow([code, full, 'Border', '', 'boundary on the border with Cambodia (derived from province outlines)'])
        if any(o[:2] in ('27', '28') for o in old):
            out.writerow([code, full, 'FloodProne', round(pop / (3 if is_ward else 2)), 'successor of old Long An communes (Vàm Cỏ basin); exposed share illustrative'])
        if is_ward:
            out.writerow([code, full, 'Urban', '', 'ward (phường)'])
