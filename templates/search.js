// Dossier search: a small progressive enhancement of search.html. The
// index is a script (window.DOSSIER_SEARCH) so that it works from file://,
// where fetch() is blocked. Every result links to its paragraph.
(function () {
  "use strict";
  // The documents come in shards (search-index-N.js), each pushing its
  // array; search-index.js adds the timeline entries.
  var data = window.DOSSIER_SEARCH;
  if (data) data.docs = [].concat.apply([], window.DOSSIER_SEARCH_DOCS || []);
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-q");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!data || !form || !input || !list || !status) return;

  // The words are the site's language's (templates/strings.yaml), which
  // search.html gives as data-* attributes of the list, verbs and all: say
  // fills them in as the build's {{t}} does (%s, %d, %[2]s), taking the
  // "-one" attribute, the singular, when the first argument is 1. Without
  // the attribute (an older search.html) it shows the arguments alone.
  function say(name) {
    var args = [].slice.call(arguments, 1), n = 0;
    var s = (args[0] === 1 && list.getAttribute("data-" + name + "-one")) || list.getAttribute("data-" + name);
    if (s === null) return args.join(" ");
    return s.replace(/%(?:\[(\d+)\])?([sdv%])/g, function (m, at, verb) {
      if (verb === "%") return "%";
      if (at) n = at - 1;
      var v = args[n++];
      return v === undefined ? "" : String(v);
    });
  }

  // Fold case, accents and curly quotes so "dont" finds "don’t".
  function fold(s) {
    return s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[\u2018\u2019']/g, "").replace(/[\u201c\u201d"]/g, "").replace(/\u00a0/g, " ");
  }
  var parts = [];
  data.docs.forEach(function (doc) {
    var head = [doc.t, doc.d || ""].join(" ");
    parts.push({ doc: doc, id: "", text: doc.d || doc.t, key: fold(head) });
    doc.p.forEach(function (p) {
      parts.push({ doc: doc, id: p[0], text: p[1], key: fold(head + " " + p[1]), own: fold(p[1]) });
    });
  });
  // Timeline entries point at their quote's span of article text.
  (data.tl || []).forEach(function (t) {
    var doc = { u: t.u, t: t.t, m: say("timeline") };
    t.e.forEach(function (e) {
      var quote = data.docs[e[2]].p[e[3]][1].slice(e[4], e[4] + e[5]);
      var label = t.l[e[1]];
      parts.push({ doc: doc, id: e[0], label: label, text: quote, key: fold(label + " " + quote) });
    });
  });

  function snippet(text, terms) {
    var folded = fold(text);
    var at = -1;
    for (var i = 0; i < terms.length && at < 0; i++) at = folded.indexOf(terms[i]);
    var start = Math.max(0, at - 60);
    var s = text.slice(start, start + 220);
    return (start > 0 ? "… " : "") + s + (start + 220 < text.length ? " …" : "");
  }

  function show(q) {
    var terms = fold(q).split(/\s+/).filter(Boolean);
    list.textContent = "";
    if (!terms.length) { status.textContent = ""; return; }
    var hits = parts.filter(function (p) {
      return terms.every(function (t) { return p.key.indexOf(t) >= 0; }) &&
        (!p.own || terms.some(function (t) { return p.own.indexOf(t) >= 0; }));
    }).slice(0, 50);
    hits.forEach(function (h) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = h.doc.u + (h.id ? "#" + h.id : "");
      a.textContent = h.label ? say("entry", h.doc.t, h.label) :
        h.id ? say("paragraph", h.doc.t, h.id.replace(/^p/, "")) : h.doc.t;
      var p = document.createElement("p");
      p.textContent = snippet(h.text, terms);
      li.appendChild(a);
      if (h.doc.m) {
        var m = document.createElement("span");
        m.className = "meta";
        m.textContent = " " + h.doc.m;
        li.appendChild(m);
      }
      li.appendChild(p);
      list.appendChild(li);
    });
    status.textContent = hits.length === 0 ? say("none", q) : say("results", hits.length, q);
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    show(input.value);
  });
  input.addEventListener("input", function () { show(input.value); });
  var q = new URLSearchParams(window.location.search).get("q");
  if (q) { input.value = q; show(q); }
})();
