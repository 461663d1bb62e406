// Calf & Sole service worker, version {{.Version}}.
//
// It keeps a copy of everything the app needs (every page's HTML, the wasm,
// scripts, styles, icons and pictures) so the app opens with no network.
// A new version downloads in the background and waits until the person taps
// "Update now" in the app: it never takes over a page by itself.
const cacheName = "calfsole-{{.Version}}";
const resourcesToCache = {{.ResourcesToCache}};
const shellPath = new URL(self.registration.scope).pathname;
// Other names of pages, such as /points/kd3 for /points/ki3, and the
// "not here" page: offline, a page the cache does not hold is answered
// with the page it names, else with "not here", never with another page
// (app/server fills both in).
const aliases = /*calfsole:aliases*/{};
const notFoundPath = /*calfsole:notfound*/"";
// Pages kept offline only once a page in their language was shown, by
// language tag ({"zh-Hans": ["/zh", "/zh/log", ...]}), so a person who
// never picks Chinese never downloads its pages (app/server fills it in).
// A page told "keep-lang" keeps its language's pages; an update keeps them
// again if the version before had them.
const later = /*calfsole:later*/{};
// The words of the "Starting…" line in each later language.
const loadingLabels = /*calfsole:labels*/{};

self.addEventListener("install", (event) => {
  event.waitUntil(precache());
});

// precache downloads every resource into a fresh cache. If one of them fails,
// the whole install fails (the version in use stays in place) and the open
// pages are told which files could not be fetched, so the app can say so
// instead of waiting forever.
async function precache() {
  const cache = await caches.open(cacheName);
  const failed = [];
  const resources = resourcesToCache.concat(await laterKept());
  await Promise.all(
    resources.map(async (url) => {
      try {
        // "no-cache" revalidates with the server (ETag), so an unchanged file
        // costs a 304, not a second download.
        let response = await fetch(url, { cache: "no-cache" });
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        if (response.redirected) {
          // A static host answers /log with a redirect to /log/. A page may
          // not be answered with a redirected response, so keep a plain copy.
          response = new Response(await response.blob(), {
            status: response.status,
            statusText: response.statusText,
            headers: response.headers,
          });
        }
        await cache.put(url, response);
      } catch (err) {
        failed.push(url + ": " + (err && err.message ? err.message : err));
      }
    })
  );
  if (failed.length > 0) {
    await caches.delete(cacheName);
    await tellClients({ type: "update-failed", version: "{{.Version}}", failed: failed });
    throw new Error("calfsole: could not save for offline use: " + failed.join("; "));
  }
}

// laterKept returns the later pages of each language an older version kept.
async function laterKept() {
  const keep = [];
  const old = (await caches.keys()).filter((k) => k !== cacheName && k.startsWith("calfsole-"));
  for (const pages of Object.values(later)) {
    for (const name of old) {
      const c = await caches.open(name);
      if (await c.match(pages[0], { ignoreVary: true })) {
        keep.push(...pages);
        break;
      }
    }
  }
  return keep;
}

// keepLang keeps the later pages of lang offline, those not kept yet. A
// page that cannot be fetched now is fetched the next time.
async function keepLang(lang) {
  const pages = later[lang];
  if (!pages) {
    return;
  }
  const cache = await caches.open(cacheName);
  for (const url of pages) {
    if (await cache.match(url, { ignoreVary: true })) {
      continue;
    }
    try {
      let response = await fetch(url, { cache: "no-cache" });
      if (!response.ok) {
        continue;
      }
      if (response.redirected) {
        response = new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers: response.headers });
      }
      await cache.put(url, response);
    } catch (err) {
      return; // offline: next time
    }
  }
}

// english returns the English page of a later language's page ("/zh/log"
// is "/log") and the language, or "" for another page.
function english(path) {
  for (const [lang, pages] of Object.entries(later)) {
    const home = pages.reduce((a, b) => (a.length <= b.length ? a : b));
    if (path === home || path.startsWith(home + "/")) {
      return [home.slice(0, home.lastIndexOf("/")) + path.slice(home.length) || shellPath, lang];
    }
  }
  return ["", ""];
}

