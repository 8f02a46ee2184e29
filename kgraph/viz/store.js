// kgraph explorer, data on demand: node records, the name index and the search list come in shards.
// A page opened from disk cannot fetch() files, so each side file is a script that calls
// kgraphShard(kind, key, data); a small page carries the same shards inline (the kg-store block) and reads them
// through the same calls. A key's shard is FNV-1a of its UTF-8 bytes, as kgraph/viz/shards.py computes it.
(function () {
  "use strict";
  var KG = window.KG = window.KG || {};
  KG.hash = function (text) {
    var bytes = new TextEncoder().encode(text), h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) { h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0; }
    return h >>> 0;
  };
  KG.Store = function (data) {
    var counts = data.shards, files = data.files;
    var inlineBlock = document.getElementById("kg-store"), inline = null;
    var cache = {}, waiting = {}, loaded = [];
    window.kgSideFiles = function () { return loaded.slice(); };  // the side files loaded so far
    window.kgraphShard = function (kind, key, payload) {
      var id = kind + "/" + key;
      if (waiting[id]) { waiting[id](payload); delete waiting[id]; }
    };
    function file(kind, key) {
      var width = Math.max(1, (counts[kind] - 1).toString(16).length), name = key.toString(16);
      while (name.length < width) { name = "0" + name; }
      return files + kind + "/" + name + ".js";
    }
    function load(kind, key, resolve, reject) {
      var id = kind + "/" + key;
      if (inlineBlock) {
        if (!inline) { inline = JSON.parse(inlineBlock.textContent); }
        resolve((inline[kind] || {})[key]);
        return;
      }
      waiting[id] = resolve;
      var script = document.createElement("script");
      script.src = file(kind, key);
      script.charset = "utf-8";
      script.onload = function () {
        script.remove();
        loaded.push(kind + "/" + key);
        if (waiting[id]) { delete waiting[id]; reject(new Error(script.src + " holds no " + id + " shard.")); }
      };
      script.onerror = function () {
        script.remove();
        delete waiting[id];
        delete cache[id];  // a later call may try again
        reject(new Error("Could not load " + decodeURI(script.src) + ": keep the page's .files folder next to it."));
      };
      document.head.appendChild(script);
    }
    function shard(kind, key) {
      var id = kind + "/" + key;
      if (!cache[id]) { cache[id] = new Promise(function (resolve, reject) { load(kind, key, resolve, reject); }); }
      return cache[id];
    }
    return {
      chunks: counts.r,
      // A node's or a cluster's record: its drawing, panel, best-connected neighbours and edges to them.
      record: function (id) {
        return shard("n", KG.hash(id) % counts.n).then(function (s) { return (s || {})[id] || null; });
      },
      // The ids of the entities that have exactly this (lower-case) name, most mentioned first.
      named: function (name) {
        return shard("x", KG.hash(name) % counts.x).then(function (s) { return (s || {})[name] || []; });
      },
      // Part i of the search list, most mentioned first: [id, type, label, other names...] per entity.
      ranked: function (i) { return shard("r", i).then(function (s) { return s || []; }); }
    };
  };
})();
