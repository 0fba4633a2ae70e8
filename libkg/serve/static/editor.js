/* The query editor: YASGUI over this server's /sparql, with the bundled queries as a menu.
   Without JavaScript the page keeps its plain form, which posts to /sparql. */
(function () {
  "use strict";
  if (typeof Yasgui === "undefined") { return; }
  var queries = JSON.parse(document.getElementById("bundled-queries").textContent);
  var initialName = JSON.parse(document.getElementById("initial-query").textContent);
  var byName = {};
  queries.forEach(function (q) { byName[q.name] = q; });
  var plain = document.getElementById("plain-editor");
  var initialText = plain.querySelector("textarea").value;

  // Completers that ask other servers (Linked Open Vocabularies) are off: this page talks to this server only.
  var keep = ["prefixes", "variables"];
  Yasgui.Yasqe.defaults.autocompleters = Yasgui.Yasqe.defaults.autocompleters.filter(function (n) {
    return keep.indexOf(n) >= 0;
  });
  Yasgui.Yasr.defaults.pluginOrder = ["table", "response"];

  var endpoint = new URL("/sparql", window.location.href).href;
  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: false,
    persistenceId: null,
    populateFromUrl: false,
    autofocus: false,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } }
  });
  plain.hidden = true;
  var tab = yasgui.getTab();
  tab.setEndpoint(endpoint);
  tab.setQuery(initialText);
  window.libkgYasgui = yasgui;

  function mark(name) {
    document.querySelectorAll("[data-query]").forEach(function (a) {
      a.classList.toggle("active", a.getAttribute("data-query") === name);
    });
  }
  mark(initialName);
  document.querySelectorAll("[data-query]").forEach(function (a) {
    a.addEventListener("click", function (ev) {
      var q = byName[a.getAttribute("data-query")];
      if (!q) { return; }
      ev.preventDefault();
      var t = yasgui.getTab();
      t.setQuery(q.text);
      t.query();
      mark(q.name);
      history.replaceState(null, "", "/sparql?name=" + encodeURIComponent(q.name));
    });
  });
  if (initialName) { tab.query(); }
})();
