// Installs Rungs' service worker (sw.js), so that after this visit every
// page opens offline, and offers each new version once it is ready.
//
// Fetched by the start script once the first page is on screen and the rest
// of the code has arrived: nothing here holds the first page back.
//
// A new version never takes over a page by itself. Its worker installs in
// the background and waits; this page then says "A new version is ready"
// with a Reload button. Reloading tells the waiting worker to take over,
// and the page loads again from the new build alone. Another tab still on
// the old build is told that Rungs has been updated, and reloads when its
// user says so: what they were typing stays until then.

const NOTICE = 'rungs-update';

let workers;
try {
  // A page with an opaque origin (a sandboxed frame) may not even ask.
  workers = navigator.serviceWorker;
} catch {
  workers = undefined;
}

if (workers) {
  let asked = false;
  // This build's start script, named after its content, as every file of a
  // build is: it names every other file of the build's code.
  const start = document.querySelector('script[type="module"]')?.src;
  // Whether the worker in charge keeps another build's code than this
  // page's: a new version took over, from another tab, or between this
  // page's load and its worker's install. Asked once it is activated: it
  // takes charge first, then removes the older builds' caches.
  const outdated = () => {
    const worker = workers.controller;
    if (!worker || !start) return Promise.resolve(false);
    return activated(worker)
      .then(() => caches.match(start))
      .then((kept) => !kept, () => false);
  };
  const check = () =>
    outdated().then((old) => {
      if (old) offer('Rungs has been updated: reload this tab to use the new version.', () => location.reload());
    });
  workers.addEventListener('controllerchange', () => {
    // This tab asked for the new version: it runs it at once.
    if (asked) location.reload();
    else check();
  });
  check();

  workers
    .register(new URL('sw.js', import.meta.url), { updateViaCache: 'none' })
    .then((registration) => {
      const ready = (worker) => {
        // With no controller, this is the first install: nothing to offer.
        if (worker && workers.controller) {
          offer('A new version of Rungs is ready.', () => {
            asked = true;
            worker.postMessage('rungs:update');
          });
        }
      };
      const installing = (worker) =>
        worker?.addEventListener('statechange', () => {
          if (worker.state === 'installed') ready(worker);
        });
      // The browser checks for a new version as the page loads, before
      // this runs: it may be waiting already, or on its way.
      ready(registration.waiting);
      installing(registration.installing);
      registration.addEventListener('updatefound', () => installing(registration.installing));
      // A tab left open for days still hears of new versions.
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') registration.update().catch(() => {});
      });
    })
    // No worker (storage refused, a private window): Rungs works online.
    .catch(() => {});
}

/** Resolves once `worker` is activated. */
function activated(worker) {
  return new Promise((resolve) => {
    const settled = () => {
      if (worker.state === 'activated' || worker.state === 'redundant') {
        worker.removeEventListener('statechange', settled);
        resolve();
      }
    };
    worker.addEventListener('statechange', settled);
    settled();
  });
}

/** Shows `text` with a Reload button that calls `reload`, and Not now. */
function offer(text, reload) {
  document.getElementById(NOTICE)?.remove();
  const notice = document.createElement('aside');
  notice.id = NOTICE;
  notice.className = 'update';
  notice.setAttribute('aria-label', 'New version of Rungs');
  const message = document.createElement('p');
  message.setAttribute('role', 'status');
  const now = button('Reload', () => {
    now.disabled = true;
    reload();
  });
  const later = button('Not now', () => notice.remove());
  later.className = 'secondary';
  notice.append(message, now, later);
  document.body.append(notice);
  // In the page first, then filled, so that screen readers announce it.
  setTimeout(() => {
    message.textContent = text;
  });
}

function button(label, onclick) {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = label;
  element.addEventListener('click', onclick);
  return element;
}
