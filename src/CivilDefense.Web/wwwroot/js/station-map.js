// The station map: one circle per station, coloured by its current risk level (Decision
// 18/2021 colours: 1 light blue, 2 light yellow, 3 orange, 4 red, 5 purple; grey: none or unknown).
// No tile layer: the app works without internet; the stations' positions carry the picture.
(function () {
  const el = document.getElementById('station-map');
  const data = document.getElementById('station-data');
  if (!el || !data || !window.L) return;
  const stations = JSON.parse(data.textContent);
  const colours = ['#bbbbbb', '#9ecae1', '#fff3a0', '#fd8d3c', '#e31a1c', '#7a0177'];
  const escape = s => String(s).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  const map = L.map(el, { attributionControl: false });
  const markers = stations.map(s => L.circleMarker([s.Latitude, s.Longitude], {
    radius: 9, weight: 1, color: '#333', fillOpacity: 0.9, fillColor: colours[s.CurrentLevel || 0]
  }).bindTooltip(`<b>${escape(s.Name)}</b><br>${escape(s.UnitName)}<br>${el.dataset.labelLevel}: ${s.CurrentLevel ?? '–'}`)
    .on('click', () => { window.location.href = '/monitoring/station/' + s.Id; })
    .addTo(map));
  if (markers.length) {
    map.fitBounds(L.featureGroup(markers).getBounds().pad(0.3), { maxZoom: 11 });
  } else {
    map.setView([10.8, 106.2], 8);
  }
})();
