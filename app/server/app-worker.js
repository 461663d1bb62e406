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
  await Promise.all(
    resourcesToCache.map(async (url) => {
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
    for (const other of [aliases[path], aliases[name], notFoundPath, shellPath]) {
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
