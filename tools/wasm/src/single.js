// Starts Rungs from one file, `rungs.html` (`make single`; tools/wasm,
// single.rs). The page holds everything: the WebAssembly, gzipped then in
// base64, and the content files, in data blocks, so that it runs from disk,
// from a mail attachment or in a sandboxed frame, and asks the network for
// nothing. (Unpacking the module needs DecompressionStream: Chrome and Edge
// 80, Firefox 113, Safari 16.4.)
import init from './rungs.js';

/** The text of the page's data block `selector`. */
const block = (selector) => document.querySelector(selector).textContent;

// The app fetches its content files by their names, relative to the page
// (src/ui/content.rs). Here the page answers them itself, and any other
// fetch finds nothing: from disk there is no server to ask.
const files = new Map(
  Array.from(document.querySelectorAll('script[data-file]'), (data) => [
    new URL(data.dataset.file, document.baseURI).href,
    data.textContent,
  ]),
);
window.fetch = async (resource) => {
  const url = new URL(resource instanceof Request ? resource.url : resource, document.baseURI).href;
  const text = files.get(url);
  return text === undefined
    ? new Response('Not in this file', { status: 404 })
    : new Response(text, { headers: { 'Content-Type': 'application/json' } });
};

// The module, gzipped then in base64 (tools/wasm, single.rs).
const packed = Uint8Array.from(atob(block('#rungs-wasm')), (c) => c.charCodeAt(0));
const module = new Response(new Blob([packed]).stream().pipeThrough(new DecompressionStream('gzip')))
  .arrayBuffer()
  .then((bytes) => WebAssembly.compile(bytes));

init({ module_or_path: module }).catch((error) => {
  // The app never started: say so where "Loading Rungs…" stands.
  const line = document.querySelector('#app .boot');
  if (line) line.textContent = `Rungs could not start: ${error.message}.`;
  throw error;
});
