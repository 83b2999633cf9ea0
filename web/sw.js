/* The service worker: every file of one deployed version, cached together under that version.
   The list and the version are filled in by tools/bundle at build time. */
const VERSION = "/*VERSION*/";
const ASSETS = [/*ASSETS*/];
const CACHE = "selfeval-" + VERSION;

self.addEventListener("install", (event) => {
  // Fetch past the HTTP cache, so the cache holds exactly this version's files. No skipWaiting:
  // a new version waits until the page asks for it (the user chose 刷新以更新).
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(ASSETS.map((url) => new Request(url, { cache: "reload" }))))
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(
        keys.filter((k) => k.startsWith("selfeval-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") {
    self.skipWaiting();
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  event.respondWith(
    // This version's files come from the cache ("./" and "./index.html" included); anything
    // else (the single-file download, say) from the network.
    caches.open(CACHE).then((cache) =>
      cache.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request)))
  );
});
