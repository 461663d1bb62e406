// Calf & Sole log storage: IndexedDB, one record per entry keyed by its
// UUID, so two tabs writing at once never overwrite each other's entries,
// and writes never block the page. Records are JSON text: the app (Go)
// parses and checks each one, and sets aside any that is corrupt.
(function () {
  "use strict";

  var dbName = "calfsole";
  var version = 1;
  var db = null;
  var channel = "BroadcastChannel" in window ? new BroadcastChannel("calfsole-log") : null;

  function err(e) {
    e = e || {};
    return { name: e.name || "Error", message: e.message || String(e) };
  }

  function open() {
    return new Promise(function (resolve, reject) {
      if (db) {
        resolve(true);
        return;
      }
      var req;
      try {
        req = indexedDB.open(dbName, version);
      } catch (e) {
        reject(err(e));
        return;
      }
      req.onupgradeneeded = function () {
        var d = req.result;
        if (!d.objectStoreNames.contains("entries")) {
          d.createObjectStore("entries");
        }
        if (!d.objectStoreNames.contains("setaside")) {
          d.createObjectStore("setaside");
        }
      };
      req.onsuccess = function () {
        db = req.result;
        db.onversionchange = function () { db.close(); db = null; };
        resolve(true);
      };
      req.onerror = function () { reject(err(req.error)); };
      req.onblocked = function () { reject({ name: "BlockedError", message: "storage is blocked by another tab" }); };
    });
  }

  function tx(stores, mode, work) {
    return open().then(function () {
      return new Promise(function (resolve, reject) {
        var t = db.transaction(stores, mode);
        var result;
        t.oncomplete = function () { resolve(result); };
        t.onerror = function () { reject(err(t.error)); };
        t.onabort = function () { reject(err(t.error)); };
        result = work(t);
      });
    });
  }

  function changed() {
    if (channel) {
      channel.postMessage("changed");
    }
  }

  window.calfsoleStore = {
    open: open,
    // all returns every record as [key, json] pairs.
    all: function () {
      var out = [];
      return tx(["entries"], "readonly", function (t) {
        var req = t.objectStore("entries").openCursor();
        req.onsuccess = function () {
          var c = req.result;
          if (c) {
            out.push([String(c.key), typeof c.value === "string" ? c.value : JSON.stringify(c.value)]);
            c.continue();
          }
        };
      }).then(function () { return out; });
    },
    // get returns one record's json, or undefined.
    get: function (id) {
      var value;
      return tx(["entries"], "readonly", function (t) {
        var req = t.objectStore("entries").get(id);
        req.onsuccess = function () { value = req.result; };
      }).then(function () { return value; });
    },
    // put writes records: pairs of [id, json], all or none.
    put: function (pairs) {
      return tx(["entries"], "readwrite", function (t) {
        var s = t.objectStore("entries");
        pairs.forEach(function (p) { s.put(p[1], p[0]); });
      }).then(changed);
    },
    remove: function (id) {
      return tx(["entries"], "readwrite", function (t) {
        t.objectStore("entries").delete(id);
      }).then(changed);
    },
    // setAside moves a corrupt record out of the log, keeping its text.
    setAside: function (id) {
      return tx(["entries", "setaside"], "readwrite", function (t) {
        var s = t.objectStore("entries");
        var req = s.get(id);
        req.onsuccess = function () {
          t.objectStore("setaside").put(req.result, id);
          s.delete(id);
        };
      });
    },
    // onChange calls f when another tab changes the log (null: stop).
    onChange: function (f) {
      if (channel) {
        channel.onmessage = f ? function () { f(); } : null;
      }
    },
    persist: function () {
      if (!navigator.storage || !navigator.storage.persist) {
        return Promise.resolve(false);
      }
      return navigator.storage.persisted().then(function (p) {
        return p || navigator.storage.persist();
      });
    },
    // download saves text as a file, offline.
    download: function (name, type, text) {
      var url = URL.createObjectURL(new Blob([text], { type: type }));
      var a = document.createElement("a");
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      setTimeout(function () { URL.revokeObjectURL(url); a.remove(); }, 1000);
      window.calfsoleLastDownload = { name: name, type: type, text: text };
    },
  };
})();
