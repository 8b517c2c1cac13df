// YASGUI on the query page, talking only to this server (no prefix.cc, no LOV, no catalogue).
(function () {
  var el = document.getElementById("yasgui");
  if (!el || typeof Yasgui === "undefined") { return; }
  var endpoint = el.getAttribute("data-endpoint");
  Yasgui.Yasqe.defaults.autocompleters = ["variables"];
  var yasgui = new Yasgui(el, {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: false,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    persistenceId: null
  });
  window.kgYasgui = yasgui;
  document.querySelectorAll("[data-example]").forEach(function (button) {
    button.addEventListener("click", function () {
      var tab = yasgui.getTab();
      tab.setQuery(document.getElementById(button.getAttribute("data-example")).textContent);
      tab.query();
    });
  });
  document.getElementById("form-fallback").style.display = "none";
  el.setAttribute("data-ready", "1");
})();
