/* The institutions network drawn with vis-network; a click on a node opens its entity page.
   The same data is listed under the drawing for readers without JavaScript. */
(function () {
  "use strict";
  var el = document.getElementById("network");
  if (!el || typeof vis === "undefined") { return; }
  var data = JSON.parse(document.getElementById("network-data").textContent);
  if (!data.nodes.length) { el.classList.add("empty"); el.textContent = "Không có dữ liệu · no institutions in this window"; return; }
  var urls = {};
  data.nodes.forEach(function (n) { urls[n.id] = n.url; n.title = n.label + " (" + n.group + ")"; });
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
})();
