// The picture of a resource's neighbourhood on /id/... pages (cytoscape.js, served locally).
(function () {
  var el = document.getElementById("graph");
  if (!el || typeof cytoscape === "undefined") { return; }
  var data = JSON.parse(el.getAttribute("data-graph"));
  var elements = data.nodes.map(function (n) {
    return { data: { id: n.id, label: n.label, href: n.href, centre: n.centre ? 1 : 0 } };
  }).concat(data.edges.map(function (e, i) {
    return { data: { id: "e" + i, source: e.source, target: e.target, label: e.label } };
  }));
  var cy = cytoscape({
    container: el,
    elements: elements,
    layout: { name: "cose", animate: false },
    style: [
      { selector: "node", style: { "label": "data(label)", "font-size": 10,
        "background-color": "#7aa6c2", "width": 18, "height": 18 } },
      { selector: "node[centre = 1]", style: { "background-color": "#d9822b",
        "width": 28, "height": 28 } },
      { selector: "edge", style: { "label": "data(label)", "font-size": 8,
        "curve-style": "bezier", "target-arrow-shape": "triangle", "width": 1,
        "line-color": "#bbb", "target-arrow-color": "#bbb", "color": "#555" } }
    ]
  });
  cy.on("tap", "node", function (evt) {
    var href = evt.target.data("href");
    if (href && !evt.target.data("centre")) { window.location.href = href; }
  });
  window.kgGraph = cy;
  el.setAttribute("data-ready", String(cy.nodes().length));
})();
