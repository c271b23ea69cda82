// Progress over time on the plan dashboard: reports filed and accepted per period (bars) and the mean
// percentage done (line). Data comes from the page as JSON; Chart.js is served from /lib (no CDN).
(function () {
    const data = JSON.parse(document.getElementById('progress-data').textContent);
    const canvas = document.getElementById('progress-chart');
    if (!canvas || typeof Chart === 'undefined') {
        return;
    }
    new Chart(canvas, {
        data: {
            labels: data.labels,
            datasets: [
                { type: 'bar', label: data.names.reports, data: data.reports, backgroundColor: '#9ab7d3', yAxisID: 'count' },
                { type: 'bar', label: data.names.accepted, data: data.accepted, backgroundColor: '#3b7a57', yAxisID: 'count' },
                { type: 'line', label: data.names.percent, data: data.percent, borderColor: '#c0392b', yAxisID: 'percent', spanGaps: true },
            ],
        },
        options: {
            animation: false,
            scales: {
                count: { type: 'linear', position: 'left', beginAtZero: true, ticks: { precision: 0 } },
                percent: { type: 'linear', position: 'right', min: 0, max: 100, grid: { drawOnChartArea: false } },
            },
        },
    });
})();
