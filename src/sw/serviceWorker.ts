// The service worker of the built site: it keeps the app shell and every built file (the page's
// scripts and styles and the worker bundles) in a cache, so the workbench opens and runs after a
// reload with the network gone. Built into dist/sw.js by the `service-worker` plugin in
// vite.config.ts, which fills in the file list and the version (a hash of the built files).
// Classic script, no imports; nothing here needs eval, so the site's CSP applies unchanged.
export {};
declare const self: ServiceWorkerGlobalScope;
/** Hash of the built files: a new build gets a new cache, and the old one is removed on activate. */
declare const __SW_VERSION__: string;
/** Built files, relative to this script (e.g. "assets/index-abc123.js"). */
declare const __SW_PRECACHE__: string[];

const PREFIX = 'proeftuin-';
const CACHE = `${PREFIX}${__SW_VERSION__}`;
const SHELL = new URL('./', self.location.href).href;

self.addEventListener('install', (e) => {
  // All or nothing: a partly filled cache would fail offline later, so a failure aborts the install.
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll([SHELL, ...__SW_PRECACHE__.map((f) => new URL(f, self.location.href).href)])));
});

self.addEventListener('activate', (e) => {
  e.waitUntil(caches.keys().then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k)))));
});

self.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  if (req.mode === 'navigate') {
    // The page: from the network when there is one (a new version shows up), else the cached shell
    // (whatever the query: ?lang=en, ?runs=…, #s=… all open the same page).
    e.respondWith(fetch(req).catch(async () => (await caches.match(SHELL, { cacheName: CACHE, ignoreSearch: true, ignoreVary: true })) ?? Response.error()));
    return;
  }
  // Built files have content hashes in their names, so a cached copy is always the right one.
  // ignoreVary: servers such as `vite preview` send `Vary: Origin`, and the page loads its script
  // and stylesheet `crossorigin` (with an Origin header the install's requests did not have), so
  // a match that honoured Vary would miss every time offline. ignoreSearch: a query on a hashed
  // file name cannot name other content.
  e.respondWith(caches.match(req, { cacheName: CACHE, ignoreVary: true, ignoreSearch: true }).then((hit) => hit ?? fetch(req)));
});
