// The event map: Natural Earth country outlines (vendored world-atlas) projected with d3-geo,
// one circle per event from the JSON the page embeds. Names go in through textContent only.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var WIDTH = 960, HEIGHT = 500;
  var root = document.getElementById("map");
  var points = JSON.parse(document.getElementById("points").textContent);

  function el(name, attrs, parent) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(node);
    return node;
  }
  function title(node, text) { el("title", {}, node).textContent = text; }

  var projection = d3.geoNaturalEarth1().fitExtent([[4, 4], [WIDTH - 4, HEIGHT - 4]], {type: "Sphere"});
  var path = d3.geoPath(projection);
  var svg = el("svg", {viewBox: "0 0 " + WIDTH + " " + HEIGHT, role: "img", "aria-label": "map of events"});
  el("path", {"class": "sphere", d: path({type: "Sphere"})}, svg);
  el("path", {"class": "graticule", d: path(d3.geoGraticule10())}, svg);
  var land = el("g", {"class": "countries"}, svg);
  var markers = el("g", {"class": "markers"}, svg);
  root.appendChild(svg);

  points.slice().sort(function (a, b) { return (b.killed || 0) - (a.killed || 0); }).forEach(function (p) {
    var xy = projection([p.lon, p.lat]);
    if (!xy) return;
    var link = el("a", {href: "/events/" + encodeURIComponent(p.id)}, markers);
    var circle = el("circle", {"class": "marker", "data-type": p.type || "", "data-id": p.id,
      cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: Math.min(22, 4 + 1.5 * Math.sqrt(p.killed || 0)).toFixed(1)}, link);
    title(circle, (p.date || "undated") + " · " + String(p.subtype || p.type || "event").replace(/_/g, " ") +
      (p.place ? " · " + p.place + (p.country_code ? ", " + p.country_code : "") : "") +
      (p.killed != null ? " · " + p.killed + " killed" : ""));
  });

  fetch(root.dataset.world).then(function (r) {
    if (!r.ok) throw new Error(r.status);
    return r.json();
  }).then(function (world) {
    topojson.feature(world, world.objects.countries).features.forEach(function (f) {
      var country = el("path", {"class": "country", d: path(f)}, land);
      if (f.properties && f.properties.name) title(country, f.properties.name);
    });
    root.dataset.ready = "true";
  }).catch(function (err) {
    el("text", {"class": "status", x: 12, y: 20}, svg).textContent = "country outlines could not be loaded (" + err + ")";
    root.dataset.ready = "true";
  });
})();
