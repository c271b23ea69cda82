// Draws a unit's sub-units from /api/v1/units/{id}/map as a choropleth. Leaflet without a tile
// layer: the app works offline, the boundaries are the map. PtdsUnitMap(el, options) is shared:
// the territory map colours by population density (below), the readiness map by scores.
window.PtdsUnitMap = function (el, options) {
  const status = options.status;
  const map = L.map(el, { zoomSnap: 0.25, preferCanvas: false, attributionControl: false });
  const started = performance.now();
  return fetch(el.dataset.source, { headers: { Accept: 'application/geo+json' }, credentials: 'same-origin' })
    .then(r => { if (!r.ok) throw new Error(r.status); return r.json(); })
    .then(data => {
      if (!data.features.length) {
        status.textContent = el.dataset.labelNone;
        map.setView([10.9, 106.3], 8);
        return { map, layer: null, data };
      }
      const layer = L.geoJSON(data, {
        style: f => ({ color: '#444', weight: 0.8, fillOpacity: 0.75, fillColor: options.colourOf(f.properties) }),
        onEachFeature: (f, l) => {
          const p = f.properties;
          l.bindTooltip(() => options.tooltip(p), { sticky: true });
          l.on('click', () => { window.location.href = options.linkOf(p); });
          l.getElement?.()?.setAttribute('data-unit', p.code);
        }
      }).addTo(map);
      map.fitBounds(layer.getBounds(), { padding: [10, 10] });
      const count = data.features.length;
      status.textContent = `${count} ${el.dataset.labelUnits}`;
      status.dataset.count = String(count);
      status.dataset.renderMs = String(Math.round(performance.now() - started));
      // Milliseconds since navigation began: what the map benchmark reports (bench/map-render.mjs).
      status.dataset.readyMs = String(Math.round(performance.now()));
      el.dataset.ready = 'true';
      return { map, layer, data };
    })
    .catch(e => { status.textContent = 'Error ' + e.message; el.dataset.ready = 'error'; throw e; });
};

window.PtdsUnitMap.escape = s => String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

// A legend control from breaks and colours: "< b0", "b0–b1", …, "bn+".
window.PtdsUnitMap.legend = function (title, breaks, colours, fmt) {
  const legend = L.control({ position: 'bottomright' });
  legend.onAdd = () => {
    const div = L.DomUtil.create('div', 'legend');
    div.innerHTML = `<b>${title}</b><br>` + colours.map((c, i) =>
      `<i style="background:${c}"></i>${i === 0 ? '&lt; ' + fmt.format(breaks[0]) : fmt.format(breaks[i - 1]) + (i < breaks.length ? '–' + fmt.format(breaks[i]) : '+')}`).join('<br>');
    return div;
  };
  return legend;
};

(function () {
  const el = document.getElementById('map');
  if (!el || el.dataset.mode !== 'density') return;
  const fmt = new Intl.NumberFormat(el.dataset.locale, { maximumFractionDigits: 1 });
  // Breaks in people per km²; colours from a sequential red scale readable in print.
  const breaks = [100, 250, 500, 1000, 2500, 5000];
  const colours = ['#fee5d9', '#fcbba1', '#fc9272', '#fb6a4a', '#ef3b2c', '#cb181d', '#99000d'];
  const colourOf = d => d == null ? '#cccccc' : colours[breaks.filter(b => d >= b).length];
  const escape = window.PtdsUnitMap.escape;
  const n = v => v == null ? '–' : fmt.format(v);
  window.PtdsUnitMap(el, {
    status: document.getElementById('map-status'),
    colourOf: p => colourOf(p.density),
    tooltip: p => `<b>${escape(p.fullName)}</b><br>${el.dataset.labelPopulation}: ${n(p.population)}`
      + `<br>${el.dataset.labelDensity}: ${n(p.density)}<br>${el.dataset.labelArea}: ${n(p.areaKm2)}`,
    linkOf: p => '/territory/' + p.id
  }).then(({ map, layer }) => { if (layer) window.PtdsUnitMap.legend(el.dataset.labelDensity, breaks, colours, fmt).addTo(map); }).catch(() => {});
})();
