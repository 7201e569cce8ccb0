// Starts Rungs. The build (tools/wasm) fills in BUILD: every WebAssembly file
// and every surface's stylesheet with its integrity hash, and the files each
// split point needs; and bundles this with the split loader and the script
// wasm-bindgen wrote for the main module (./rungs.js), into one file.
//
// The main module and the code of the page in the address are fetched and
// compiled in parallel, so that a deep link does not wait for the main
// module before asking for its own code.
// Once the first page is on screen, the rest of the code is fetched while
// the browser is idle, so that every later page opens at once.
const BUILD = /* BUILD */ {};

const loading = new Map();

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
 * point's own module (`split_<name>`) is ready once its stylesheet is too,
 * so that its pages never show unstyled. */
export function chunk(name) {
  return once(name, () => {
    const [path, integrity] = BUILD.files[name];
    const module = fetch(new URL(path, import.meta.url), { integrity }).then((response) => {
      if (!response.ok) throw new Error(`${path}: the server answered ${response.status}`);
      // Streaming compilation needs the right media type; any host still
      // gets a working app without it.
      return (response.headers.get('Content-Type') ?? '').startsWith('application/wasm')
        ? WebAssembly.compileStreaming(response)
        : response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes));
    });
    const style = BUILD.styles[name.replace(/^split_/, '')];
    return style ? Promise.all([module, stylesheet(...style)]).then(([compiled]) => compiled) : module;
  });
}

/** Adds the stylesheet at `path` to the page; resolves once it applies. */
function stylesheet(path, integrity) {
  return once(path, () => {
    const link = document.createElement('link');
    return new Promise((resolve, reject) => {
      link.onload = resolve;
      link.onerror = () => {
        link.remove();
        reject(new Error(`${path} did not load`));
      };
      Object.assign(link, { rel: 'stylesheet', href: new URL(path, import.meta.url), integrity, crossOrigin: 'anonymous' });
      document.head.append(link);
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
    const rest = () =>
      prefetch(Object.keys(BUILD.splits)).then(() => performance.mark('rungs:prefetched'));
    if (window.requestIdleCallback) requestIdleCallback(rest);
    else setTimeout(rest, 200);
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
    // The app never started: say so where "Loading Rungs…" stands.
    const line = document.querySelector('#app .boot');
    if (line) line.textContent = `Rungs could not start: ${error.message}. Check your connection, then reload the page.`;
    throw error;
  });
