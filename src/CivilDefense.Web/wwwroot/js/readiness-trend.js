// The trend of a commune's scores (one point per recorded day), drawn with Chart.js.
(function () {
  const canvas = document.getElementById('trend');
  if (!canvas || typeof Chart === 'undefined') return;
  const points = JSON.parse(document.getElementById('trend-data').textContent);
  if (!points.length) return;
  const series = [['overall', canvas.dataset.labelOverall, '#222'], ['command', canvas.dataset.labelCommand, '#1f77b4'],
    ['forces', canvas.dataset.labelForces, '#2ca02c'], ['means', canvas.dataset.labelMeans, '#ff7f0e'], ['logistics', canvas.dataset.labelLogistics, '#9467bd']];
  new Chart(canvas, {
    type: 'line',
    data: {
      labels: points.map(p => p.day),
      datasets: series.map(([key, label, colour], i) => ({ label, data: points.map(p => p[key]), borderColor: colour, borderWidth: i === 0 ? 3 : 1.5, tension: 0.2 }))
    },
    options: { animation: false, scales: { y: { min: 0, max: 100 } } }
  });
  canvas.dataset.ready = 'true';
})();
