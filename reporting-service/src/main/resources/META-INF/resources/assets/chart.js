// A small line chart drawn into an <svg viewBox="0 0 800 240">: no library, nothing fetched from elsewhere.
// series: [{name, points: [[epochMillis, value], …]}, …]; the i-th series gets CSS class "line s<i>".
window.lineChart = function (svg, series, options) {
  var NS = 'http://www.w3.org/2000/svg', W = 800, H = 240, left = 56, right = 12, top = 12, bottom = 28;
  var all = [].concat.apply([], series.map(function (s) { return s.points; }));
  while (svg.firstChild) svg.removeChild(svg.firstChild);
  function el(name, attributes, text) {
    var node = document.createElementNS(NS, name);
    Object.keys(attributes).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (text !== undefined) node.textContent = text;
    svg.appendChild(node);
    return node;
  }
  if (all.length === 0) {
    el('text', {x: W / 2, y: H / 2, 'text-anchor': 'middle'}, options.empty || 'No data yet');
    return;
  }
  var x0 = Math.min.apply(null, all.map(function (p) { return p[0]; }));
  var x1 = Math.max.apply(null, all.map(function (p) { return p[0]; }));
  var yMax = Math.max(1, Math.max.apply(null, all.map(function (p) { return p[1]; })));
  if (x1 === x0) x0 = x1 - 60000;
  function x(t) { return left + (t - x0) / (x1 - x0) * (W - left - right); }
  function y(v) { return H - bottom - v / yMax * (H - top - bottom); }
  for (var i = 0; i <= 4; i++) {
    var value = yMax * i / 4;
    el('line', {x1: left, x2: W - right, y1: y(value), y2: y(value), 'class': 'axis'});
    el('text', {x: left - 6, y: y(value) + 4, 'text-anchor': 'end'}, options.format ? options.format(value) : Math.round(value));
  }
  [x0, (x0 + x1) / 2, x1].forEach(function (t, index) {
    el('text', {x: x(t), y: H - 8, 'text-anchor': ['start', 'middle', 'end'][index]},
      new Date(t).toLocaleTimeString([], {hour: '2-digit', minute: '2-digit', second: '2-digit'}));
  });
  series.forEach(function (s, index) {
    if (s.points.length === 0) return;
    el('polyline', {'class': 'line s' + index, points: s.points.map(function (p) {
      return x(p[0]).toFixed(1) + ',' + y(p[1]).toFixed(1);
    }).join(' ')});
  });
};
