// kgraph explorer: an overview drawn at once, and search, filters, a date range and a side panel over it.
// Opening a node (a click, a search, a name in a panel) loads its record from the store (store.js) and draws its
// best-connected neighbours; every text comes from JSON and is written with textContent, never as HTML.
(function () {
  "use strict";
  var KG = window.KG;
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var store = KG.Store(data);
  var CLUSTER = data.cluster.name;
  var styles = {}, kinds = {};
  data.types.concat([data.cluster]).forEach(function (t) { styles[t.name] = t; });
  data.relations.forEach(function (r) { kinds[r.name] = r; });
  var state = { types: {}, relations: {}, from: "", to: "" };

  function tooltip(text) {
    var e = document.createElement("div");
    e.textContent = text;
    return e;
  }
  function visNode(n) {
    var s = styles[n.group] || styles.Person;
    var v = Object.assign({}, n, { shape: s.shape, color: s.color });
    if (n.group === CLUSTER) {
      v.color = { background: "#eceef2", border: s.color };
      v.shapeProperties = { borderDashes: [4, 3] };
      v.font = { color: "#59606b" };
      v.title = tooltip(n.label + " not drawn: click to draw the best connected and list them");
    } else {
      v.title = tooltip(n.label + " (" + n.group + ")");
    }
    return v;
  }
  function visEdge(e) {
    var k = kinds[e.relation];
    var v = Object.assign({}, e, { id: [e.from, e.to, e.relation, e.text].join("\u0001"), title: tooltip(e.text) });
    if (k) {
      v.label = data.labels ? k.label : "";
      v.color = k.color;
      v.arrows = "to";
    } else {  // a cluster's link to its region
      v.color = data.cluster.color;
      v.dashes = true;
    }
    return v;
  }
  function fresh(items, set) {
    var seen = {};
    return items.filter(function (x) {
      if (seen[x.id] || set.get(x.id)) { return false; }
      seen[x.id] = true;
      return true;
    });
  }
  var nodes = new vis.DataSet(data.nodes.map(visNode));
  var edges = new vis.DataSet(fresh(data.edges.map(visEdge), { get: function () { return null; } }));

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
    setTimeout(function () { chunk(0); }, 0);  // names for suggestions, after the first drawing
  });

  // Opening a node: load its record, draw it with its neighbours and edges, show its panel. Only the latest
  // of several quick openings fills the panel.
  var panel = document.getElementById("panel");
  var status = document.getElementById("status");
  var latest = 0;
  var ctx = { types: data.types.concat([data.cluster]), open: function (id, focus) { return open(id, focus); } };
  // vis-network redraws the whole canvas on every change of its data: block that while a record's nodes and
  // edges go in, then draw once (the events are vis-network 9's, whose copy pyvis ships).
  function draw(record) {
    var added = fresh([record.node].concat(record.near).map(visNode), nodes);
    var linked = fresh(record.edges.map(visEdge), edges);
    if (!added.length && !linked.length) { return; }
    network.body.emitter.emit("_blockRedraw");
    try {
      if (added.length) { nodes.add(added); }
      if (linked.length) { edges.add(linked); }
    } finally {
      network.body.emitter.emit("_allowRedraw");
      network.redraw();
    }
  }
  function open(id, focus) {
    var started = performance.now(), mine = ++latest;
    status.textContent = "Loading…";
    return store.record(id).then(function (record) {
      if (!record) {
        if (mine === latest) { status.textContent = "Nothing is known of " + id + "."; }
        return null;
      }
      draw(record);
      if (state.types[record.node.group] === false) {
        state.types[record.node.group] = true;
        syncFilters();
      } else {
        count();
      }
      if (mine !== latest) { return id; }
      network.selectNodes([id]);
      if (focus) { network.focus(id, { scale: 1.4, animation: false }); }
      KG.panel(panel, record, ctx);
      status.textContent = focus ? "Found: " + record.detail.label : "";
      window.kgLastOpen = { id: id, ms: performance.now() - started };
      return id;
    }, function (err) {
      status.textContent = err.message;
      return null;
    });
  }
  window.kgOpen = open;
  network.on("click", function (params) {
    if (params.nodes.length) { open(params.nodes[0], false); }
  });

  // Search by any name, English or Chinese: an exact name from the name index, else the first entity (most
  // mentioned first) with a name containing the query; then open it and zoom to it.
  var chunks = {};
  function chunk(i) {
    if (!chunks[i]) {
      chunks[i] = store.ranked(i).then(function (entries) {
        return entries.map(function (x) {
          return { id: x[0], type: x[1], label: x[2], names: x.slice(2).map(function (n) { return n.toLowerCase(); }) };
        });
      });
      chunks[i].catch(function () { delete chunks[i]; });
    }
    return chunks[i];
  }
  function scan(q, i) {
    if (i >= store.chunks) { return Promise.resolve(null); }
    return chunk(i).then(function (entries) {
      var hit = entries.filter(function (x) { return x.names.some(function (n) { return n.indexOf(q) >= 0; }); })[0];
      return hit ? hit.id : scan(q, i + 1);
    });
  }
  function search(query) {
    var q = query.trim().toLowerCase();
    if (!q) { status.textContent = ""; return Promise.resolve(null); }
    status.textContent = "Searching…";
    return store.named(q).then(function (ids) { return ids.length ? ids[0] : scan(q, 0); }).then(function (id) {
      if (!id) { status.textContent = "No match for “" + query + "”."; return null; }
      return open(id, true);
    }, function (err) {
      status.textContent = err.message;
      return null;
    });
  }
  window.kgSearch = search;
  var box = document.getElementById("search");
  box.addEventListener("keydown", function (e) { if (e.key === "Enter") { search(box.value); } });
  document.getElementById("go").addEventListener("click", function () { search(box.value); });
  // Suggestions while typing, from the part of the search list loaded so far (the most mentioned first).
  var names = document.getElementById("names");
  box.addEventListener("input", function () {
    var q = box.value.trim().toLowerCase();
    chunk(0).then(function (entries) {
      if (box.value.trim().toLowerCase() !== q) { return; }
      var starts = [], contains = [];
      entries.forEach(function (x) {
        if (!q) { return; }
        if (x.names.some(function (n) { return n.indexOf(q) === 0; })) { starts.push(x.label); }
        else if (x.names.some(function (n) { return n.indexOf(q) > 0; })) { contains.push(x.label); }
      });
      names.textContent = "";
      starts.concat(contains).slice(0, 12).forEach(function (label) { names.appendChild(new Option(label)); });
    });
  });

  // Filters: entity types (the legend, with totals over the whole graph), relation types, date range.
  function addFilter(containerId, items, key) {
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
      var sw = KG.el("span", undefined, "swatch");
      sw.style.background = item.color;
      label.appendChild(input);
      label.appendChild(sw);
      label.appendChild(KG.el("span", item.label || item.name));
      label.appendChild(KG.el("span", item.count.toLocaleString("en"), "count"));
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
    count();
  }
  function count() {
    var clusters = nodeView.getIds().filter(function (id) { return id.indexOf("cluster:") === 0; }).length;
    document.getElementById("shown").textContent = (nodeView.length - clusters).toLocaleString("en") + " of " +
      data.total.toLocaleString("en") + " entities drawn" +
      (clusters ? ", the rest in " + clusters.toLocaleString("en") + " clusters by region" : "");
  }
  addFilter("types", data.types.concat(data.cluster.count ? [data.cluster] : []), "types");
  addFilter("relations", data.relations, "relations");
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
  KG.panel(panel, null, ctx);
  if (data.focus) { search(data.focus); }
})();
