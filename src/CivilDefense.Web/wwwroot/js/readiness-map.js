// The readiness map: communes coloured by readiness score or by shelter coverage (a switch),
// shelters and logistics points as circles sized by capacity. Geometry comes from the shared
// unit map (PtdsUnitMap); scores are embedded in the page as #readiness-data.
(function () {
  const el = document.getElementById('map');
  if (!el || el.dataset.mode !== 'readiness') return;
  const scores = JSON.parse(document.getElementById('readiness-data').textContent);
  const fmt = new Intl.NumberFormat(el.dataset.locale, { maximumFractionDigits: 0 });
  const escape = window.PtdsUnitMap.escape;
  // Red (not ready) to green (ready), breaks at the status thresholds and between.
  const breaks = [30, 50, 65, 80];
  const colours = ['#b2182b', '#ef8a62', '#fddbc7', '#a6dba0', '#1b7837'];
  const colourOf = v => v == null ? '#cccccc' : colours[breaks.filter(b => v >= b).length];
  let mode = 'score';
  const valueOf = p => {
    const s = scores[String(p.id)];
    if (!s) return null;
    return mode === 'score' ? s.overall : (s.coverage == null ? null : s.coverage * 100);
  };
  const legends = {
    score: window.PtdsUnitMap.legend(el.dataset.labelScore, breaks, colours, fmt),
    coverage: window.PtdsUnitMap.legend(el.dataset.labelCoverage, breaks, colours, fmt)
  };
  window.PtdsUnitMap(el, {
    status: document.getElementById('map-status'),
    colourOf: p => colourOf(valueOf(p)),
    tooltip: p => {
      const s = scores[String(p.id)] || {};
      return `<b>${escape(p.fullName)}</b><br>${el.dataset.labelScore}: ${s.overall == null ? '–' : fmt.format(s.overall)} (${s.gaps ?? 0} ${el.dataset.labelGaps})`
        + `<br>${el.dataset.labelCoverage}: ${s.coverage == null ? '–' : fmt.format(s.coverage * 100)}`;
    },
    linkOf: p => '/readiness/unit/' + p.id
  }).then(({ map, layer }) => {
    if (!layer) return;
    legends.score.addTo(map);
    document.querySelectorAll('input[name=layer]').forEach(radio => radio.addEventListener('change', () => {
      legends[mode].remove();
      mode = radio.value;
      layer.setStyle(f => ({ fillColor: colourOf(valueOf(f.properties)) }));
      legends[mode].addTo(map);
      el.dataset.layer = mode;
    }));
    fetch(el.dataset.points, { credentials: 'same-origin' }).then(r => r.ok ? r.json() : []).then(points => {
      for (const p of points) {
        const shelter = p.kind === 'shelter';
        L.circleMarker([p.lat, p.lon], {
          radius: shelter ? Math.max(3, Math.min(18, Math.sqrt(p.capacity || 0) / 2)) : 4,
          color: shelter ? '#08519c' : '#54278f', weight: 1, fillOpacity: 0.6
        }).bindTooltip(`<b>${escape(p.name)}</b><br>${shelter ? el.dataset.labelShelter + ' · ' + el.dataset.labelCapacity + ': ' + fmt.format(p.capacity || 0) : el.dataset.labelPoint + ' · ' + escape(p.kind)}`)
          .addTo(map);
      }
      el.dataset.pointCount = String(points.length);
    });
  }).catch(() => {});
})();
