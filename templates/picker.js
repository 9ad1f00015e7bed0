// The date picker, enhanced: without JavaScript both forms lead to kies.html, which
// lists every version; with it, the chosen version (or the version valid on the chosen
// date) opens at once.
(function () {
  "use strict";
  function versionOn(select, day) {
    var found = null;
    Array.prototype.forEach.call(select.options, function (option) {
      var from = option.getAttribute("data-from");
      var until = option.getAttribute("data-until");
      if (from <= day && (!until || day < until)) { found = option.value; }
    });
    return found;
  }
  document.querySelectorAll("form[data-picker]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      window.location.href = form.querySelector("select").value;
    });
  });
  document.querySelectorAll("form[data-date-picker]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      var select = document.getElementById(form.getAttribute("data-date-picker"));
      var day = form.querySelector("input[type=date]").value;
      var page = select && day ? versionOn(select, day) : null;
      if (page) {
        event.preventDefault();
        window.location.href = page;
      }
    });
  });
}());
