// The delivery board: follows the SSE stream of snapshots, or polls the JSON snapshot every
// 2 s when EventSource is missing or the stream fails, and redraws totals, chart and table.
(function () {
  'use strict';
  const config = JSON.parse(document.getElementById('board-config').textContent);
  const mode = document.getElementById('board-mode');
  const channelFilter = document.getElementById('filter-channel');
  const communeFilter = document.getElementById('filter-commune');
  let chart = null;

  function cell(text) {
    const td = document.createElement('td');
    td.textContent = text;
    return td;
  }

  function matches(row) {
    const channel = channelFilter.value.trim().toLowerCase();
    const commune = communeFilter.value.trim().toLowerCase();
    return (!channel || row.channel.toLowerCase() === channel)
      && (!commune || (row.unitName || '').toLowerCase().includes(commune));
  }

  function draw(snapshot) {
    const totals = Object.assign({ recipients: snapshot.recipients, organizations: snapshot.organizationsAcknowledged }, snapshot.totals);
    document.querySelectorAll('[data-total]').forEach(function (el) {
      el.textContent = totals[el.dataset.total];
    });

    const body = document.querySelector('#board-table tbody');
    body.replaceChildren(...snapshot.rows.filter(matches).map(function (r) {
      const tr = document.createElement('tr');
      tr.append(cell(r.unitName || '—'), cell(r.channel), cell(r.counts.targeted), cell(r.counts.sent),
        cell(r.counts.failed), cell(r.counts.pending), cell(r.counts.acknowledged));
      return tr;
    }));

    const acks = document.querySelector('#board-acks tbody');
    acks.replaceChildren(...snapshot.acknowledgements.map(function (a) {
      const tr = document.createElement('tr');
      tr.append(cell(a.organizationName), cell(a.at.replace('T', ' ').replace(/\..*|Z$/, '')), cell(a.method), cell(a.by));
      return tr;
    }));

    const groups = snapshot.byChannel;
    const series = [
      ['sent', '#2e7d32'], ['failed', '#c62828'], ['pending', '#f9a825'], ['acknowledged', '#1565c0'],
    ].map(function (s) {
      return { label: config.labels[s[0]], backgroundColor: s[1], data: groups.map(function (g) { return g.counts[s[0]]; }) };
    });
    if (typeof Chart === 'undefined') {
      return;
    }
    if (!chart) {
      chart = new Chart(document.getElementById('board-chart'), {
        type: 'bar',
        data: { labels: groups.map(function (g) { return g.key; }), datasets: series },
        options: { animation: false, responsive: true, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
      });
    } else {
      chart.data.labels = groups.map(function (g) { return g.key; });
      chart.data.datasets.forEach(function (d, i) { d.data = series[i].data; });
      chart.update();
    }
  }

  let latest = null;
  function receive(snapshot) {
    latest = snapshot;
    draw(snapshot);
  }

  channelFilter.addEventListener('input', function () { if (latest) { draw(latest); } });
  communeFilter.addEventListener('input', function () { if (latest) { draw(latest); } });

  function poll() {
    mode.textContent = config.labels.polling;
    document.getElementById('board-live').dataset.live = 'polling';
    const tick = function () {
      fetch('/api/v1/alerts/' + config.id + '/board', { headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (s) { if (s) { receive(s); } })
        .finally(function () { setTimeout(tick, 2000); });
    };
    tick();
  }

  if (!window.EventSource) {
    poll();
    return;
  }

  const source = new EventSource('/api/v1/alerts/' + config.id + '/board/events');
  source.addEventListener('board', function (e) {
    mode.textContent = config.labels.live;
    document.getElementById('board-live').dataset.live = 'sse';
    receive(JSON.parse(e.data));
  });
  source.onerror = function () {
    // The browser reconnects by itself; if the stream never opened, fall back to polling.
    if (source.readyState === EventSource.CLOSED || !latest) {
      source.close();
      poll();
    }
  };
})();
