// Draws the graph held in #ocg-data as SVG, with a legend, a search box, hover cards, highlighting,
// click-to-expand and pan/zoom. Written for ocgraph; no library. Text from the graph is only ever
// set with textContent. Nodes the data marks `shown` are drawn at first, at the positions Python
// computed; the others are placed here, around the node they are reached from, when asked for.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var data = JSON.parse(document.getElementById("ocg-data").textContent);
  var byId = {};
  var styleOf = {};
  data.types.forEach(function (t) { styleOf[t.type] = t; });
  data.nodes.forEach(function (n) { byId[n.id] = n; });
  // every relation of a node, drawn or not: the hover card lists them, expanding follows them
  var nodeEdges = {};
  data.edges.forEach(function (e) {
    (nodeEdges[e.source] = nodeEdges[e.source] || []).push(e);
    (nodeEdges[e.target] = nodeEdges[e.target] || []).push(e);
  });

  function el(tag, attrs, parent) {
    var node = document.createElementNS(SVG, tag);
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
  function halfWidth(n) { return Math.max(3.4 * n.name.length + 9, 1.25 * n.r); }  // see viz._label_width
  function other(e, id) { return byId[e.source === id ? e.target : e.source]; }

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
  var svg = el("svg", { role: "img", "aria-label": data.title }, main);
  var view = { x: 0, y: 0, w: 1, h: 1 };
  function setView() { svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].join(" ")); }
  // the box around some nodes and their labels, with a margin
  function extent(nodes) {
    var b = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
    nodes.forEach(function (n) {
      b.x0 = Math.min(b.x0, n.x - halfWidth(n)); b.x1 = Math.max(b.x1, n.x + halfWidth(n));
      b.y0 = Math.min(b.y0, n.y - n.r - 20); b.y1 = Math.max(b.y1, n.y + n.r + 34);
    });
    return { x: b.x0 - 40, y: b.y0 - 40, w: b.x1 - b.x0 + 80, h: b.y1 - b.y0 + 80 };
  }

  var defs = el("defs", {}, svg);
  [["other", "#9a9a9a"], ["rivalry", "#d62728"], ["alliance", "#2ca02c"]].forEach(function (m) {
    var marker = el("marker", { id: "arrow-" + m[0], viewBox: "0 0 10 10", refX: 9, refY: 5,
      markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" }, defs);
    el("path", { d: "M0,0 L10,5 L0,10 z", fill: m[1] }, marker);
  });
  var world = el("g", {}, svg);
  var edgeLayer = el("g", { "class": "edges" }, world);
  var nodeLayer = el("g", { "class": "nodes" }, world);

  var shown = {};
  var nodeEls = {};
  var edgeEls = {};
  var taken = [];  // boxes of drawn nodes and labels: an edge label that would sit on one is hidden
  var hiddenLabels = 0;
  function overlaps(r) {
    for (var i = 0; i < taken.length; i++) {
      var t = taken[i];
      if (r.x < t.x + t.w && t.x < r.x + r.w && r.y < t.y + t.h && t.y < r.y + r.h) return true;
    }
    return false;
  }

  // -- nodes ---------------------------------------------------------------------------------
  // Neighbours not drawn yet, hubs left out: what a click on the node shows.
  function hiddenNeighbours(n) {
    if (n.hub) return [];
    var seen = {}, out = [];
    (nodeEdges[n.id] || []).forEach(function (e) {
      var o = other(e, n.id);
      if (!shown[o.id] && !o.hub && !seen[o.id]) { seen[o.id] = true; out.push(o); }
    });
    return out.sort(function (a, b) { return b.relations - a.relations || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0); });
  }
  function drawNode(n) {
    var st = styleOf[n.type] || { shape: "circle", colour: "#bab0ac" };
    var g = el("g", { "class": "ocg-node", "data-id": n.id, "data-type": n.type,
      transform: "translate(" + n.x + "," + n.y + ")" }, nodeLayer);
    shape(st.shape, n.r, st.colour, g);
    // the canonical name only: aliases (an OFAC list gives many) are in the hover card
    var name = el("text", { "class": "name", y: (n.r * 1.25 + 13).toFixed(1) }, g);
    name.textContent = n.name;
    el("text", { "class": "more", x: (n.r * 1.1 + 2).toFixed(1), y: (-n.r * 0.9).toFixed(1) }, g);
    nodeEls[n.id] = g;
    shown[n.id] = true;
    var k = n.r * 1.25, b = name.getBBox();
    taken.push({ x: n.x - k, y: n.y - k, w: 2 * k, h: 2 * k }, { x: n.x + b.x, y: n.y + b.y, w: b.width, h: b.height });
    g.addEventListener("mouseenter", function (ev) {
      var near = [n.id], rels = [];
      (nodeEdges[n.id] || []).forEach(function (e) {
        if (edgeEls[e.id]) { near.push(e.source, e.target); rels.push(e.id); }
      });
      highlight(near, rels);
      showTip(nodeTip(n), ev);
    });
    g.addEventListener("mousemove", moveTip);
    g.addEventListener("mouseleave", clear);
    g.addEventListener("click", function () { if (!moved) expand(n.id); });
  }
  function badge(n) {
    var more = hiddenNeighbours(n).length, t = nodeEls[n.id].querySelector("text.more");
    t.textContent = more ? "+" + more : "";
    nodeEls[n.id].classList.toggle("expandable", more > 0);
  }

  // -- edges: a quadratic curve per relation, shortened so arrows stop at the node's rim ------
  var rank = { rivalry: 0, alliance: 1, other: 2 };
  function drawEdge(e) {
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
    var box = label.getBBox(), r = { x: box.x - 1, y: box.y - 1, w: box.width + 2, h: box.height + 2 };
    if (overlaps(r)) { label.classList.add("crowded"); hiddenLabels++; } else taken.push(r);
    edgeEls[e.id] = g;
    g.addEventListener("mouseenter", function (ev) { highlight([e.source, e.target], [e.id]); showTip(edgeTip(e), ev); });
    g.addEventListener("mousemove", moveTip);
    g.addEventListener("mouseleave", clear);
  }
  // the relations between drawn nodes not drawn yet, rivalries and alliances first (their labels win)
  function drawEdgesOf(ids) {
    var todo = [], seen = {};
    ids.forEach(function (id) {
      (nodeEdges[id] || []).forEach(function (e) {
        if (!edgeEls[e.id] && !seen[e.id] && shown[e.source] && shown[e.target]) { seen[e.id] = true; todo.push(e); }
      });
    });
    todo.sort(function (a, b) { return rank[a.kind] - rank[b.kind] || (a.id < b.id ? -1 : 1); }).forEach(drawEdge);
  }

  // -- what is drawn at first ------------------------------------------------------------------
  var first = data.nodes.filter(function (n) { return n.shown; });
  first.forEach(drawNode);
  drawEdgesOf(first.map(function (n) { return n.id; }));
  first.forEach(badge);
  view = extent(first);
  setView();

  // -- placing and showing more ----------------------------------------------------------------
  // Is there room for node n at (x, y), labels included, among the drawn nodes?
  function free(n, x, y) {
    return Object.keys(shown).every(function (id) {
      var m = byId[id];
      return Math.abs(m.x - x) >= halfWidth(m) + halfWidth(n) + 6 || Math.abs(m.y - y) >= m.r + n.r + 36;
    });
  }
  // Rings around the anchor, starting on the side away from what it is already tied to.
  function placeAround(anchor, nodes) {
    var cx = 0, cy = 0, k = 0;
    (nodeEdges[anchor.id] || []).forEach(function (e) {
      var o = other(e, anchor.id);
      if (shown[o.id] && o.id !== anchor.id) { cx += o.x; cy += o.y; k++; }
    });
    var base = k ? Math.atan2(anchor.y - cy / k, anchor.x - cx / k) : -Math.PI / 2;
    var ring = 0, slot = 0;
    nodes.forEach(function (n) {
      for (var tries = 0; tries < 400; tries++) {
        var radius = anchor.r * 1.25 + n.r + 110 + ring * 80;
        var slots = Math.max(6, Math.floor(2 * Math.PI * radius / 90));
        var step = 2 * Math.PI / slots, i = Math.ceil(slot / 2) * (slot % 2 ? 1 : -1);
        var x = anchor.x + radius * Math.cos(base + i * step), y = anchor.y + radius * Math.sin(base + i * step);
        slot++;
        if (slot >= slots) { slot = 0; ring++; }
        if (free(n, x, y) || tries === 399) { n.x = Math.round(x * 10) / 10; n.y = Math.round(y * 10) / 10; break; }
      }
      drawNode(n);
    });
  }
  // Show nodes: draw them and their relations to what is drawn, refresh the counts, keep them in view.
  function reveal(nodes) {
    var ids = nodes.map(function (n) { return n.id; }), touched = {};
    drawEdgesOf(ids);
    ids.forEach(function (id) {
      touched[id] = true;
      (nodeEdges[id] || []).forEach(function (e) { var o = other(e, id); if (shown[o.id]) touched[o.id] = true; });
    });
    Object.keys(touched).forEach(function (id) { badge(byId[id]); });
    if (nodes.length) {
      var want = extent(nodes);
      var x0 = Math.min(view.x, want.x), y0 = Math.min(view.y, want.y);
      var x1 = Math.max(view.x + view.w, want.x + want.w), y1 = Math.max(view.y + view.h, want.y + want.h);
      view = { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
      setView();
    }
    report();
  }
  function expand(id) {
    var n = byId[id], more = hiddenNeighbours(n);
    if (!shown[id] || !more.length) return;
    placeAround(n, more);
    reveal(more);
  }
  // Draw a node that is not drawn yet: next to a drawn neighbour, else beside the drawing.
  function bring(n) {
    if (shown[n.id]) return;
    var anchor = null;
    (nodeEdges[n.id] || []).forEach(function (e) {
      var o = other(e, n.id);
      if (shown[o.id] && !o.hub && (!anchor || o.relations > anchor.relations)) anchor = o;
    });
    if (anchor) placeAround(anchor, [n]);
    else {
      var right = -Infinity, top = Infinity;
      Object.keys(shown).forEach(function (id) {
        right = Math.max(right, byId[id].x + halfWidth(byId[id])); top = Math.min(top, byId[id].y);
      });
      n.x = right === -Infinity ? 0 : right + halfWidth(n) + 80;
      n.y = top === Infinity ? 0 : top;
      drawNode(n);
    }
    reveal([n]);
  }

  // -- search: a name or alias, without case or accents -----------------------------------------
  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[.'\u2019]/g, "").replace(/[^a-z0-9]+/g, " ").trim();
  }
  function find(query) {
    var q = fold(query);
    if (!q) return null;
    if (byId[query]) return byId[query];
    var exact = null, partial = null;
    data.nodes.forEach(function (n) {
      var names = [n.name].concat(n.aliases).map(fold);
      var better = function (best) { return !best || n.relations > best.relations; };
      if (names.indexOf(q) >= 0 && better(exact)) exact = n;
      else if (names.some(function (x) { return (" " + x + " ").indexOf(" " + q) >= 0; }) && better(partial)) partial = n;
    });
    return exact || partial;
  }
  // Find a node, draw it and its neighbours, centre the view on it and pin its card.
  function focusOn(query) {
    var n = find(query);
    status.textContent = n ? "" : "No entity is called \u201c" + query + "\u201d.";
    if (!n) return null;
    bring(n);
    expand(n.id);
    var w = Math.min(view.w, 1100), h = w * view.h / view.w;
    view = { x: n.x - w / 2, y: n.y - h / 2, w: w, h: h };
    setView();
    Array.prototype.forEach.call(svg.querySelectorAll(".found"), function (x) { x.classList.remove("found"); });
    nodeEls[n.id].classList.add("found");
    var p = svg.createSVGPoint(), m = world.getScreenCTM();
    p.x = n.x; p.y = n.y;
    if (m) p = p.matrixTransform(m);
    showTip(nodeTip(n), { clientX: p.x + n.r, clientY: p.y + n.r });
    document.body.setAttribute("data-found", n.id);
    return n;
  }

  // -- legend, search box and hubs ---------------------------------------------------------------
  var legend = html("aside", null, main);
  legend.id = "ocg-legend";
  var form = html("form", null, legend);
  form.id = "ocg-find";
  var input = html("input", null, form);
  input.type = "search";
  input.id = "ocg-search";
  input.placeholder = "Find an actor\u2026";
  input.setAttribute("list", "ocg-names");
  input.setAttribute("aria-label", "Find an actor by name or alias");
  var names = html("datalist", null, form);
  names.id = "ocg-names";
  var listed = {};
  data.nodes.slice().sort(function (a, b) { return b.relations - a.relations; }).forEach(function (n) {
    [n.name].concat(n.aliases).forEach(function (x) {
      if (!listed[x]) { listed[x] = true; html("option", null, names).value = x; }
    });
  });
  var status = html("div", "", form, "status");
  form.addEventListener("submit", function (ev) { ev.preventDefault(); focusOn(input.value); });
  input.addEventListener("change", function () { if (find(input.value)) focusOn(input.value); });
  var count = html("div", "", legend, "count");
  function report() {
    var drawn = Object.keys(shown).length;
    count.textContent = drawn < data.nodes.length
      ? "Showing " + drawn + " of " + data.nodes.length + " entities" +
        (data.nodes.some(function (n) { return n.shown && n.type === "CriminalOrganization"; }) &&
         drawn < data.nodes.length ? ", criminal organizations and their leaders first" : "") +
        ". Click a node with +N to show its N neighbours."
      : "";
    document.body.setAttribute("data-nodes-drawn", String(nodeLayer.querySelectorAll(".ocg-node").length));
    document.body.setAttribute("data-edges-drawn", String(edgeLayer.querySelectorAll(".ocg-edge").length));
    document.body.setAttribute("data-edge-labels-hidden", String(hiddenLabels));
  }
  html("h2", "Entities", legend);
  data.types.forEach(function (t) {
    var row = html("div", null, legend, "row");
    var icon = el("svg", { width: 18, height: 18, viewBox: "-10 -10 20 20" }, row);
    shape(t.shape, 6.5, t.colour, icon);
    html("span", t.type.replace(/([a-z])([A-Z])/g, "$1 $2") + " (" + t.count + ")", row);
  });
  var hubs = data.nodes.filter(function (n) { return n.hub; }).sort(function (a, b) { return b.relations - a.relations; });
  if (hubs.length) {
    html("div", null, legend, "sep");
    html("h2", "Hubs, not drawn", legend);
    hubs.slice(0, 10).forEach(function (n) {
      var by = {};
      (nodeEdges[n.id] || []).forEach(function (e) { by[e.label] = (by[e.label] || 0) + 1; });
      var kinds = Object.keys(by).sort(function (a, b) { return by[b] - by[a] || (a < b ? -1 : 1); })
        .slice(0, 3).map(function (k) { return k + " " + by[k]; }).join(", ");
      var button = html("button", n.name, legend, "hub");
      button.type = "button";
      button.setAttribute("data-id", n.id);
      html("span", n.relations + " relations: " + kinds, button, "meta");
      button.addEventListener("click", function () { focusOn(n.id); });
    });
    if (hubs.length > 10) html("div", "and " + (hubs.length - 10) + " more (search to draw one)", legend, "hint");
  }
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
    "crowd). Click a node to show its neighbours. Drag to pan, wheel to zoom.", legend, "hint");

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
    if (n.aliases.length) html("div", "Also known as: " + n.aliases.join("; "), box, "aliases");
    var props = propsText(n.properties);
    if (props) html("div", props, box, "meta");
    var facts = nodeEdges[n.id] || [];
    var ul = html("ul", null, box);
    facts.slice(0, 6).forEach(function (e) {
      var li = html("li", null, ul);
      var o = other(e, n.id);
      var phrase = e.source === n.id ? e.label + " \u2192 " + o.name : o.name + " \u2192 " + e.label;
      html("b", phrase, li);
      if (e.evidence.length) {
        html("br", null, li);
        html("q", e.evidence[0].sentence, li);
      }
    });
    if (facts.length > 6) html("li", "+" + (facts.length - 6) + " more relations", ul, "meta");
    var more = shown[n.id] ? hiddenNeighbours(n).length : 0;
    if (more) html("div", "Click to show " + more + " more neighbour" + (more > 1 ? "s" : "") + ".", box, "meta");
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
    nodes.forEach(function (id) { if (nodeEls[id]) nodeEls[id].classList.add("near"); });
    edges.forEach(function (id) { edgeEls[id].classList.add("near"); });
  }
  function clear() {
    tip.hidden = true;
    svg.classList.remove("focused");
    Array.prototype.forEach.call(svg.querySelectorAll(".near"), function (x) { x.classList.remove("near"); });
  }

  // -- pan and zoom, by moving the view box; a drag is not a click --------------------------------
  var drag = null, moved = false;
  svg.addEventListener("mousedown", function (ev) {
    drag = { x: ev.clientX, y: ev.clientY, vx: view.x, vy: view.y }; moved = false; svg.classList.add("panning");
  });
  window.addEventListener("mouseup", function () { drag = null; svg.classList.remove("panning"); });
  window.addEventListener("mousemove", function (ev) {
    if (!drag) return;
    if (Math.abs(ev.clientX - drag.x) + Math.abs(ev.clientY - drag.y) > 3) moved = true;
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
  report();
  document.body.setAttribute("data-nodes-total", String(data.nodes.length));
  document.body.setAttribute("data-hubs", JSON.stringify(hubs.map(function (n) { return n.id; })));
  // A link can open the page on a view: #find=NAME focuses an actor, #open=ID,ID shows the
  // neighbours of drawn nodes (the same as clicking them).
  var wish = {};
  location.hash.replace(/^#/, "").split("&").forEach(function (part) {
    var kv = part.split("=");
    if (kv.length === 2) wish[kv[0]] = decodeURIComponent(kv[1].replace(/\+/g, " "));
  });
  if (wish.open) wish.open.split(",").forEach(expand);
  if (wish.find) { input.value = wish.find; focusOn(wish.find); }
  else if (data.focus && byId[data.focus]) nodeEls[data.focus].classList.add("found");
  document.body.setAttribute("data-errors", JSON.stringify(window.ocgErrors || []));
})();
