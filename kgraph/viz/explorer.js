// kgraph explorer: search, filters, date range and a side panel over a vis-network graph.
// Every text comes from the page's JSON data and is written with textContent, never as HTML.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var details = data.details;
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges.map(function (e, i) { e.id = "e" + i; return e; }));
  var state = { types: {}, relations: {}, from: "", to: "" };
  data.types.forEach(function (t) { state.types[t.name] = true; });
  data.relations.forEach(function (r) { state.relations[r.name] = true; });

  function inRange(first, last) {
    if (!first && !last) { return true; }
    if (state.from && (last || first) < state.from) { return false; }
    if (state.to && (first || last) > state.to) { return false; }
    return true;
  }
  // A post's span: the first day of its start and the last day of its end, "" where the articles give none
  // (open): it is in the range if it overlaps it.
  function overlaps(span) {
    if (state.from && span[1] && span[1] < state.from) { return false; }
    if (state.to && span[0] && span[0] > state.to) { return false; }
    return true;
  }
  // A node is in the range if it was seen in it or held a post in it; a post edge if its span overlaps it.
  var nodeView = new vis.DataView(nodes, {
    filter: function (n) {
      return state.types[n.group] !== false && (inRange(n.first, n.last) || (n.held || []).some(overlaps));
    }
  });
  var edgeView = new vis.DataView(edges, {
    filter: function (e) {
      return state.relations[e.relation] !== false && (e.span ? overlaps(e.span) : inRange(e.first, e.last));
    }
  });

  function tooltip(text) {
    var el = document.createElement("div");
    el.textContent = text;
    return el;
  }
  nodes.forEach(function (n) { nodes.update({ id: n.id, title: tooltip(n.label + " (" + n.group + ")") }); });
  edges.forEach(function (e) { edges.update({ id: e.id, title: tooltip(e.text) }); });

  var container = document.getElementById("network");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, data.options);
  window.kgNetwork = network;
  window.kgVisibleNodes = function () { return nodeView.length; };
  window.kgVisibleEdges = function () {
    return edgeView.get().map(function (e) { return { from: e.from, to: e.to, relation: e.relation, text: e.text }; });
  };
  window.kgRendered = false;
  network.once("afterDrawing", function () {
    window.kgRendered = true;
    window.kgFirstRender = performance.now();
  });

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }
  function list(title, items) {
    if (!items || !items.length) { return null; }
    var box = document.createElement("div");
    box.appendChild(el("h2", title));
    var ul = document.createElement("ul");
    items.forEach(function (x) { ul.appendChild(el("li", x)); });
    box.appendChild(ul);
    return box;
  }
  // The career as a timeline: one bar per post on a common axis. A bar runs from the first day of the post's
  // start to the last day of its end; an open end (no article says the post ended) runs to the axis end,
  // fading, with an arrow; an end or a start the articles do not date fades out too. A post with no date
  // at all is drawn dashed over the dates of the articles that report it.
  function day(text) {
    var p = text.split("-");
    return Date.UTC(+p[0], (+p[1] || 1) - 1, +p[2] || 1);
  }
  function timeline(d) {
    var posts = (d.career || []).filter(function (c) { return c.dated || c.reported.length; });
    if (!posts.length) { return null; }
    var known = [];
    posts.forEach(function (c) {
      (c.dated ? [c.lo, c.hi] : c.reported).forEach(function (x) { if (x) { known.push(x); } });
    });
    if (d.last_seen) { known.push(d.last_seen); }
    known.sort();
    var min = day(known[0]), max = day(known[known.length - 1]);
    var year = 365.25 * 864e5;
    if (max - min < year) { min -= year / 2; max += year / 2; }
    // Room after the last date, so that a post begun just before it still shows its open end.
    if (posts.some(function (c) { return c.dated && !c.hi; })) { max += Math.max((max - min) / 25, year / 12); }
    function pos(t) { return (100 * (t - min) / (max - min)).toFixed(2) + "%"; }
    var box = el("div", undefined, "timeline");
    box.appendChild(el("h2", "Career"));
    posts.forEach(function (c) {
      var row = el("div", undefined, "post");
      row.appendChild(el("div", c.title + ", " + c.body, "what"));
      var when = c.dated ? (c.start || "…") + " – " + c.end : "reported " + c.reported.filter(function (x, i, a) {
        return a.indexOf(x) === i;
      }).join(" to ");
      row.appendChild(el("div", when, "when"));
      var track = el("div", undefined, "track");
      var bar = el("div", undefined, "bar");
      var lo = c.dated ? c.lo : c.reported[0], hi = c.dated ? c.hi : c.reported[c.reported.length - 1];
      var left = lo ? day(lo) : min, right = Math.max(left, hi ? day(hi) + 864e5 : max);
      bar.style.left = pos(left);
      bar.style.width = "calc(" + pos(right) + " - " + pos(left) + ")";
      if (!c.dated) { bar.classList.add("reported"); }
      if (c.dated && !c.lo) { bar.classList.add("start-unknown"); }
      if (c.dated && !c.hi) { bar.classList.add(c.status === "open" ? "open" : "end-unknown"); }
      bar.title = when;
      track.appendChild(bar);
      row.appendChild(track);
      box.appendChild(row);
    });
    var axis = el("div", undefined, "axis");
    axis.appendChild(el("span", new Date(min).getUTCFullYear().toString()));
    axis.appendChild(el("span", new Date(max).getUTCFullYear().toString()));
    box.appendChild(axis);
    box.appendChild(el("div", "\u25B6 still held · fading: a start or end no article dates · dashed: no dates, " +
      "drawn when reported", "legend"));
    return box;
  }
  function showPanel(id) {
    var panel = document.getElementById("panel");
    panel.textContent = "";
    var d = details[id];
    if (!d) { panel.appendChild(el("p", "Click a node to see its details.", "empty")); return; }
    panel.appendChild(el("h3", d.label));
    if (d.label_zh) { panel.appendChild(el("div", d.label_zh, "zh")); }
    var type = el("span", d.type, "type");
    var style = data.types.filter(function (t) { return t.name === d.type; })[0];
    type.style.background = style ? style.color : "#888";
    panel.appendChild(type);
    var seen = d.first_seen ? (d.first_seen === d.last_seen ? d.first_seen : d.first_seen + " to " + d.last_seen) : "";
    panel.appendChild(el("p", d.mentions + " mention(s)" + (seen ? ", seen " + seen : "")));
    [list("Also known as", d.aliases_en.concat(d.aliases_zh)), timeline(d), list("Posts held", d.posts),
     list("Officials", d.officials), list("Belongs to", d.parents)].forEach(function (b) {
      if (b) { panel.appendChild(b); }
    });
    if (d.evidence.length) {
      panel.appendChild(el("h2", "Evidence"));
      d.evidence.forEach(function (ev) {
        var box = el("div", undefined, "evidence");
        box.appendChild(el("div", (ev.date ? ev.date + " · " : "") + (ev.headline || ev.article), "meta"));
        box.appendChild(el("div", ev.sentence));
        panel.appendChild(box);
      });
    }
  }
  network.on("click", function (params) {
    if (params.nodes.length) { showPanel(params.nodes[0]); }
  });

  // Search by any name, English or Chinese: select the node and zoom to it.
  var index = data.nodes.map(function (n) {
    var d = details[n.id];
    return { id: n.id, names: [d.label, d.label_zh].concat(d.aliases_en, d.aliases_zh)
      .filter(Boolean).map(function (x) { return x.toLowerCase(); }) };
  });
  function search(query) {
    var q = query.trim().toLowerCase();
    var status = document.getElementById("status");
    if (!q) { status.textContent = ""; return null; }
    var hit = index.filter(function (x) { return x.names.indexOf(q) >= 0; })[0] ||
              index.filter(function (x) { return x.names.some(function (n) { return n.indexOf(q) >= 0; }); })[0];
    if (!hit) { status.textContent = "No match for “" + query + "”."; return null; }
    var node = nodes.get(hit.id);
    if (state.types[node.group] === false) { state.types[node.group] = true; syncFilters(); }
    network.selectNodes([hit.id]);
    network.focus(hit.id, { scale: 1.4, animation: false });
    showPanel(hit.id);
    status.textContent = "Found: " + details[hit.id].label;
    return hit.id;
  }
  window.kgSearch = search;
  var box = document.getElementById("search");
  box.addEventListener("keydown", function (e) { if (e.key === "Enter") { search(box.value); } });
  document.getElementById("go").addEventListener("click", function () { search(box.value); });
  var names = document.getElementById("names");
  data.nodes.forEach(function (n) { names.appendChild(new Option(n.label)); });

  // Filters: entity types (the legend), relation types, date range.
  function counts() {
    var byType = {}, byRel = {};
    data.nodes.forEach(function (n) { byType[n.group] = (byType[n.group] || 0) + 1; });
    data.edges.forEach(function (e) { byRel[e.relation] = (byRel[e.relation] || 0) + 1; });
    return { types: byType, relations: byRel };
  }
  var c = counts();
  function addFilter(containerId, items, key, tally) {
    var holder = document.getElementById(containerId);
    items.forEach(function (item) {
      var label = document.createElement("label");
      var input = document.createElement("input");
      input.type = "checkbox";
      input.checked = true;
      input.dataset.name = item.name;
      input.addEventListener("change", function () {
        state[key][item.name] = input.checked;
        refresh();
      });
      var sw = el("span", undefined, "swatch");
      sw.style.background = item.color;
      label.appendChild(input);
      label.appendChild(sw);
      label.appendChild(el("span", item.label || item.name));
      label.appendChild(el("span", String(tally[item.name] || 0), "count"));
      holder.appendChild(label);
    });
  }
  function syncFilters() {
    document.querySelectorAll("#types input").forEach(function (i) { i.checked = state.types[i.dataset.name]; });
    refresh();
  }
  function refresh() {
    nodeView.refresh();
    edgeView.refresh();
    document.getElementById("shown").textContent = nodeView.length + " of " + data.nodes.length + " nodes shown";
  }
  addFilter("types", data.types, "types", c.types);
  addFilter("relations", data.relations, "relations", c.relations);
  var from = document.getElementById("from"), to = document.getElementById("to");
  if (data.date_min) {
    from.min = to.min = data.date_min;
    from.max = to.max = data.date_max;
    from.value = data.date_min;
    to.value = data.date_max;
    from.addEventListener("change", function () { state.from = from.value; refresh(); });
    to.addEventListener("change", function () { state.to = to.value; refresh(); });
  } else {
    document.getElementById("dates").style.display = "none";
  }
  document.getElementById("fit").addEventListener("click", function () { network.fit({ animation: false }); });
  refresh();
  showPanel(null);
  if (data.focus) { search(data.focus); }
})();
