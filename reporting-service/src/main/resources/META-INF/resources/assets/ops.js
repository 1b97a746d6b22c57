// The ops console: polls the figures every second and redraws the cards, the tables and the rate chart.
(function () {
  var STAGES = ['submitted', 'accepted', 'rejected', 'counted', 'invalidated'];
  var state = document.getElementById('ops-state');
  var chart = document.getElementById('rate-chart');

  function rate(value) {
    return value === undefined || value === null ? '–' : (value >= 100 ? Math.round(value) : value.toFixed(1));
  }

  function rows(tbody, cells) {
    while (tbody.firstChild) tbody.removeChild(tbody.firstChild);
    if (cells.length === 0) cells = [['none']];
    cells.forEach(function (row) {
      var tr = document.createElement('tr');
      row.forEach(function (cell, index) {
        var td = document.createElement('td');
        td.textContent = cell;
        if (index > 0 && /^[0-9.–]+$/.test(String(cell))) td.className = 'num';
        tr.appendChild(td);
      });
      tbody.appendChild(tr);
    });
  }

  function show(figures) {
    document.querySelectorAll('[data-rate]').forEach(function (node) {
      node.textContent = rate(figures.rates[node.dataset.rate]);
    });
    document.querySelectorAll('[data-count]').forEach(function (node) {
      var count = figures.counts[node.dataset.count];
      node.textContent = count === undefined ? '' : count.toLocaleString('en-US') + ' in all';
    });
    document.getElementById('email-backlog').textContent =
      figures.email_backlog === null ? '–' : figures.email_backlog;
    rows(document.getElementById('lag'), figures.consumer_groups.map(function (group) {
      return [group.group, group.state, group.lag];
    }));
    rows(document.getElementById('rejections'), Object.keys(figures.rejected_by_reason).map(function (reason) {
      return [reason.toLowerCase(), rate(figures.rejected_per_second[reason]), figures.rejected_by_reason[reason]];
    }));
    rows(document.getElementById('dead-letters'), Object.keys(figures.dead_letters).map(function (topic) {
      return [topic, figures.dead_letters[topic]];
    }));
    var problem = document.getElementById('ops-problem');
    problem.hidden = !figures.problem;
    problem.textContent = figures.problem || '';
    document.getElementById('sampled-at').textContent =
      figures.sampled_at ? 'Last read ' + new Date(figures.sampled_at).toLocaleTimeString() + '.' : '';
    window.lineChart(chart, STAGES.slice(0, 4).map(function (stage) {
      return {name: stage, points: figures.history.map(function (point) { return [point.at, point.rates[stage] || 0]; })};
    }), {empty: 'Rates appear after two readings', format: function (v) { return v >= 10 ? Math.round(v) : v.toFixed(1); }});
  }

  function legend() {
    var figcaption = document.getElementById('rate-legend');
    STAGES.slice(0, 4).forEach(function (stage, index) {
      var span = document.createElement('span');
      var swatch = document.createElement('i');
      swatch.className = 's' + index;
      span.appendChild(swatch);
      span.appendChild(document.createTextNode(stage));
      figcaption.appendChild(span);
    });
  }

  function refresh() {
    fetch('/ops/figures', {headers: {Accept: 'application/json'}})
      .then(function (response) {
        if (response.status === 401 || response.status === 403) {
          window.location.href = '/console/login';
          return null;
        }
        return response.ok ? response.json() : null;
      })
      .then(function (figures) {
        if (!figures) return;
        show(figures);
        state.textContent = 'live';
        state.className = 'live on';
      })
      .catch(function () {
        state.textContent = 'reconnecting…';
        state.className = 'live';
      });
  }

  legend();
  refresh();
  setInterval(refresh, 1000);
})();
