// Calf & Sole boot script: runs in the page head, before the app's WebAssembly.
// It applies the remembered colour theme before the first paint (no white
// flash at night) and watches the service worker for updates, so the app can
// offer "Update now" and apply it only when the person taps it.
(function () {
  "use strict";

  var themeKey = "calfsole.theme";
  var root = document.documentElement;

  function readTheme() {
    try {
      var v = JSON.parse(window.localStorage.getItem(themeKey) || '"auto"');
      return v === "light" || v === "night" ? v : "auto";
    } catch (e) {
      return "auto"; // storage blocked (private mode) or unreadable
    }
  }

  function applyTheme(v) {
    if (v === "light" || v === "night") {
      root.setAttribute("data-theme", v);
    } else {
      root.removeAttribute("data-theme");
    }
  }

  applyTheme(readTheme());

  var update = { state: "", failed: [] };

  function setUpdate(state, failed) {
    update.state = state;
    update.failed = failed || [];
    window.dispatchEvent(new CustomEvent("calfsole-update", { detail: state }));
  }

  function watchWorker(worker) {
    if (!worker) {
      return;
    }
    var check = function () {
      if (worker.state === "installed" && navigator.serviceWorker.controller) {
        setUpdate("ready");
      }
    };
    worker.addEventListener("statechange", check);
    check();
  }

  function watchRegistration(reg) {
    if (!reg) {
      return;
    }
    watchWorker(reg.waiting);
    watchWorker(reg.installing);
    reg.addEventListener("updatefound", function () {
      watchWorker(reg.installing);
    });
  }

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.addEventListener("message", function (event) {
      var msg = event.data && event.data.calfsole;
      if (msg && msg.type === "update-failed") {
        setUpdate("failed", msg.failed);
      }
    });
    navigator.serviceWorker.ready.then(watchRegistration);
  }

  window.calfsole = {
    theme: {
      get: readTheme,
      set: function (v) {
        applyTheme(v);
        try {
          window.localStorage.setItem(themeKey, JSON.stringify(v));
          return true;
        } catch (e) {
          return false;
        }
      },
    },
    update: update,
    // applyUpdate lets the waiting version take over, then reloads this page
    // once it has. It is only ever called from the person's tap.
    applyUpdate: function () {
      navigator.serviceWorker.getRegistration().then(function (reg) {
        if (!reg || !reg.waiting) {
          window.location.reload();
          return;
        }
        navigator.serviceWorker.addEventListener("controllerchange", function () {
          window.location.reload();
        });
        reg.waiting.postMessage({ calfsole: "skip-waiting" });
      });
    },
  };
})();
