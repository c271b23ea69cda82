// Alert map: the province's communes from /api/v1/units/{id}/map (no tile server), then each alert's
// polygons and circles on top, and the communes its geocodes name shaded. Issued red, received blue.
(function () {
  const el = document.getElementById('map');
  if (!el || el.dataset.mode !== 'alerts') return;
  const status = document.getElementById('map-status');
  const escape = window.PtdsUnitMap.escape;
  fetch(el.dataset.source, { credentials: 'same-origin' })
    .then(r => { if (!r.ok) throw new Error(r.status); return r.json(); })
    .then(data => {
      const colour = a => a.kind === 'issued' ? '#c0392b' : '#1f6fb2';
      const codes = new Map();
      data.alerts.forEach(a => a.areas.units.forEach(u => codes.set(u.code, a)));
      const draw = map => {
        const group = L.featureGroup().addTo(map);
        data.alerts.forEach(a => {
          const label = `<b>${escape(a.headline)}</b>`;
          a.areas.polygons.forEach(ring => L.polygon(ring, { color: colour(a), weight: 2, fillOpacity: 0.2 }).bindTooltip(label).addTo(group));
          a.areas.circles.forEach(c => L.circle([c.latitude, c.longitude], { radius: c.radiusKm * 1000, color: colour(a), weight: 2, fillOpacity: 0.15 }).bindTooltip(label).addTo(group));
        });
        status.textContent = `${data.alerts.length} ${el.dataset.labelUnits}`;
        status.dataset.count = String(data.alerts.length);
        el.dataset.ready = 'true';
        return group;
      };
      if (data.provinceId == null) {
        const map = L.map(el, { attributionControl: false }).setView([10.9, 106.3], 8);
        const group = draw(map);
        if (group.getLayers().length) map.fitBounds(group.getBounds());
        return;
      }
      el.dataset.source = `/api/v1/units/${data.provinceId}/map`;
      window.PtdsUnitMap(el, {
        status,
        colourOf: p => codes.has(p.code) ? colour(codes.get(p.code)) : '#f4f4f4',
        tooltip: p => `<b>${escape(p.fullName)}</b>` + (codes.has(p.code) ? `<br>${escape(codes.get(p.code).headline)}` : ''),
        linkOf: p => codes.has(p.code) ? (codes.get(p.code).kind === 'issued' ? '/alerts/' : '/alerts/received/') + codes.get(p.code).id : '#'
      }).then(({ map }) => draw(map));
    })
    .catch(e => { status.textContent = 'Error ' + e.message; el.dataset.ready = 'error'; });
})();
