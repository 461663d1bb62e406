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
    // records returns every record in two strings, keys and texts, one
    // record per line, newest first by the entry's time. A record that
    // cannot be parsed here comes first, so the app meets it (and sets it
    // aside) at once; one whose text has a line break is left out of the
    // lines and listed in odd as a [key, text] pair.
    records: function () {
      var keys, values;
      return tx(["entries"], "readonly", function (t) {
        var s = t.objectStore("entries");
        var k = s.getAllKeys(), v = s.getAll();
        k.onsuccess = function () { keys = k.result; };
        v.onsuccess = function () { values = v.result; };
      }).then(function () {
        var list = [], odd = [];
        for (var i = 0; i < keys.length; i++) {
          var text = typeof values[i] === "string" ? values[i] : JSON.stringify(values[i]);
          var key = String(keys[i]);
          if (text === undefined || text.indexOf("\n") >= 0 || key.indexOf("\n") >= 0) {
            odd.push([key, String(text)]);
            continue;
          }
          var at = Infinity;
          try {
            at = Date.parse(JSON.parse(text).at);
          } catch (e) {
            at = Infinity;
          }
          list.push({ key: key, text: text, at: isNaN(at) ? Infinity : at });
        }
        list.sort(function (a, b) { return b.at - a.at; });
        return {
          keys: list.map(function (r) { return r.key; }).join("\n"),
          texts: list.map(function (r) { return r.text; }).join("\n"),
          count: list.length,
          odd: odd,
        };
      });
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
