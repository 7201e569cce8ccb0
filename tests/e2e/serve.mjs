// A small static server for the release build (dist/), used by the
// end-to-end tests and the benchmark. It serves files the way an ordinary
// static host does: compressed with gzip when the browser accepts it, with
// the strict Content Security Policy a host or wiki may send, and with no
// CORS header unless asked for one (`cors: true`), as a test about a
// sandboxed iframe does.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { gzipSync, constants } from 'node:zlib';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSED = new Set(['.html', '.js', '.wasm', '.css', '.svg', '.json', '.webmanifest']);

export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');

export const DIST = resolve(fileURLToPath(new URL('../../dist', import.meta.url)));

/** Serves `root` on `port`; `cors` adds `Access-Control-Allow-Origin: *`,
 * `csp: false` leaves the policy out, and a string sends that policy
 * instead. `mounts` serves other folders
 * under a path of their own, each with its own `csp`: the benchmark's
 * reference page, or an earlier build measured for comparison. */
export function serve(port, root = DIST, { cors = false, csp = true, mounts = {} } = {}) {
  const gzipped = new Map();
  const sites = [
    ...Object.entries(mounts).map(([prefix, site]) => ({ prefix, csp: true, ...site })),
    { prefix: '/', root, csp },
  ];
  const server = createServer(async (request, response) => {
    const requested = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    const site = sites.find(({ prefix }) => requested.startsWith(prefix));
    const path = `/${requested.slice(site.prefix.length)}`;
    const file = normalize(join(site.root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(site.root)) {
      response.writeHead(403).end();
      return;
    }
    let body;
    try {
      body = await readFile(file);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    const type = extname(file);
    const headers = {
      'Content-Type': TYPES[type] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
      Vary: 'Accept-Encoding',
    };
    if (site.csp) headers['Content-Security-Policy'] = typeof site.csp === 'string' ? site.csp : CSP;
    if (cors) headers['Access-Control-Allow-Origin'] = '*';
    if (COMPRESSED.has(type) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
      const key = createHash('sha1').update(body).digest('hex');
      if (!gzipped.has(key)) gzipped.set(key, gzipSync(body, { level: constants.Z_BEST_COMPRESSION }));
      body = gzipped.get(key);
      headers['Content-Encoding'] = 'gzip';
    }
    headers['Content-Length'] = body.length;
    response.writeHead(200, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? 4173);
  await serve(port);
  console.log(`Serving ${DIST} on http://127.0.0.1:${port}/`);
}
