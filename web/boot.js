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

  // --- Language, English or Chinese under /zh (README: In English and in
  // Chinese): before the first paint, the page in the language chosen, or,
  // with none chosen, an English address in the phone's language. ---
  var langKey = "calfsole.lang";
  var here = root.getAttribute("lang") === "zh-Hans" ? "zh-Hans" : "en";
  // The app's root, from this script's address (/calf-and-sole/web/boot.js).
  var scriptPath = document.currentScript ? new URL(document.currentScript.src).pathname : "/web/boot.js";
  var appRoot = scriptPath.slice(0, scriptPath.lastIndexOf("/web/"));

  function readLang() {
    try {
      var v = JSON.parse(window.localStorage.getItem(langKey) || "null");
      return v === "en" || v === "zh-Hans" ? v : "";
    } catch (e) {
      return "";
    }
  }

  function phoneLang() {
    var langs = navigator.languages || [navigator.language || ""];
    return /^zh/i.test(langs[0] || "") ? "zh-Hans" : "en";
  }

  // pageIn returns the address of this page in lang.
  function pageIn(lang) {
    var path = location.pathname.slice(appRoot.length) || "/";
    if (here === "zh-Hans") {
      path = path.replace(/^\/zh(?=\/|$)/, "") || "/";
    }
    if (lang === "zh-Hans") {
      path = path === "/" ? "/zh" : "/zh" + path;
    }
    return appRoot + path + location.search + location.hash;
  }

  var chosen = readLang();
  var want = chosen || (here === "en" ? phoneLang() : here);
  if (want !== here) {
    location.replace(pageIn(want));
    return; // the page is being replaced: nothing else to set up
  }

  // keepLang asks the worker to keep this language's pages offline.
  function keepLang(lang) {
    if ("serviceWorker" in navigator) {
      navigator.serviceWorker.ready.then(function (reg) {
        if (reg.active) {
          reg.active.postMessage({ calfsole: "keep-lang", lang: lang });
        }
      });
    }
  }
  if (here !== "en") {
    keepLang(here);
  }

  // A tap on the switch remembers the choice, the app running or not.
  document.addEventListener("click", function (event) {
    var a = event.target && event.target.closest ? event.target.closest("a#lang-switch") : null;
    if (!a) {
      return;
    }
    var lang = a.getAttribute("hreflang");
    try {
      window.localStorage.setItem(langKey, JSON.stringify(lang));
    } catch (e) { /* storage blocked: the address still says the language */ }
    if (lang !== "en") {
      keepLang(lang);
    }
  }, true);

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

  // --- Cues: a soft tone made here with Web Audio, vibration, speech. ---
  // The end-of-step tone is scheduled ahead on the audio clock, so it sounds
  // on time even when the browser throttles a hidden page's timers.
  var audio = null;
  var scheduled = null;

  function audioContext() {
    if (!audio) {
      var AC = window.AudioContext || window.webkitAudioContext;
      if (!AC) {
        return null;
      }
      audio = new AC();
    }
    if (audio.state === "suspended") {
      audio.resume();
    }
    return audio;
  }

  // beep plays a soft two-note chime at audio time t.
  function beep(ctx, t, volume) {
    [523.25, 659.25].forEach(function (freq, i) {
      var osc = ctx.createOscillator();
      var gain = ctx.createGain();
      var start = t + i * 0.18;
      osc.type = "sine";
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(volume, start + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.6);
      osc.connect(gain).connect(ctx.destination);
      osc.start(start);
      osc.stop(start + 0.65);
      if (i === 0 && scheduled !== null) {
        scheduled.push(osc);
      }
    });
  }

  var cues = {
    // unlock prepares sound; browsers allow it only from a tap.
    unlock: function () {
      audioContext();
    },
    // tone plays the chime at the wall-clock time atMs (now if past),
    // replacing any chime scheduled before.
    tone: function (atMs, volume) {
      cues.cancel();
      var ctx = audioContext();
      if (!ctx) {
        return false;
      }
      scheduled = [];
      var wait = Math.max(0, (atMs - Date.now()) / 1000);
      beep(ctx, ctx.currentTime + wait, volume || 0.2);
      return true;
    },
    cancel: function () {
      if (scheduled) {
        scheduled.forEach(function (o) {
          try { o.stop(); } catch (e) { /* already ended */ }
        });
      }
      scheduled = null;
    },
    // canVibrate and canSpeak: what this browser can do (WebKit and
    // Firefox cannot vibrate).
    canVibrate: "vibrate" in navigator,
    canSpeak: !!window.speechSynthesis,
    vibrate: function (pattern) {
      return !!(navigator.vibrate && navigator.vibrate(pattern));
    },
    speak: function (text) {
      if (!window.speechSynthesis) {
        return false;
      }
      window.speechSynthesis.cancel();
      var u = new SpeechSynthesisUtterance(text);
      u.rate = 0.9;
      u.lang = document.documentElement.lang || "";
      window.speechSynthesis.speak(u);
      return true;
    },
  };

  // --- Screen wake lock while a routine runs, taken again when the page
  // comes back into view (browsers drop it when it is hidden). ---
  // refused: the browser said no, as WebKit does to a page that has not
  // been tapped since it loaded; the next tap asks again.
  var wake = { wanted: false, lock: null, supported: "wakeLock" in navigator, refused: false, requests: 0 };
  function takeWakeLock() {
    if (!wake.supported || !wake.wanted || wake.lock || document.visibilityState !== "visible") {
      return;
    }
    wake.requests++;
    navigator.wakeLock.request("screen").then(function (lock) {
      wake.lock = lock;
      wake.refused = false;
      lock.addEventListener("release", function () { wake.lock = null; });
    }).catch(function () {
      wake.lock = null;
      wake.refused = true;
    });
  }
  document.addEventListener("click", function () {
    if (wake.refused) {
      takeWakeLock();
    }
  }, true);
  wake.want = function (on) {
    wake.wanted = on;
    if (on) {
      takeWakeLock();
    } else {
      wake.refused = false;
      if (wake.lock) {
        wake.lock.release();
        wake.lock = null;
      }
    }
  };
  document.addEventListener("visibilitychange", function () {
    takeWakeLock();
    window.dispatchEvent(new CustomEvent("calfsole-visible", { detail: document.visibilityState }));
  });

  // --- While the app starts. The page the server prerendered shows at
  // once and can be read; what the person does on it before the app runs
  // is kept and handed to the app once it does: text typed into a field is
  // put back into the app's own field, a tap on a button is made once on
  // the app's button, a tap on a link is followed by the app without
  // loading everything again. Until then controls look "not yet" (styles:
  // html:not([data-app])) and the loader line says the app is starting. ---
  var starting = { typed: {}, order: [], taps: [], nav: "", failed: "" };

  function running() {
    return root.getAttribute("data-app") === "ready";
  }

  // selectorOf names an element so that the app's own render of the same
  // page has it too: by id, or by its place under the page's root.
  function selectorOf(el) {
    if (el.id) {
      return "#" + CSS.escape(el.id);
    }
    var path = [];
    for (var n = el; n && n.parentElement && n !== document.body; n = n.parentElement) {
      var i = Array.prototype.indexOf.call(n.parentElement.children, n) + 1;
      path.unshift(n.tagName.toLowerCase() + ":nth-child(" + i + ")");
    }
    return "body > " + path.join(" > ");
  }

  function keepTyped(e) {
    var f = e.target;
    if (running() || !f || !f.id || !/^(INPUT|TEXTAREA|SELECT)$/.test(f.tagName)) {
      return;
    }
    if (!(f.id in starting.typed)) {
      starting.order.push(f.id);
    }
    starting.typed[f.id] = f.value;
  }

  function keepTap(e) {
    if (running() || starting.failed || e.button > 0) {
      return;
    }
    var el = e.target.closest && e.target.closest("a[href], button, input, select, [role=button]");
    if (!el || (el.tagName === "INPUT" && !/^(checkbox|radio|submit|button)$/.test(el.type))) {
      return; // typing, not tapping: the field keeps its text
    }
    if (el.tagName === "A") {
      var url = new URL(el.href, location.href);
      if (url.origin !== location.origin || el.target || el.hasAttribute("download") ||
          (url.pathname === location.pathname && url.search === location.search && url.hash)) {
        return; // another site, or a place on this page: the browser's job
      }
      e.preventDefault();
      starting.nav = url.href;
      el.setAttribute("data-pending", "");
      return;
    }
    e.preventDefault();
    e.stopPropagation();
    if (starting.nav) {
      return; // the person is leaving this page
    }
    var sel = selectorOf(el);
    var submit = el.type === "submit";
    if (submit && starting.taps.some(function (t) { return t.submit; })) {
      return; // a second tap on Save saves once
    }
    starting.taps.push({ sel: sel, submit: submit });
    el.setAttribute("data-pending", "");
  }

  document.addEventListener("input", keepTyped, true);
  document.addEventListener("change", keepTyped, true);
  document.addEventListener("click", keepTap, true);
  // A form sent before the app runs would load the page again: the tap on
  // its button is kept instead (keepTap).
  document.addEventListener("submit", function (e) {
    if (!running()) {
      e.preventDefault();
    }
  }, true);

  // handOver gives the app, now running, what was done before: the text
  // first, then the taps in order, one per turn of the app's loop, then a
  // link. Elements the app has not drawn yet are waited for, briefly.
  function handOver() {
    var steps = [];
    starting.order.forEach(function (id) {
      steps.push(function () {
        var f = document.getElementById(id);
        if (!f) {
          return false;
        }
        if (f.value !== starting.typed[id]) {
          f.value = starting.typed[id];
          f.dispatchEvent(new Event("input", { bubbles: true }));
          f.dispatchEvent(new Event("change", { bubbles: true }));
        }
        return true;
      });
    });
    starting.taps.forEach(function (t) {
      steps.push(function () {
        var el = document.querySelector(t.sel);
        if (!el) {
          return false;
        }
        el.click();
        return true;
      });
    });
    var nav = starting.nav;
    if (nav) {
      steps.push(function () {
        window.goappNav(nav);
        return true;
      });
    }
    starting.taps = [];
    starting.nav = "";
    var tries = 0;
    (function next() {
      if (steps.length === 0) {
        return;
      }
      if (steps[0]() || ++tries > 100) {
        steps.shift();
        tries = 0;
      }
      setTimeout(next, 20);
    })();
  }

  new MutationObserver(function (list, observer) {
    if (running()) {
      observer.disconnect();
      setTimeout(handOver, 20);
    }
  }).observe(root, { attributes: true, attributeFilter: ["data-app"] });

  // wasm fetches app.wasm for go-app's loader (app/server changes go-app's
  // app.js to call it). When the service worker answers, app.wasm comes
  // from its cache: that response goes to WebAssembly.instantiateStreaming
  // as it is, with no stream copying it chunk by chunk, and it is what V8
  // would keep compiled code with (measured, it keeps none for a Go app: a
  // start never optimises enough of the module). go-app's own fetch
  // rebuilds the response from a stream to count progress; it is used on a
  // first visit, when the download is long and the count helps.
  function wasm(url, progress) {
    if (navigator.serviceWorker && navigator.serviceWorker.controller) {
      return fetch(url);
    }
    return window.fetchWithProgress(url, function (p) {
      if (!starting.failed) {
        progress(p); // not over the message that the app could not start
      }
    });
  }

  // failed says, in plain words, that the app could not start, instead of
  // the page looking ready; the page stays readable.
  function failed(err) {
    console.error("Calf & Sole could not start:", err);
    starting.failed = String(err);
    root.setAttribute("data-app", "failed");
    if (root.getAttribute("lang") === "zh-Hans") {
      return "本应用在这个浏览器上启动不了，按钮和记录都用不了。这一页的内容照样能看。关掉应用再打开，也许有用。";
    }
    return "The app could not start on this browser, so buttons and the log do not work here. " +
      "Everything on this page can still be read. Closing the app and opening it again may help.";
  }

  window.calfsole = {
    starting: starting,
    wasm: wasm,
    failed: failed,
    cues: cues,
    wake: wake,
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
