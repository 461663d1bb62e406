// Calf & Sole log storage: IndexedDB, one record per entry keyed by its
// UUID, so two tabs writing at once never overwrite each other's entries,
// and writes never block the page. A record is {at, text}: the entry as
// JSON text and its time in ms, indexed, so the newest entries are read
// first without reading ten years of them. The app (Go, app/browser and
// app/journal) makes both and reads the text; this file parses nothing.
// A record with no time (-Infinity, as the first version's records are
// moved here) comes last, marked, and the app stores it again with its
// time.
(function () {
  "use strict";

  var dbName = "calfsole";
  var version = 2;
  var db = null;
  var persistWait = 5000;
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
      req.onupgradeneeded = function (ev) {
        var d = req.result;
        var entries = d.objectStoreNames.contains("entries") ? req.transaction.objectStore("entries") : d.createObjectStore("entries");
        if (!d.objectStoreNames.contains("setaside")) {
          d.createObjectStore("setaside");
        }
        if (!entries.indexNames.contains("at")) {
          entries.createIndex("at", "at");
        }
        if (ev.oldVersion === 1) {
          // Version 1 kept the JSON text alone: keep it, with no time
          // yet (the app adds it when it reads the log).
          var c = entries.openCursor();
          c.onsuccess = function () {
            var cur = c.result;
            if (cur) {
              cur.update({ at: -Infinity, text: text(cur.value) });
              cur.continue();
            }
          };
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

  // text returns a stored record's JSON text.
  function text(value) {
    if (value && typeof value === "object" && typeof value.text === "string") {
      return value.text;
    }
    return typeof value === "string" ? value : JSON.stringify(value);
  }

  // batch packs records, [key, text, untimed], into two strings, one
  // record per line (JSON text has no raw line break); a record whose text
  // or key has one, or with no time, goes in odd as it is.
  function batch(list, done) {
    var keys = [], texts = [], odd = [];
    list.forEach(function (r) {
      if (r[2] || r[1].indexOf("\n") >= 0 || r[0].indexOf("\n") >= 0) {
        odd.push(r);
        return;
      }
      keys.push(r[0]);
      texts.push(r[1]);
    });
    return { keys: keys.join("\n"), texts: texts.join("\n"), count: keys.length, odd: odd, done: done };
  }

  function changed() {
    if (channel) {
      channel.postMessage("changed");
    }
  }

  // missed returns the records the time index does not hold, when the
  // store holds more than the seen that the index gave.
  function missed(seen) {
    var count, all, indexed;
    return tx(["entries"], "readonly", function (t) {
      var q = t.objectStore("entries").count();
      q.onsuccess = function () {
        count = q.result;
        if (count <= seen) {
          return;
        }
        var a = t.objectStore("entries").getAllKeys(), b = t.objectStore("entries").index("at").getAllKeys();
        a.onsuccess = function () { all = a.result; };
        b.onsuccess = function () { indexed = b.result; };
      };
    }).then(function () {
      if (!all) {
        return [];
      }
      var inIndex = {};
      indexed.forEach(function (k) { inIndex[String(k)] = true; });
      var keys = all.filter(function (k) { return !inIndex[String(k)]; });
      var out = [];
      return tx(["entries"], "readonly", function (t) {
        keys.forEach(function (k) {
          var g = t.objectStore("entries").get(k);
          g.onsuccess = function () { out.push([String(k), text(g.result), true]); };
        });
      }).then(function () { return out; });
    });
  }

  window.calfsoleStore = {
    open: open,
    // newest returns a reader of the records, newest first: each call of
    // its next(n) gives the next n (see batch), with done set after the
    // last. Records the time index misses (none, unless storage was
    // changed by hand) come in the last batch.
    newest: function () {
      var lastAt = null, seenAtLast = {}, seen = 0, finished = false;
      return {
        next: function (n) {
          if (finished) {
            return Promise.resolve(batch([], true));
          }
          var list = [], end = false;
          return tx(["entries"], "readonly", function (t) {
            var range = lastAt === null ? null : IDBKeyRange.upperBound(lastAt);
            var req = t.objectStore("entries").index("at").openCursor(range, "prev");
            req.onsuccess = function () {
              var c = req.result;
              if (!c) {
                end = true;
                return;
              }
              var key = String(c.primaryKey);
              if (c.key === lastAt && seenAtLast[key]) {
                c.continue();
                return;
              }
              if (list.length >= n) {
                return;
              }
              if (c.key !== lastAt) {
                lastAt = c.key;
                seenAtLast = {};
              }
              seenAtLast[key] = true;
              list.push([key, text(c.value), c.key === -Infinity]);
              seen++;
              c.continue();
            };
          }).then(function () {
            if (!end) {
              return batch(list, false);
            }
            finished = true;
            return missed(seen).then(function (more) {
              return batch(list.concat(more), true);
            });
          });
        },
      };
    },
    // get returns one record's json, or undefined.
    get: function (id) {
      var value;
      return tx(["entries"], "readonly", function (t) {
        var req = t.objectStore("entries").get(id);
        req.onsuccess = function () { value = req.result; };
      }).then(function () { return value === undefined ? undefined : text(value); });
    },
    // put writes records, each [id, time in ms, json], all or none.
    put: function (recs) {
      return tx(["entries"], "readwrite", function (t) {
        var s = t.objectStore("entries");
        recs.forEach(function (r) { s.put({ at: r[1], text: r[2] }, r[0]); });
      }).then(changed);
    },
    remove: function (id) {
      return tx(["entries"], "readwrite", function (t) {
        t.objectStore("entries").delete(id);
      }).then(changed);
    },
    // setAside moves a corrupt record out of the log, keeping its text:
    // only if it still holds the text the app read (seen), so a second
    // read, or an entry saved over it since, never loses anything.
    setAside: function (id, seen) {
      return tx(["entries", "setaside"], "readwrite", function (t) {
        var s = t.objectStore("entries");
        var req = s.get(id);
        req.onsuccess = function () {
          if (req.result === undefined || text(req.result) !== seen) {
            return;
          }
          t.objectStore("setaside").put(seen, id);
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
    // canPersist: the browser can be asked to keep the log for good
    // (WebKitGTK has no navigator.storage).
    canPersist: !!(navigator.storage && navigator.storage.persist),
    // persist asks for that. It settles within persistWait ms, false when
    // the browser has not answered: Firefox asks the person, who may never
    // answer.
    persist: function () {
      if (!window.calfsoleStore.canPersist) {
        return Promise.resolve(false);
      }
      var ask = navigator.storage.persisted().then(function (p) {
        return p || navigator.storage.persist();
      });
      var noAnswer = new Promise(function (resolve) {
        setTimeout(function () { resolve(false); }, persistWait);
      });
      return Promise.race([ask, noAnswer]).catch(function () { return false; });
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
    },
  };
})();
