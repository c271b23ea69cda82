// A station's series with its alarm levels as horizontal lines (BĐ1 blue, BĐ2 orange, BĐ3 red).
// Data is embedded in the page as #chart-data; a linear x axis of epoch milliseconds keeps the
// page free of a date adapter.
(function () {
  const canvas = document.getElementById('station-chart');
  const data = document.getElementById('chart-data');
  if (!canvas || !data || !window.Chart) return;
  const { points, alarms } = JSON.parse(data.textContent);
  if (!points.length) { canvas.hidden = true; return; }
  const xs = points.map(p => Date.parse(p.t));
  const first = xs[0], last = xs[xs.length - 1];
  const colours = { 'BĐ1': '#2b8cbe', 'BĐ2': '#fd8d3c', 'BĐ3': '#e31a1c' };
  const when = new Intl.DateTimeFormat(canvas.dataset.locale, { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' });
  const datasets = [{
    label: canvas.dataset.label, data: points.map((p, i) => ({ x: xs[i], y: p.v })),
    borderColor: '#08519c', pointRadius: 0, borderWidth: 1.5
  }].concat(alarms.map(a => ({
    label: a.name + ' ' + a.value.toFixed(2) + ' m', data: [{ x: first, y: a.value }, { x: last, y: a.value }],
    borderColor: colours[a.name], borderDash: [6, 4], pointRadius: 0, borderWidth: 1.5
  })));
  new Chart(canvas, {
    type: 'line',
    data: { datasets },
    options: {
      animation: false, parsing: false,
      scales: { x: { type: 'linear', ticks: { callback: v => when.format(new Date(v)) } } },
      plugins: { tooltip: { callbacks: { title: items => when.format(new Date(items[0].parsed.x)) } } }
    }
  });
})();
