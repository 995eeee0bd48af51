// Swagger UI for /openapi.json, from the vendored swagger-ui-dist (no CDN, no validator badge).
window.addEventListener("load", function () {
  "use strict";
  var node = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({url: node.dataset.url, dom_id: "#swagger-ui", validatorUrl: null, deepLinking: true});
});
