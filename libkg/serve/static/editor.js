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

  // Result IRIs open this server's page of the entity, in this tab (not the IRI, which may not
  // resolve): IRIs under the data base at their own path, any other through /resource?iri=.
  var base = document.getElementById("yasgui").getAttribute("data-base") || "";
  function localPath(iri) {
    var rest = iri.substring(base.length);
    if (base && iri.indexOf(base) === 0 && rest.charAt(0) !== "/" && /^[A-Za-z0-9\-._~:\/?#\[\]@!$&'()*+,;=%]*$/.test(rest)) {
      return "/" + rest.replace(/'/g, "%27");
    }
    return "/resource?iri=" + encodeURIComponent(iri).replace(/'/g, "%27");
  }
  var Table = Yasgui.Yasr.plugins.table;
  if (Table) {
    Table.defaults.openIriInNewWindow = false;
    // and no automatic column widths, which render every cell of every page to find the widest
    Table.defaults.tableConfig.autoWidth = false;
    // Row numbers get a column wide enough for them (YASR gives 8 px a digit, with no room around).
    Table.prototype.getSizeFirstColumn = function () {
      var n = (this.yasr.results && this.yasr.results.getBindings() || []).length;
      return String(n).length * 9 + 22;
    };
    // Speed: DataTables asks every cell for its search and sort text up front; YASR sanitises each
    // one with DOMPurify (seconds for 10,000 rows).  That text never becomes HTML, so it is given
    // as is; what is displayed still goes through YASR's own (sanitising) cell renderer.
    var columns = Table.prototype.getColumns;
    Table.prototype.getColumns = function () {
      var cols = columns.call(this);
      cols.forEach(function (c, i) {
        if (i === 0 || typeof c.render !== "function") { return; }
        var render = c.render;
        c.render = function (d, type, row, meta) {
          if (d && d !== "" && (type === "filter" || type === "sort" || type === "type")) { return d.value; }
          return render(d, type, row, meta);
        };
      });
      return cols;
    };
  }
  function localiseLinks(root) {
    root.querySelectorAll("a.iri").forEach(function (a) {
      if (a.getAttribute("data-local")) { return; }
      var iri = a.getAttribute("href") || "";
      if (!/^https?:/i.test(iri)) { return; }
      a.setAttribute("href", localPath(iri));
      a.setAttribute("data-local", "1");
      a.setAttribute("title", iri);
      a.removeAttribute("target");
      a.removeAttribute("rel");
    });
  }

  // A cut answer says so above the results (the server also says it in the header and the body).
  var notice = document.getElementById("truncated-notice");
  var checked = null;
  function showTruncation(results) {
    if (!results || results === checked) { return; }
    checked = results;
    var cut = null;
    try {
      var json = results.getAsJson && results.getAsJson();
      cut = json && json.libkg && json.libkg.truncated ? json.libkg.maxRows : null;
    } catch (e) { cut = null; }
    if (cut) {
      notice.textContent = notice.getAttribute("data-text").replace("{n}", String(cut));
    }
    notice.hidden = !cut;
  }

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
  var root = document.getElementById("yasgui");
  new MutationObserver(function () {
    localiseLinks(root);
    var t = yasgui.getTab();
    var yasr = t && t.getYasr && t.getYasr();
    showTruncation(yasr && yasr.results);
  }).observe(root, { childList: true, subtree: true });
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
