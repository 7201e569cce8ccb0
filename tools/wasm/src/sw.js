// Rungs' service worker: after one visit, every page of this build opens
// with no network.
//
// The build (tools/wasm) fills in BUILD: a version made from every file's
// name and content, and the files to keep. Each build keeps its files in a
// cache of its own, `rungs-build-<version>`, so a page is always served one
// build's files. A new build's worker installs beside the old one and waits:
// the page offers to reload (offline.js), and only then does it take over
// and remove the caches of older builds.
//
// It only ever answers for this build's own files and the host's JSON
// files (rungs.config.json and the ladder it names), on this origin, under
// this folder. It never sees the user's data, which lives in the page's
// storage, and it asks no other origin for anything.
const BUILD = /* BUILD */ {};

const CACHE = `rungs-build-${BUILD.version}`;
// The host's own files, beside the build's: the newest copy the network
// gave, for when there is no network.
const SITE = 'rungs-site';
const CONFIG = 'rungs.config.json';

const scope = new URL(self.registration.scope);

self.addEventListener('install', (event) => {
  const fresh = (file) => new Request(file, { cache: 'no-cache' });
  event.waitUntil(
    Promise.all([
      // Every file, or the install fails and the old build stays.
      caches.open(CACHE).then((cache) => cache.addAll(BUILD.files.map(fresh))),
      // The host's configuration, if it has one: not required.
      caches.open(SITE).then((cache) => cache.add(fresh(CONFIG)).catch(() => {})),
    ]),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith('rungs-build-') && name !== CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

// A page asks when its user chose to reload into this build.
self.addEventListener('message', (event) => {
  if (event.data === 'rungs:update') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  const path = decodeURIComponent(url.pathname.slice(scope.pathname.length));
  if (request.mode === 'navigate') {
    // The app's page, whatever the address after it (`#/plan` is not sent).
    if (path === '' || path === 'index.html') event.respondWith(fromBuild('index.html', request));
  } else if (BUILD.files.includes(path)) {
    event.respondWith(fromBuild(path, request));
  } else if (path.endsWith('.json') && !url.search) {
    event.respondWith(fromSite(event));
  }
});

/** The build's own copy of `file`; the network only if it went missing. */
function fromBuild(file, request) {
  return caches
    .open(CACHE)
    .then((cache) => cache.match(file))
    .then((kept) => kept ?? fetch(request));
}

/** The host's file from the network, kept for later; the kept copy when
 * the network cannot answer. */
function fromSite(event) {
  const { request } = event;
  return fetch(request).then(
    (response) => {
      if (response.ok) {
        const copy = response.clone();
        event.waitUntil(caches.open(SITE).then((cache) => cache.put(request, copy)));
      }
      return response;
    },
    (error) =>
      caches
        .open(SITE)
        .then((cache) => cache.match(request, { ignoreVary: true }))
        .then((kept) => {
          if (kept) return kept;
          throw error;
        }),
  );
}
