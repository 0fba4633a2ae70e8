/* The institutions network drawn with vis-network; a click on a node opens its entity page, the
   search box finds a node by name (case and diacritics ignored).  Colours come with the data, one
   per kind (the legend on the page).  Without JavaScript the page shows its table instead. */
(function () {
  "use strict";
  var el = document.getElementById("network");
  if (!el || typeof vis === "undefined") { return; }
  var data = JSON.parse(document.getElementById("network-data").textContent);
  document.querySelectorAll(".js-only").forEach(function (e) { e.hidden = false; });
  el.hidden = false;
  if (!data.nodes.length) { el.classList.add("empty"); el.textContent = el.getAttribute("data-empty"); return; }
  var urls = {};
  data.nodes.forEach(function (n) {
    urls[n.id] = n.url;
    n.title = n.label + " (" + n.group + ")";
    n.color = { background: n.color, border: n.color, highlight: { background: n.color, border: "#1d232a" } };
  });
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var network = new vis.Network(el, { nodes: nodes, edges: edges }, {
    nodes: { shape: "dot", scaling: { min: 8, max: 40, label: { enabled: true, min: 12, max: 22 } },
             font: { face: "Noto Sans, DejaVu Sans, Arial, sans-serif" } },
    edges: { color: { color: "#9aa7b5", highlight: "#1f5f99" }, scaling: { min: 1, max: 8 }, smooth: false },
    physics: { stabilization: { iterations: 300 }, barnesHut: { gravitationalConstant: -6000, springLength: 140 } },
    interaction: { hover: true, tooltipDelay: 150 }
  });
  network.on("click", function (params) {
    if (params.nodes.length && urls[params.nodes[0]]) { window.location.href = urls[params.nodes[0]]; }
  });
  network.once("stabilizationIterationsDone", function () { network.setOptions({ physics: false }); el.dataset.ready = "1"; });
  window.libkgNetwork = network;

  // search: names folded (lower case, no diacritics, đ -> d), every word must appear
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
  }
  var find = document.getElementById("network-find");
  var status = document.getElementById("network-find-status");
  function search() {
    var words = fold(find.value).split(/\s+/).filter(Boolean);
    if (!words.length) { network.unselectAll(); status.textContent = ""; return; }
    var hits = data.nodes.filter(function (n) {
      var f = fold(n.label);
      return words.every(function (w) { return f.indexOf(w) >= 0; });
    });
    status.textContent = hits.length ? hits.length + " ✓" : "0";
    if (!hits.length) { network.unselectAll(); return; }
    network.selectNodes(hits.map(function (n) { return n.id; }));
    network.focus(hits[0].id, { scale: 1.2, animation: { duration: 300 } });
  }
  if (find) {
    find.addEventListener("input", search);
    find.addEventListener("change", search);
  }
})();
