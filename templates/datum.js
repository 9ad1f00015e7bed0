// The address per date: <law>/op.html?datum=2010-05-05 opens the version in force on that
// day, at its stable address (<law>/<first day>/index.html). The versions are the links of
// the page itself, so the page without JavaScript is the list to choose from. Relative
// addresses only: the site works from any folder and from file://.
(function () {
  "use strict";
  var MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli",
                "augustus", "september", "oktober", "november", "december"];

  function day(text) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || "");
    if (!match) { return null; }
    var year = +match[1], month = +match[2], date = +match[3];
    var check = new Date(Date.UTC(year, month - 1, date));
    if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 ||
        check.getUTCDate() !== date) { return null; }
    return {iso: text, words: date + " " + MONTHS[month - 1] + " " + year};
  }

  function versionOn(iso) {
    var links = document.querySelectorAll("#datum-versies a[data-from]");
    for (var i = 0; i < links.length; i++) {
      var from = links[i].getAttribute("data-from");
      var until = links[i].getAttribute("data-until");
      if (from <= iso && (!until || iso < until)) { return links[i]; }
    }
    return null;
  }

  function say(text) {
    document.getElementById("datum-melding").textContent = text;
  }

  var asked = new URLSearchParams(window.location.search).get("datum");
  if (asked === null || asked === "") { return; }
  var field = document.getElementById("datum");
  if (field) { field.value = asked; }
  var found = day(asked);
  if (!found) {
    say("«" + asked + "» is geen datum. Kies een datum in het veld hierboven.");
    return;
  }
  var link = versionOn(found.iso);
  if (!link) {
    var first = document.querySelector("#datum-versies a[data-from]");
    say("Op " + found.words + " gold geen versie die de opslag kent" +
        (first ? ". De eerste versie: " + first.textContent.charAt(0).toLowerCase() +
                 first.textContent.slice(1) + "." : "."));
    return;
  }
  say("De tekst op " + found.words + " wordt geopend: " + link.textContent + ".");
  window.location.replace(link.getAttribute("href"));
}());
