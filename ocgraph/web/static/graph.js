// The actor page's graph panel, drawn by Cytoscape.js (vendored by `make setup`).  The data comes
// from /graph-data/<id> as JSON; every label is drawn on the canvas as text, never as HTML.
(function () {
  "use strict";
  var box = document.getElementById("graph");
  if (!box) return;
  var status = document.getElementById("graph-status");
  if (typeof window.cytoscape !== "function") {
    status.textContent = "The graph library is missing: run make setup.";
    return;
  }
  var SHAPES = { circle: "ellipse", diamond: "diamond", square: "round-rectangle", hexagon: "hexagon", triangle: "triangle" };
  var focus = box.dataset.focus;
  var level = {};
  level[focus] = 0;
  var expanded = [];  // the nodes the analyst opened, in order: a redraw opens them again
  var generation = 0;  // bumped by every redraw: an answer to an older one is dropped
  var cy = window.cytoscape({
    container: box,
    minZoom: 0.2,
    maxZoom: 1.3,  // a small neighbourhood is not blown up to fill the panel
    style: [
      { selector: "node", style: {
        "label": "data(label)", "background-color": "data(colour)", "font-size": 11,
        "text-valign": "bottom", "text-margin-y": 4, "width": 22, "height": 22,
        "text-outline-color": "#fff", "text-outline-width": 2 } },
      { selector: "node[shape]", style: { "shape": function (n) { return SHAPES[n.data("shape")] || "ellipse"; } } },
      { selector: "node.focus", style: { "border-width": 3, "border-color": "#222", "width": 30, "height": 30 } },
      { selector: "node.expanded", style: { "border-width": 2, "border-color": "#555" } },
      { selector: "edge", style: {
        "curve-style": "bezier", "width": 1.4, "line-color": "#9a9a9a", "target-arrow-color": "#9a9a9a",
        "target-arrow-shape": "triangle", "arrow-scale": 0.8, "label": "data(label)", "font-size": 9,
        "color": "#666", "text-rotation": "autorotate", "text-outline-color": "#fff", "text-outline-width": 2 } },
      { selector: "edge[?symmetric]", style: { "target-arrow-shape": "none" } },
      { selector: "edge[kind = 'rivalry']", style: {
        "line-color": "#d62728", "line-style": "dashed", "width": 2.4, "color": "#b01e1f" } },
      { selector: "edge[kind = 'alliance']", style: { "line-color": "#2ca02c", "width": 2.6, "color": "#217a21" } }
    ]
  });
  window.ocgraphCy = cy;  // for the browser tests

  function filters() {
    // the unticked boxes: a neighbour expanded later keeps the predicates the focus has no box for
    var hidden = Array.prototype.map.call(document.querySelectorAll("input.pred:not(:checked)"), function (b) { return b.value; });
    var dated = document.getElementById("dated");
    var year = document.getElementById("as-of");
    return "without=" + encodeURIComponent(hidden.join(",")) +
      (dated && dated.checked ? "&as_of=" + encodeURIComponent(year.value) : "");
  }

  function path(id) { return id.split("/").map(encodeURIComponent).join("/"); }

  function layout() {
    cy.layout({
      name: "concentric", animate: false, minNodeSpacing: 40, levelWidth: function () { return 1; },
      concentric: function (n) { return 100 - (level[n.id()] || 0); }
    }).run();
    box.dataset.nodes = cy.nodes().length;
    box.dataset.edges = cy.edges().length;
    box.dataset.expanded = expanded.join(" ");
  }

  function expand(id, mine) {
    if (mine === undefined) mine = generation;
    if (mine !== generation) return Promise.resolve();  // a later redraw took over
    status.textContent = "Loading…";
    return fetch(box.dataset.api + path(id) + "?" + filters(), { credentials: "same-origin" })
      .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
      .then(function (data) {
        if (mine !== generation) return;
        var fresh = data.elements.filter(function (el) { return cy.getElementById(el.data.id).empty(); });
        fresh.forEach(function (el) {
          if (!el.data.source && level[el.data.id] === undefined) level[el.data.id] = (level[id] || 0) + 1;
        });
        cy.add(fresh);
        if (expanded.indexOf(id) < 0) expanded.push(id);
        cy.getElementById(id).addClass("expanded");
        cy.getElementById(focus).addClass("focus");
        layout();
        status.textContent = cy.nodes().length + " entities, " + cy.edges().length + " relations shown" +
          (data.more ? "; " + data.more + " more neighbours of the last one are not drawn" : "") + ".";
      })
      .catch(function (err) { status.textContent = "Could not load the graph: " + err.message; });
  }

  function redraw() {
    var mine = (generation += 1);
    cy.elements().remove();
    level = {};
    level[focus] = 0;
    expanded.slice().reduce(function (p, id) {
      return p.then(function () { return expand(id, mine); });
    }, Promise.resolve());
  }

  cy.on("tap", "node", function (e) { expand(e.target.id()); });
  cy.on("dbltap", "node", function (e) { window.location.href = "/entity/" + path(e.target.id()); });
  document.querySelectorAll("input.pred, #dated").forEach(function (b) { b.addEventListener("change", redraw); });
  var year = document.getElementById("as-of");
  var shown = document.getElementById("as-of-year");
  if (year) {
    year.addEventListener("input", function () { shown.textContent = year.value; });
    year.addEventListener("change", function () { if (document.getElementById("dated").checked) redraw(); });
  }
  document.querySelectorAll(".swatch").forEach(function (s) { s.style.borderColor = s.dataset.colour; });
  expand(focus);
})();
