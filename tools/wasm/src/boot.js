// Starts Rungs. The build (tools/wasm) fills in BUILD: the integrity hash of
// every WebAssembly file and of every surface's stylesheet, by name, the
// files each split point needs, and in a release build the script that
// installs the service worker (offline.js). It bundles this with the split
// loader and the script wasm-bindgen wrote for the main module (./rungs.js),
// into one file.
//
// The main module and the code of the page in the address are fetched and
// compiled in parallel, so that a deep link does not wait for the main
// module before asking for its own code.
// Once the first page is on screen and the page has loaded, the rest of the
// code is fetched while the browser is idle, so that every later page opens
// at once.
const BUILD = /* BUILD */ {};

const loading = new Map();

/** Where the build wrote the file `name` (`shared_2`, `split_plan`), with
 * `integrity` (`sha256-` and the base64 of the digest): it names files
 * `<name without split_ and underscores>-<the digest's first 8 bytes in
 * hex>.<extension>`. */
function path(name, integrity, extension) {
  const stem = name.replace(/^split_/, '').replaceAll('_', '');
  const hex = Array.from(atob(integrity.slice(7)).slice(0, 8), (c) => c.charCodeAt(0).toString(16).padStart(2, '0'));
  return new URL(`./${stem}-${hex.join('')}.${extension}`, import.meta.url);
}

/** Runs `load` once for `key`, and again after a failure, so that "Try
 * again" can work. */
function once(key, load) {
  let promise = loading.get(key);
  if (!promise) {
    promise = load();
    promise.catch(() => loading.delete(key));
    loading.set(key, promise);
  }
  return promise;
}

/** The compiled module in the file named `name` in BUILD.files. A split
 * point's own module (`split_<name>`) is ready once its stylesheets are too
 * (the one every page shares, then its own), so that its pages never show
 * unstyled. */
export function chunk(name) {
  return once(name, () => {
    const integrity = BUILD.files[name];
    const url = path(name, integrity, 'wasm');
    const module = fetch(url, { integrity }).then((response) => {
      if (!response.ok) throw new Error(`${url.pathname}: the server answered ${response.status}`);
      // Streaming compilation needs the right media type; any host still
      // gets a working app without it.
      return (response.headers.get('Content-Type') ?? '').startsWith('application/wasm')
        ? WebAssembly.compileStreaming(response)
        : response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes));
    });
    // A split point that draws pages has a stylesheet of its own, and
    // needs the shared one too; the others (the site's settings) need none.
    const split = name.replace(/^split_/, '');
    if (!BUILD.styles[split]) return module;
    return Promise.all([module, stylesheet('pages'), stylesheet(split)]).then(([compiled]) => compiled);
  });
}

/** Adds the stylesheet `name` in BUILD.styles to the page; resolves once it
 * applies. */
function stylesheet(name) {
  return once(`${name}.css`, () => {
    const integrity = BUILD.styles[name];
    const href = path(name, integrity, 'css');
    const link = document.createElement('link');
    return new Promise((resolve, reject) => {
      link.onload = resolve;
      link.onerror = () => {
        link.remove();
        reject(new Error(`${href.pathname} did not load`));
      };
      Object.assign(link, { rel: 'stylesheet', href, integrity, crossOrigin: 'anonymous' });
      // The shared sheet goes before every surface's own, whichever arrives
      // first (after a failed try, say), so that their rules win over it.
      link.dataset.surface = name;
      const first = name === 'pages' ? document.head.querySelector('link[data-surface]') : null;
      document.head.insertBefore(link, first);
    });
  });
}

/** Fetches every file of the split points in `splits`; settles when all
 * have. Failures are left for the app to report when it needs the code. */
function prefetch(splits) {
  const names = splits.flatMap((split) => BUILD.splits[split] ?? []);
  return Promise.allSettled(names.map(chunk));
}

// `#/plan/weeks` needs the split point named `plan`.
prefetch([/^#\/([^/?#]*)/.exec(location.hash)?.[1]]);

const main = chunk(BUILD.main);
new PerformanceObserver((marks, observer) => {
  if (marks.getEntriesByName('rungs:interactive').length > 0) {
    observer.disconnect();
    // Then, in a build a host serves, what keeps every page working offline.
    const rest = () =>
      prefetch(Object.keys(BUILD.splits)).then(() => {
        performance.mark('rungs:prefetched');
        if (BUILD.offline) import(BUILD.offline);
      });
    const idle = () => (window.requestIdleCallback ? requestIdleCallback(rest) : setTimeout(rest, 200));
    // After the page's load event: the stylesheets fetched with the rest
    // must not hold it back.
    if (document.readyState === 'complete') idle();
    else addEventListener('load', idle, { once: true });
  }
}).observe({ type: 'mark' });

// This script may run before the page is parsed; the app starts after.
const parsed = new Promise((resolve) => {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', resolve, { once: true });
  else resolve();
});

// No top-level await: the loader imports `chunk` from this module, which
// must have finished evaluating by then.
Promise.all([import('./rungs.js'), parsed])
  .then(([{ default: init }]) => init({ module_or_path: main }))
  .catch((error) => {
    // The app never started: the page's fallback script says why, where
    // "Loading Rungs…" stands.
    dispatchEvent(new CustomEvent('rungs:failed', { detail: error }));
    throw error;
  });
