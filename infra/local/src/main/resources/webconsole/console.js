// The console's only script: actions as same-origin POSTs with the page's token, live lists over server-sent
// events, and the API page's "try it" form. Every value from the server arrives as escaped HTML (live rows) or
// is shown with textContent; nothing here builds markup from data.
"use strict";

(function () {
  const token = document.querySelector('meta[name="console-token"]').content;

  function flash(text, bad) {
    const box = document.getElementById("flash");
    box.textContent = text;
    box.className = bad ? "bad" : "good";
    box.hidden = false;
  }

  const remembered = sessionStorage.getItem("console-flash");
  if (remembered) {
    sessionStorage.removeItem("console-flash");
    flash(remembered, false);
  }

  async function answerText(response) {
    try {
      const body = await response.json();
      return body.message || body.detail || body.title || String(response.status);
    } catch (e) {
      return "HTTP " + response.status;
    }
  }

  async function post(url, body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-Console-Token": token, "Content-Type": "application/x-www-form-urlencoded" },
      body: body
    });
  }

  for (const form of document.querySelectorAll("form[data-action]")) {
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
        return;
      }
      const buttons = form.querySelectorAll("button");
      buttons.forEach((b) => (b.disabled = true));
      try {
        const response = await post(form.dataset.action, new URLSearchParams(new FormData(form, event.submitter)));
        const text = await answerText(response);
        if (response.ok) {
          sessionStorage.setItem("console-flash", text);
          window.location.reload();
        } else {
          flash(text, true);
        }
      } catch (e) {
        flash("the runtime did not answer: " + e, true);
      } finally {
        buttons.forEach((b) => (b.disabled = false));
      }
    });
  }

  for (const list of document.querySelectorAll("[data-stream]")) {
    const source = new EventSource(list.dataset.stream);
    const state = document.querySelector('[data-live-for="' + list.id + '"]');
    const max = parseInt(list.dataset.maxRows || "500", 10);
    const append = list.hasAttribute("data-append");
    source.onopen = () => state && (state.textContent = "live", state.className = "live-state on");
    source.onerror = () => state && (state.textContent = "reconnecting", state.className = "live-state off");
    source.onmessage = (event) => {
      const empty = list.closest("table").parentElement.querySelector("p.empty");
      if (empty) {
        empty.remove();
      }
      list.insertAdjacentHTML(append ? "beforeend" : "afterbegin", event.data);
      while (list.rows.length > max) {
        list.deleteRow(append ? 0 : list.rows.length - 1);
      }
      if (append && window.innerHeight + window.scrollY >= document.body.scrollHeight - 200) {
        window.scrollTo(0, document.body.scrollHeight);
      }
    };
  }

  const tryIt = document.getElementById("try-it");
  if (tryIt) {
    let devToken = null;
    const route = tryIt.elements.route;
    const choose = () => {
      const option = route.selectedOptions[0];
      if (option) {
        tryIt.elements.method.value = option.dataset.method;
        tryIt.elements.path.value = option.dataset.path;
      }
    };
    route.addEventListener("change", choose);
    choose();
    tryIt.addEventListener("submit", async (event) => {
      event.preventDefault();
      const result = document.getElementById("try-result");
      const url = new URL(tryIt.elements.path.value, window.location.origin);
      if (url.origin !== window.location.origin) {
        flash("the path must be a path of this API", true);
        return;
      }
      const headers = {};
      if (tryIt.elements.auth.checked) {
        if (devToken === null) {
          const answer = await post("/_local/console/api/token", "");
          if (!answer.ok) {
            flash(await answerText(answer), true);
            return;
          }
          devToken = (await answer.json()).token;
        }
        headers["Authorization"] = "Bearer " + devToken;
      }
      const method = tryIt.elements.method.value;
      const body = tryIt.elements.body.value;
      if (body && method !== "GET" && method !== "DELETE") {
        headers["Content-Type"] = "application/json";
      }
      const started = performance.now();
      try {
        const response = await fetch(url.pathname + url.search, {
          method: method,
          headers: headers,
          body: method === "GET" || !body ? undefined : body,
          credentials: "omit"
        });
        const text = await response.text();
        result.replaceChildren();
        const status = document.createElement("p");
        status.className = "status " + (response.ok ? "good" : "bad");
        status.textContent = response.status + " " + response.statusText + " · "
          + Math.round(performance.now() - started) + " ms";
        const head = document.createElement("pre");
        head.className = "code headers";
        head.textContent = [...response.headers].map(([name, value]) => name + ": " + value).join("\n");
        const pre = document.createElement("pre");
        pre.className = "code";
        pre.id = "try-body";
        try {
          pre.textContent = JSON.stringify(JSON.parse(text), null, 2);
        } catch (e) {
          pre.textContent = text;
        }
        result.append(status, head, pre);
      } catch (e) {
        flash("the request failed: " + e, true);
      }
    });
  }
})();
