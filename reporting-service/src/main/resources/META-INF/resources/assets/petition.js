// The petition page's live total: server-sent events, or polling while the stream is down. Each total carries
// its updated_at, and an older one than shown is ignored, so a late poll answer never moves the total back.
// A new total also refreshes the counts by outcome (the organizer API, read with the console's login) and the maps
// (drawn by the server; one request at a time, and one more after it if totals came in meanwhile).
(function () {
  var live = document.getElementById('live');
  var slug = live.dataset.slug, goal = Number(live.dataset.goal);
  var shown = {total: Number(live.dataset.total), at: Date.parse(live.dataset.updatedAt) || 0};
  var chart = document.getElementById('over-time');
  var points = JSON.parse(chart.dataset.series || '[]');
  var state = document.getElementById('live-state');
  var poller = null, source = null;
  var maps = document.getElementById('maps'), mapsLoading = false, mapsStale = false;

  function draw() {
    window.lineChart(chart, [{name: 'total', points: points}], {empty: 'No signatures yet'});
  }

  function show(update) {
    var at = Date.parse(update.updated_at) || 0;
    if (at < shown.at) return;
    shown = {total: update.total, at: at};
    live.dataset.total = update.total;
    document.getElementById('total').textContent = update.total.toLocaleString('en-US');
    var percent = goal > 0 ? Math.min(100, Math.floor(update.total * 100 / goal)) : 0;
    document.getElementById('progress').value = percent;
    document.getElementById('percent').textContent = percent;
    var now = Date.now();
    if (points.length === 0 || points[points.length - 1][1] !== update.total) {
      points.push([now, update.total]);
    } else {
      points[points.length - 1][0] = now;
    }
    draw();
    refreshStats();
    refreshMaps();
  }

  function refreshStats() {
    fetch('/api/admin/petitions/' + encodeURIComponent(slug) + '/stats', {headers: {Accept: 'application/json'}})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (stats) {
        if (!stats) return;
        document.querySelectorAll('[data-stat]').forEach(function (node) {
          node.textContent = Number(stats[node.dataset.stat]).toLocaleString('en-US');
        });
      })
      .catch(function () { /* the next total refreshes them */ });
  }

  function refreshMaps() {
    if (mapsLoading) {
      mapsStale = true;
      return;
    }
    mapsLoading = true;
    mapsStale = false;
    fetch('/console/petitions/' + encodeURIComponent(slug) + '/maps', {headers: {Accept: 'text/html'}})
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (fragment) { if (fragment) maps.innerHTML = fragment; })
      .catch(function () { /* the next total refreshes them */ })
      .finally(function () {
        mapsLoading = false;
        if (mapsStale) refreshMaps();
      });
  }

  function poll() {
    fetch('/api/petitions/' + encodeURIComponent(slug) + '/total', {headers: {Accept: 'application/json'}})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (total) { if (total) show(total); })
      .catch(function () { /* the next poll tries again */ });
  }

  function startPolling() {
    if (poller) return;
    state.textContent = 'polling';
    state.className = 'live';
    poll();
    poller = setInterval(poll, 3000);
  }

  function stopPolling() {
    if (poller) clearInterval(poller);
    poller = null;
  }

  draw();
  if (!window.EventSource) {
    startPolling();
    return;
  }
  source = new EventSource('/api/petitions/' + encodeURIComponent(slug) + '/total/stream');
  source.onopen = function () {
    stopPolling();
    state.textContent = 'live';
    state.className = 'live on';
  };
  source.onmessage = function (event) { show(JSON.parse(event.data)); };
  // EventSource reconnects by itself; the total is polled in the meantime
  source.onerror = startPolling;
})();
