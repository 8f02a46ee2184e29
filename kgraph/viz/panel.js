// kgraph explorer, the side panel: an entity's names, posts, career timeline and evidence, or a cluster's counts
// and members. Every text is written with textContent, never as HTML.
(function () {
  "use strict";
  var KG = window.KG = window.KG || {};

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }
  KG.el = el;
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
  // An evidence sentence under its article's date and headline; the headline links to the article when the
  // article has a web address.
  function evidence(ev) {
    var box = el("div", undefined, "evidence");
    var meta = el("div", ev.date ? ev.date + " · " : "", "meta");
    var headline = ev.headline || ev.article;
    if (ev.url && /^https?:\/\//i.test(ev.url)) {
      var a = el("a", headline);
      a.href = ev.url;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      meta.appendChild(a);
    } else {
      meta.appendChild(document.createTextNode(headline));
    }
    box.appendChild(meta);
    box.appendChild(el("div", ev.sentence, "sentence"));
    return box;
  }
  function badge(type, types) {
    var b = el("span", type, "type");
    var style = types.filter(function (t) { return t.name === type; })[0];
    b.style.background = style ? style.color : "#888";
    return b;
  }
  function entity(panel, d, ctx) {
    panel.appendChild(el("h3", d.label));
    if (d.label_zh) { panel.appendChild(el("div", d.label_zh, "zh")); }
    panel.appendChild(badge(d.type, ctx.types));
    var seen = d.first_seen ? (d.first_seen === d.last_seen ? d.first_seen : d.first_seen + " to " + d.last_seen) : "";
    panel.appendChild(el("p", d.mentions + " mention(s)" + (seen ? ", seen " + seen : "")));
    [list("Also known as", d.aliases_en.concat(d.aliases_zh)), timeline(d), list("Posts held", d.posts),
     list("Officials", d.officials), list("Belongs to", d.parents)].forEach(function (b) {
      if (b) { panel.appendChild(b); }
    });
    if (d.more) {
      panel.appendChild(el("p", "Drawn with its best-connected neighbours; " + d.more.toLocaleString("en") +
        " more are not drawn.", "note"));
    }
    if (d.evidence.length) {
      panel.appendChild(el("h2", "Evidence"));
      d.evidence.forEach(function (ev) { panel.appendChild(evidence(ev)); });
    }
  }
  // A cluster: how many entities under one region the overview leaves out, by type, and the best connected of
  // them (opening the cluster draws the first of these; a click on a name opens that entity).
  function cluster(panel, d, ctx) {
    var where = d.region ? "in " + d.label : "under no region drawn";
    panel.appendChild(el("h3", d.count.toLocaleString("en") + " more " + where));
    panel.appendChild(badge(d.type, ctx.types));
    panel.appendChild(el("p", "Entities the overview does not draw, counted at the nearest region it draws above " +
      "them. The best connected are now drawn; click a name to open it, or search for any other."));
    panel.appendChild(list("By type", d.counts.map(function (c) { return c[0] + ": " + c[1].toLocaleString("en"); })));
    panel.appendChild(el("h2", "Best connected"));
    var ul = el("ul", undefined, "members");
    d.members.forEach(function (m) {
      var li = el("li");
      var b = el("button", m[1], "link");
      b.type = "button";
      b.dataset.id = m[0];
      b.addEventListener("click", function () { ctx.open(m[0], true); });
      li.appendChild(b);
      li.appendChild(el("span", " " + m[2], "kind"));
      ul.appendChild(li);
    });
    panel.appendChild(ul);
    if (d.count > d.members.length) {
      panel.appendChild(el("p", "… and " + (d.count - d.members.length).toLocaleString("en") + " more.", "note"));
    }
  }
  KG.panel = function (panel, record, ctx) {
    panel.textContent = "";
    if (!record) { panel.appendChild(el("p", "Click a node to see its details.", "empty")); return; }
    (record.detail.kind === "cluster" ? cluster : entity)(panel, record.detail, ctx);
  };
})();
