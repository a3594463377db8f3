// Draws the graph held in #ocg-data as SVG, with a legend, hover cards, highlighting and pan/zoom.
// Written for ocgraph; no library.  Text from the graph is only ever set with textContent.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var data = JSON.parse(document.getElementById("ocg-data").textContent);
  var byId = {};
  var styleOf = {};
  data.types.forEach(function (t) { styleOf[t.type] = t; });
  data.nodes.forEach(function (n) { byId[n.id] = n; });

  function el(tag, attrs, parent, ns) {
    var node = ns === false ? document.createElement(tag) : document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(node);
    return node;
  }
  function html(tag, text, parent, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (cls) node.className = cls;
    if (parent) parent.appendChild(node);
    return node;
  }
  function points(list) { return list.map(function (p) { return p[0].toFixed(1) + "," + p[1].toFixed(1); }).join(" "); }

  // One shape per node type, centred on 0,0, of about the same area for the same r.
  function shape(kind, r, colour, parent) {
    var a = { fill: colour, "class": "shape" };
    if (kind === "circle") { a.r = r; return el("circle", a, parent); }
    if (kind === "square") {
      var s = r * 0.9;
      a.x = -s; a.y = -s; a.width = 2 * s; a.height = 2 * s; a.rx = 2; return el("rect", a, parent);
    }
    var pts;
    if (kind === "diamond") pts = [[0, -1.25 * r], [1.25 * r, 0], [0, 1.25 * r], [-1.25 * r, 0]];
    else if (kind === "triangle") pts = [[0, -1.25 * r], [1.15 * r, 0.8 * r], [-1.15 * r, 0.8 * r]];
    else {
      pts = [];
      for (var i = 0; i < 6; i++) pts.push([1.1 * r * Math.cos(Math.PI / 3 * i), 1.1 * r * Math.sin(Math.PI / 3 * i)]);
    }
    a.points = points(pts);
    return el("polygon", a, parent);
  }

  document.getElementById("ocg-title").textContent = data.title;
  document.getElementById("ocg-subtitle").textContent = data.subtitle;
  var main = document.getElementById("ocg-main");

  // The view box covers every node and its label, with a margin.
  var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  data.nodes.forEach(function (n) {
    var half = 3.6 * n.name.length;
    minX = Math.min(minX, n.x - half); maxX = Math.max(maxX, n.x + half);
    minY = Math.min(minY, n.y - n.r - 20); maxY = Math.max(maxY, n.y + n.r + 34);
  });
  var pad = 40;
  var view = { x: minX - pad, y: minY - pad, w: maxX - minX + 2 * pad, h: maxY - minY + 2 * pad };
  var svg = el("svg", { role: "img", "aria-label": data.title }, main);
  function setView() { svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].join(" ")); }
  setView();

  var defs = el("defs", {}, svg);
  [["other", "#9a9a9a"], ["rivalry", "#d62728"], ["alliance", "#2ca02c"]].forEach(function (m) {
    var marker = el("marker", { id: "arrow-" + m[0], viewBox: "0 0 10 10", refX: 9, refY: 5,
      markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" }, defs);
    el("path", { d: "M0,0 L10,5 L0,10 z", fill: m[1] }, marker);
  });
  var world = el("g", {}, svg);
  var edgeLayer = el("g", { "class": "edges" }, world);
  var nodeLayer = el("g", { "class": "nodes" }, world);

  // -- edges: a quadratic curve per relation, shortened so arrows stop at the node's rim ------
  var edgeEls = {};
  var nodeEdges = {};
  data.edges.forEach(function (e) {
    var s = byId[e.source], t = byId[e.target];
    var dx = t.x - s.x, dy = t.y - s.y, len = Math.hypot(dx, dy) || 1;
    var cx = (s.x + t.x) / 2 - dy / len * e.bend * 2, cy = (s.y + t.y) / 2 + dx / len * e.bend * 2;
    function rim(node, fx, fy) {
      var ddx = fx - node.x, ddy = fy - node.y, dl = Math.hypot(ddx, ddy) || 1, k = node.r * 1.15 + 2;
      return [node.x + ddx / dl * k, node.y + ddy / dl * k];
    }
    var a = rim(s, cx, cy), b = rim(t, cx, cy);
    var d = "M" + points([a]) + " Q" + points([[cx, cy]]) + " " + points([b]);
    var g = el("g", { "class": "ocg-edge " + e.kind, "data-id": e.id }, edgeLayer);
    var line = el("path", { d: d, "class": "line" }, g);
    if (!e.symmetric) line.setAttribute("marker-end", "url(#arrow-" + e.kind + ")");
    el("path", { d: d, "class": "hit" }, g);
    var label = el("text", { x: (0.25 * a[0] + 0.5 * cx + 0.25 * b[0]).toFixed(1),
      y: (0.25 * a[1] + 0.5 * cy + 0.25 * b[1] - 3).toFixed(1) }, g);
    label.textContent = e.label;
    edgeEls[e.id] = g;
    (nodeEdges[e.source] = nodeEdges[e.source] || []).push(e);
    (nodeEdges[e.target] = nodeEdges[e.target] || []).push(e);
    g.addEventListener("mouseenter", function (ev) { highlight([e.source, e.target], [e.id]); showTip(edgeTip(e), ev); });
    g.addEventListener("mousemove", moveTip);
    g.addEventListener("mouseleave", clear);
  });

  // -- nodes ---------------------------------------------------------------------------------
  var nodeEls = {};
  data.nodes.forEach(function (n) {
    var st = styleOf[n.type] || { shape: "circle", colour: "#bab0ac" };
    var g = el("g", { "class": "ocg-node", "data-id": n.id, "data-type": n.type,
      transform: "translate(" + n.x + "," + n.y + ")" }, nodeLayer);
    shape(st.shape, n.r, st.colour, g);
    var name = el("text", { "class": "name", y: (n.r * 1.25 + 13).toFixed(1) }, g);
    name.textContent = n.name;
    if (n.aliases.length) {
      var alias = el("text", { "class": "alias", y: (n.r * 1.25 + 26).toFixed(1) }, g);
      alias.textContent = "\u201c" + n.aliases[0] + "\u201d";
    }
    nodeEls[n.id] = g;
    g.addEventListener("mouseenter", function (ev) {
      var near = [n.id], rels = [];
      (nodeEdges[n.id] || []).forEach(function (e) { near.push(e.source, e.target); rels.push(e.id); });
      highlight(near, rels);
      showTip(nodeTip(n), ev);
    });
    g.addEventListener("mousemove", moveTip);
    g.addEventListener("mouseleave", clear);
  });

  // -- edge labels that would sit on another label or a node are hidden until hovered -----------
  var taken = [];
  function overlaps(r) {
    for (var i = 0; i < taken.length; i++) {
      var t = taken[i];
      if (r.x < t.x + t.w && t.x < r.x + r.w && r.y < t.y + t.h && t.y < r.y + r.h) return true;
    }
    return false;
  }
  data.nodes.forEach(function (n) {
    var k = n.r * 1.25;
    taken.push({ x: n.x - k, y: n.y - k, w: 2 * k, h: 2 * k });
    Array.prototype.forEach.call(nodeEls[n.id].querySelectorAll("text"), function (t) {
      var b = t.getBBox();
      taken.push({ x: n.x + b.x, y: n.y + b.y, w: b.width, h: b.height });
    });
  });
  var rank = { rivalry: 0, alliance: 1, other: 2 };
  var hidden = 0;
  data.edges.slice().sort(function (a, b) { return rank[a.kind] - rank[b.kind]; }).forEach(function (e) {
    var t = edgeEls[e.id].querySelector("text"), b = t.getBBox();
    var r = { x: b.x - 1, y: b.y - 1, w: b.width + 2, h: b.height + 2 };
    if (overlaps(r)) { t.classList.add("crowded"); hidden++; } else taken.push(r);
  });

  // -- legend --------------------------------------------------------------------------------
  var legend = html("aside", null, main);
  legend.id = "ocg-legend";
  html("h2", "Entities", legend);
  data.types.forEach(function (t) {
    var row = html("div", null, legend, "row");
    var icon = el("svg", { width: 18, height: 18, viewBox: "-10 -10 20 20" }, row);
    shape(t.shape, 6.5, t.colour, icon);
    html("span", t.type.replace(/([a-z])([A-Z])/g, "$1 $2") + " (" + t.count + ")", row);
  });
  html("div", null, legend, "sep");
  html("h2", "Relations", legend);
  [["rivalry", "rivalry (rival of)"], ["alliance", "alliance (allied with)"], ["other", "other (arrow: direction)"]]
    .forEach(function (k) {
      var row = html("div", null, legend, "row");
      var icon = el("svg", { width: 30, height: 10, viewBox: "0 0 30 10" }, row);
      var g = el("g", { "class": "ocg-edge " + k[0] }, icon);
      el("path", { d: "M1,5 L29,5", "class": "line" }, g);
      html("span", k[1], row);
    });
  html("div", "Hover a node or a line for names, aliases and evidence (and labels hidden where lines " +
    "crowd). Drag to pan, wheel to zoom.", legend, "hint");

  // -- hover cards ---------------------------------------------------------------------------
  var tip = document.getElementById("ocg-tip");
  function docName(id) { return (data.documents && data.documents[id]) || id; }
  function propsText(props) {
    return Object.keys(props).sort().map(function (k) {
      var v = props[k];
      return k + ": " + (Array.isArray(v) ? v.join(", ") : v);
    }).join("; ");
  }
  function evidenceList(list, parent, limit) {
    list.slice(0, limit).forEach(function (ev) {
      var li = html("li", null, parent);
      html("q", ev.sentence, li);
      html("div", docName(ev.document) + ", characters " + ev.start + "\u2013" + ev.end, li, "src");
    });
    if (list.length > limit) html("li", "+" + (list.length - limit) + " more", parent, "meta");
  }
  function nodeTip(n) {
    var box = document.createDocumentFragment();
    html("h3", n.name, box);
    html("div", n.type + " \u00b7 " + n.id, box, "meta");
    if (n.aliases.length) html("div", "Also known as: " + n.aliases.join("; "), box);
    var props = propsText(n.properties);
    if (props) html("div", props, box, "meta");
    var facts = nodeEdges[n.id] || [];
    var ul = html("ul", null, box);
    facts.slice(0, 6).forEach(function (e) {
      var li = html("li", null, ul);
      var other = byId[e.source === n.id ? e.target : e.source];
      var phrase = e.source === n.id ? e.label + " \u2192 " + other.name : other.name + " \u2192 " + e.label;
      html("b", phrase, li);
      if (e.evidence.length) {
        html("br", null, li);
        html("q", e.evidence[0].sentence, li);
      }
    });
    if (facts.length > 6) html("li", "+" + (facts.length - 6) + " more relations", ul, "meta");
    return box;
  }
  function edgeTip(e) {
    var box = document.createDocumentFragment();
    html("h3", byId[e.source].name + " \u2014 " + e.label + " \u2192 " + byId[e.target].name, box);
    var props = propsText(e.properties);
    html("div", e.kind + (props ? " \u00b7 " + props : ""), box, "meta");
    evidenceList(e.evidence, html("ul", null, box), 4);
    return box;
  }
  function showTip(content, ev) {
    tip.textContent = "";
    tip.appendChild(content);
    tip.hidden = false;
    moveTip(ev);
  }
  function moveTip(ev) {
    var x = ev.clientX + 14, y = ev.clientY + 14;
    var w = tip.offsetWidth, h = tip.offsetHeight;
    if (x + w > window.innerWidth - 4) x = Math.max(4, ev.clientX - w - 14);
    if (y + h > window.innerHeight - 4) y = Math.max(4, ev.clientY - h - 14);
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }
  function highlight(nodes, edges) {
    svg.classList.add("focused");
    nodes.forEach(function (id) { nodeEls[id].classList.add("near"); });
    edges.forEach(function (id) { edgeEls[id].classList.add("near"); });
  }
  function clear() {
    tip.hidden = true;
    svg.classList.remove("focused");
    Array.prototype.forEach.call(svg.querySelectorAll(".near"), function (x) { x.classList.remove("near"); });
  }

  // -- pan and zoom, by moving the view box ----------------------------------------------------
  var drag = null;
  svg.addEventListener("mousedown", function (ev) { drag = { x: ev.clientX, y: ev.clientY, vx: view.x, vy: view.y }; svg.classList.add("panning"); });
  window.addEventListener("mouseup", function () { drag = null; svg.classList.remove("panning"); });
  window.addEventListener("mousemove", function (ev) {
    if (!drag) return;
    var k = view.w / svg.clientWidth;
    view.x = drag.vx - (ev.clientX - drag.x) * k;
    view.y = drag.vy - (ev.clientY - drag.y) * k;
    setView();
  });
  svg.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var f = ev.deltaY > 0 ? 1.15 : 1 / 1.15, box = svg.getBoundingClientRect();
    var px = view.x + (ev.clientX - box.left) / box.width * view.w, py = view.y + (ev.clientY - box.top) / box.height * view.h;
    view.x = px - (px - view.x) * f; view.y = py - (py - view.y) * f; view.w *= f; view.h *= f;
    setView();
  }, { passive: false });

  // What was drawn, for the browser test and for anyone checking the page.
  document.body.setAttribute("data-nodes-drawn", String(nodeLayer.querySelectorAll(".ocg-node").length));
  document.body.setAttribute("data-edges-drawn", String(edgeLayer.querySelectorAll(".ocg-edge").length));
  document.body.setAttribute("data-edge-labels-hidden", String(hidden));
  document.body.setAttribute("data-errors", JSON.stringify(window.ocgErrors || []));
})();