// laterAlias returns the page a later language's alias names, from the
// English alias ("/zh/points/kd3" is "/zh/points/ki3", as "/points/kd3" is
// "/points/ki3"), or "".
function laterAlias(path) {
  const [en, lang] = english(path);
  const to = lang && aliases[en];
  if (!to) {
    return "";
  }
  const home = later[lang].reduce((a, b) => (a.length <= b.length ? a : b));
  return home + to.slice(home.lastIndexOf("/"));
}

// standIn makes the English page stand in, offline, for a page of lang not
// kept yet: marked as lang, its main content left out and the rest hidden
// (styles.css) until the app runs and shows the page in lang, so no
// English shows first.
async function standIn(page, lang) {
  const label = loadingLabels[lang] || "";
  const html = (await page.text())
    .replace('<html lang="en">', '<html lang="' + lang + '" data-stand-in="">')
    .replace(/(<main id="main">)[\s\S]*?(<\/main>)/, "$1$2")
    .replace(/(<p[^>]*id="app-wasm-loader-label"[^>]*>)[^<]*/, (m, open) => open + label);
  const headers = new Headers(page.headers);
  headers.delete("Content-Length");
  headers.delete("Content-Encoding");
  return new Response(html, { status: page.status, statusText: page.statusText, headers: headers });
}

async function tellClients(message) {
  const list = await self.clients.matchAll({ includeUncontrolled: true, type: "window" });
  for (const client of list) {
    client.postMessage({ calfsole: message });
  }
}

self.addEventListener("message", (event) => {
  const msg = event.data;
  if (msg && msg.calfsole === "skip-waiting") {
    event.waitUntil(self.skipWaiting());
  }
  if (msg && msg.calfsole === "keep-lang" && typeof msg.lang === "string") {
    event.waitUntil(keepLang(msg.lang));
  }
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const keys = await caches.keys();
      await Promise.all(keys.filter((k) => k !== cacheName).map((k) => caches.delete(k)));
      await self.clients.claim();
    })()
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(navigate(request));
    return;
  }
  event.respondWith(fromCache(request));
});

// navigate answers a page request from the cache first; /log/ is the page
// /log (a static host sends one to the other). A page the cache does not hold
// comes from the network; with no network, another name of a page is
// answered with that page, anything else with the "not here" page (or, in a
// cache without it, the app shell), and the app's router takes it from there.
async function navigate(request) {
  const cache = await caches.open(cacheName);
  const options = { ignoreSearch: true, ignoreVary: true };
  let cached = await cache.match(request, options);
  let path = new URL(request.url).pathname;
  if (!cached && path.endsWith("/") && path !== shellPath) {
    path = path.slice(0, -1);
    cached = await cache.match(path, options);
  }
  if (cached) {
    return cached;
  }
  try {
    return await fetch(request);
  } catch (err) {
    let name = path;
    try {
      name = decodeURIComponent(path).toLowerCase();
    } catch (e) { /* a malformed address: "not here" */ }
    const alias = aliases[path] || aliases[name] || laterAlias(path) || laterAlias(name);
    const kept = alias && (await cache.match(alias, { ignoreVary: true }));
    if (kept) {
      return kept;
    }
    // A page of a later language not kept yet: its English page (or "not
    // here") standing in.
    const [en, lang] = english(alias || path);
    for (const other of lang ? [en, notFoundPath, shellPath] : []) {
      const page = other && (await cache.match(other, { ignoreVary: true }));
      if (page) {
        return standIn(page, lang);
      }
    }
    for (const other of [notFoundPath, shellPath]) {
      const page = other && (await cache.match(other, { ignoreVary: true }));
      if (page) {
        return page;
      }
    }
    throw err;
  }
}

async function fromCache(request) {
  const cache = await caches.open(cacheName);
  const cached = await cache.match(request, { ignoreVary: true });
  if (cached) {
    return cached;
  }
  return fetch(request);
}
