// Calf & Sole test hooks: served only when the server runs with
// -test-hooks, as the browser tests start it; never in what people
// download. It runs after boot.js and store.js.
(function () {
  "use strict";

  function readNumber(key) {
    try {
      return parseFloat(window.localStorage.getItem(key) || "") || 0;
    } catch (e) {
      return 0;
    }
  }

  var c = window.calfsole;
  // testScale shortens every step (app/browser.TestScale).
  c.testScale = readNumber("calfsole.testScale");
  // cues.log records every cue the app gave, with how late it came.
  c.cues.log = [];
  c.cues.record = function (kind, step, dueMs) {
    c.cues.log.push({ kind: kind, step: step, due: dueMs, at: Date.now(), late: Date.now() - dueMs });
  };
  // calfsoleLastDownload is the last file the app saved.
  var download = window.calfsoleStore.download;
  window.calfsoleStore.download = function (name, type, text) {
    window.calfsoleLastDownload = { name: name, type: type, text: text };
    return download.apply(this, arguments);
  };
})();
