// Starts swagger-ui on the console's OpenAPI page. Its "Try it out" requests go to this runtime, with the dev
// token fetched (like the "try it" form does) into memory and put in the Authorization header.
"use strict";

(function () {
  const token = document.querySelector('meta[name="console-token"]').content;
  const root = document.getElementById("swagger-ui");
  let devToken = null;

  async function bearer() {
    if (devToken === null) {
      const answer = await fetch("/_local/console/api/token", {
        method: "POST",
        credentials: "same-origin",
        headers: { "X-Console-Token": token }
      });
      devToken = answer.ok ? (await answer.json()).token : "";
    }
    return devToken;
  }

  window.SwaggerUIBundle({
    url: root.dataset.url,
    domNode: root,
    deepLinking: false,
    validatorUrl: null,
    tryItOutEnabled: false,
    requestInterceptor: async (request) => {
      const url = new URL(request.url, window.location.origin);
      if (!url.pathname.startsWith("/_local/")) {
        // Whatever servers the document names, this page tries the API of the runtime that serves it.
        request.url = window.location.origin + url.pathname + url.search;
        const value = await bearer();
        if (value) {
          request.headers["Authorization"] = "Bearer " + value;
        }
      }
      return request;
    }
  });
})();
