// The search page: each law's index (<law>/zoekindex.js, made by `consolidator render`) is
// loaded only when a search needs it, by adding it as a script (a page opened from file://
// may load a script next to it, not read a file). Every word must occur, in the title, the
// heading or the text of an article (case and accents ignored). Results are built as text
// nodes, never as markup: the law text is data.
(function () {
  "use strict";
  var form = document.querySelector("form[data-zoeken]");
  if (!form) { return; }
  var field = document.getElementById("zoekterm");
  var which = document.getElementById("zoekwet");
  var section = document.getElementById("resultaten");
  var list = document.getElementById("zoek-lijst");
  var status = document.getElementById("zoek-melding");
  var MAX = 100;
  var loaded = {};
  var waiting = {};

  window.consolidatorZoekindex = function (index) {
    index.artikelen.forEach(function (article) {
      article.plat = plain(article.kop + "\n" + article.tekst);
    });
    index.plat = plain(index.titel);
    loaded[index.wet] = index;
    (waiting[index.wet] || []).forEach(function (done) { done(index); });
    delete waiting[index.wet];
  };

  function plain(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function load(option) {
    return new Promise(function (resolve, reject) {
      var law = option.value;
      if (loaded[law]) { resolve(loaded[law]); return; }
      if (waiting[law]) { waiting[law].push(resolve); return; }
      waiting[law] = [resolve];
      var script = document.createElement("script");
      script.src = option.getAttribute("data-index");
      script.onerror = function () { reject(option.getAttribute("data-title")); };
      document.head.appendChild(script);
    });
  }

  function words(query) {
    return plain(query).split(/[^0-9a-z]+/).filter(function (w) { return w.length > 0; });
  }

  function matches(text, terms) {
    return terms.every(function (term) { return text.indexOf(term) >= 0; });
  }

  function find(index, terms) {
    var found = [];
    var base = index.wet + "/";
    if (matches(index.plat, terms)) {
      found.push({href: base + index.pagina, title: index.titel, law: index.titel, text: null});
    }
    index.artikelen.forEach(function (article) {
      if (!matches(article.plat, terms)) { return; }
      var inTitle = matches(plain(article.kop), terms);
      found.push({href: base + article.pagina, title: article.kop, law: index.titel,
                  text: inTitle ? null : snippet(article, terms[0]), rank: inTitle ? 0 : 1,
                  repealed: article.vervallen});
    });
    return found;
  }

  // The line of the article where the first word occurs, cut at word ends around it:
  // [before, the word as written, after].
  function snippet(article, term) {
    var lines = article.tekst.split("\n");
    for (var i = 0; i < lines.length; i++) {
      var line = lines[i];
      var at = plain(line).indexOf(term);
      if (at < 0) { continue; }
      var start = at > 80 ? line.indexOf(" ", at - 80) + 1 : 0;
      var end = line.indexOf(" ", at + term.length + 120);
      end = end < 0 ? line.length : end;
      return [(start > 0 ? "…" : "") + line.slice(start, at), line.slice(at, at + term.length),
              line.slice(at + term.length, end) + (end < line.length ? "…" : "")];
    }
    return null;
  }

  function show(results, query) {
    list.textContent = "";
    results.slice(0, MAX).forEach(function (result) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = result.href;
      link.textContent = result.title;
      item.appendChild(link);
      var where = document.createElement("span");
      where.className = "meta";
      where.textContent = " · " + result.law + (result.repealed ? " (vervallen)" : "");
      item.appendChild(where);
      if (result.text) {
        var text = document.createElement("p");
        text.className = "uittreksel";
        text.appendChild(document.createTextNode(result.text[0]));
        var mark = document.createElement("mark");
        mark.textContent = result.text[1];
        text.appendChild(mark);
        text.appendChild(document.createTextNode(result.text[2]));
        item.appendChild(text);
      }
      list.appendChild(item);
    });
    var shown = Math.min(results.length, MAX);
    section.hidden = false;
    status.textContent = results.length === 0 ? "Niets gevonden voor «" + query + "»." :
      (results.length === 1 ? "1 resultaat" : results.length + " resultaten") +
      " voor «" + query + "»" + (shown < results.length ? "; de eerste " + shown + "." : ".");
  }

  function search(query, law) {
    var terms = words(query);
    if (terms.length === 0) { return; }
    var options = Array.prototype.filter.call(which.options, function (option) {
      return option.value && (!law || option.value === law);
    });
    section.hidden = false;  // first shown, then filled: the status is announced
    status.textContent = "Zoeken…";
    Promise.all(options.map(load)).then(function (indexes) {
      var results = [];
      indexes.forEach(function (index) { results = results.concat(find(index, terms)); });
      results.sort(function (a, b) { return (a.rank || 0) - (b.rank || 0); });
      show(results, query);
    }, function (title) {
      status.textContent = "De zoekindex van " + title + " kon niet worden geladen.";
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var url = "?q=" + encodeURIComponent(field.value) +
              (which.value ? "&wet=" + encodeURIComponent(which.value) : "");
    try {  // the address says what was asked, to keep or pass on
      window.history.replaceState(null, "", url);
    } catch (error) {  // some browsers refuse this on file://; the search works without it
    }
    search(field.value, which.value);
  });

  var asked = new URLSearchParams(window.location.search);
  if (asked.get("wet")) { which.value = asked.get("wet"); }
  if (asked.get("q")) {
    field.value = asked.get("q");
    search(asked.get("q"), which.value);
  }
}());
