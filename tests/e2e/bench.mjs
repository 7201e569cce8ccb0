// `make bench`: measures the release build in dist/ as a user's browser
// meets it, served the way a real host serves it (gzip, the strict CSP),
// prints each figure beside its budget in docs/ARCHITECTURE.md and writes
// them all to bench-results.json at the top of the repository.
//
// - The build's files: every file in dist/, raw, gzip -9 and brotli
//   (quality 11), grouped as the shell, each split point's modules, the
//   stylesheets and the content.
// - First load of #/, #/assess, #/glossary, #/plan and #/rubric: every file the
//   browser started fetching before the page's first interactive render,
//   from a cold cache.
// - Cold load to first interactive render of each of those routes, as a
//   ratio to the reference page (tests/e2e/reference/) served by the same
//   server, interleaved load by load, median of 10, each in a fresh
//   browser context: unthrottled, and on a mobile profile (150 ms round
//   trip, 1.6 Mbps down, 4× CPU slowdown, by Chrome DevTools Protocol
//   emulation). Also when the page's content is there (the rubric, the
//   glossary, the dashboard's cards), for information.
//   Every page is timed alike, from navigation to the moment its first
//   render reaches the document, seen by a MutationObserver: the page's
//   heading for the app (any build), the drawn ladder for the reference.
// - Grading a criterion to the next frame: on #/assess, 200 clicks on grade
//   radios, each timed from the click until the app has re-rendered and the
//   browser has recalculated style and layout; median and p95.
// - A glossary keystroke to results painted: on #/glossary with 2,000 terms
//   (the built-in ones plus generated ones, served in place of
//   glossary.json), eight queries typed and erased a letter at a time, four
//   times; median and p95.
// - Importing a year of data (tests/e2e/year.mjs) on #/data, from picking
//   the file to the preview shown, and exporting it, from the click to the
//   file handed to the browser; five of each per round, median.
// - A change to saved with a year of data: on a goal's page and on an
//   entry of the log, a keystroke in one of its fields until the document
//   holding it is in localStorage (the page hidden as soon as the app has
//   rendered, so that no autosave pause is counted, nor the browser's
//   painting); median of 40 each. The promotion packet drafted again from
//   that year (a new start of its period) to the page laid out; median of
//   40. And the cold load of #/, #/assess, #/plan and #/evidence (its 300
//   entries listed) holding that year, to the page's content, as a ratio to
//   the same page empty.
// All are timed in four rounds, alternating with the baseline if any.
//
// `node bench.mjs --baseline DIR` measures the build in DIR too, in the same
// run and the same interleaving, for a before and after. It is served
// without the CSP, which builds from before the split could not run under.
// `--only sizes,loads,interactions,data,year` measures some of it.
import { chromium } from '@playwright/test';
import { readFile, readdir } from 'node:fs/promises';
import { brotliCompressSync, constants } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFile } from 'node:fs/promises';
import { serve, DIST } from './serve.mjs';
import { launchOptions } from './chromium.mjs';
import { yearFile, yearOfData, yearVersion } from './year.mjs';

const PORT = 4174;
const RUNS = 10;
const KB = 1024;
const GRADES = 200;
// Interactions are timed in rounds, each build in turn.
const ROUNDS = 4;
const GLOSSARY_TERMS = 2000;
// The budgets in docs/ARCHITECTURE.md.
const BUDGETS = {
  firstLoadGzipKB: 120,
  deepLinkGzipKB: 200,
  coldLoadRatio: 1.5,
  mobileLoadRatio: 2.5,
  gradeMedianMs: 5,
  gradeP95Ms: 16,
  keystrokeP95Ms: 16,
  importMs: 100,
  exportMs: 50,
  changeSavedMs: 5,
  packetMs: 50,
  yearLoadRatio: 2,
};
const CHANGES = 40;
// The pages loaded with a year of data, and what shows their content.
const YEAR_ROUTES = [
  { hash: '#/', content: '#path-heading, #readiness-heading' },
  { hash: '#/assess', content: '#assess-current' },
  { hash: '#/plan', content: '#goals-heading' },
  { hash: '#/evidence', content: '#log-heading', log: true },
];
// The routes measured, and what shows that each page's content is there.
const ROUTES = [
  { hash: '#/', content: '#path-heading, #readiness-heading' },
  { hash: '#/assess', content: '#assess-current' },
  { hash: '#/glossary', content: '#glossary-count' },
  { hash: '#/plan', content: 'main h1' },
  { hash: '#/rubric', content: '#read-heading' },
];
const MOBILE = {
  network: { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (750e3 / 8) },
  cpu: 4,
};
// Typed a letter at a time, each prefix one keystroke, then erased the
// same way: the queries an engineer types, typos and misses included.
const QUERIES = ['kubernetes', 'error budget', 'observabilty', 'sli', 'deploy', 'calibration', 'on-call', 'zzqx'];

const baselineAt = process.argv.indexOf('--baseline');
const BASELINE = baselineAt > 0 ? resolve(process.argv[baselineAt + 1]) : null;
const REFERENCE = fileURLToPath(new URL('./reference', import.meta.url));
const onlyAt = process.argv.indexOf('--only');
const ONLY = new Set(onlyAt > 0 ? process.argv[onlyAt + 1].split(',') : ['sizes', 'loads', 'interactions', 'data', 'year']);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const p95 = (values) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1];
const tenth = (ms) => Math.round(ms * 10) / 10;
const hundredth = (x) => Math.round(x * 100) / 100;
const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;

// `gzip -9` is the gzip program itself: Node's zlib at level 9 comes out
// about 3% larger, which would not be the figure the budgets mean.
const sizes = (buffer) => ({
  raw: buffer.length,
  gzip: execFileSync('gzip', ['-9', '-c'], { input: buffer, maxBuffer: 1 << 28 }).length,
  brotli: brotliCompressSync(buffer, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buffer.length },
  }).length,
});
const sum = (files) =>
  files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), {
    raw: 0,
    gzip: 0,
    brotli: 0,
  });

/** Every file of the build in `dir`, with its sizes, by name. */
async function buildFiles(dir) {
  const files = new Map();
  for (const name of (await readdir(dir)).filter((n) => !n.startsWith('.')).sort()) {
    files.set(name, { name, ...sizes(await readFile(join(dir, name))) });
  }
  return files;
}

/** What a file of this build is for. */
function kind(name) {
  if (name.endsWith('.json')) return 'content, fetched when a page needs it';
  if (/^(index\.html|main-.*\.css|favicon-.*|rungs-.*)$/.test(name)) return 'shell';
  if (name.endsWith('.css')) return 'surface stylesheets';
  return 'split modules and shared chunks';
}

/** Records when each of `selectors` first matches, from the start of the
 * page, in `window.seenAt`. */
function watchFor(selectors) {
  window.seenAt = {};
  const seen = () => {
    for (const selector of selectors) {
      if (window.seenAt[selector] === undefined && document.querySelector(selector)) {
        window.seenAt[selector] = performance.now();
      }
    }
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true });
}

/** Waits until each of `selectors` has been seen; returns when, in order. */
async function seen(page, selectors) {
  await page.waitForFunction((s) => s.every((one) => window.seenAt[one] !== undefined), selectors, {
    timeout: 120_000,
    polling: 50,
  });
  return page.evaluate((s) => s.map((one) => window.seenAt[one]), selectors);
}

// What shows each page's first render.
const APP_RENDERED = 'main h1';
const REFERENCE_RENDERED = 'main svg';

/** A fresh context, throttled like a phone when `mobile`. Every load here
 * is a first visit, measured before the service worker would install, and
 * an earlier build has none: it is kept out, so that installing it in the
 * background does not land in the timings of either. */
async function freshPage(browser, mobile) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  if (mobile) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', MOBILE.network);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: MOBILE.cpu });
  }
  return { context, page };
}

/** Cold load of one of the app's routes: milliseconds from navigation to
 * its first interactive render and to its content, and the files it
 * started fetching before that first render. */
async function loadApp(browser, url, route, mobile) {
  const { context, page } = await freshPage(browser, mobile);
  await page.addInitScript(watchFor, [APP_RENDERED, route.content]);
  await page.goto(url + route.hash, { timeout: 120_000 });
  const [interactive, content] = await seen(page, [APP_RENDERED, route.content]);
  const fetched = await page.evaluate((before) => {
    return performance
      .getEntriesByType('resource')
      .filter((entry) => entry.startTime < before)
      .map((entry) => new URL(entry.name).pathname.split('/').pop());
  }, interactive);
  await context.close();
  return { interactive, content, fetched };
}

/** Cold load of the reference page: milliseconds to its first render. */
async function loadReference(browser, url, mobile) {
  const { context, page } = await freshPage(browser, mobile);
  await page.addInitScript(watchFor, [REFERENCE_RENDERED]);
  await page.goto(url, { timeout: 120_000 });
  const [ms] = await seen(page, [REFERENCE_RENDERED]);
  await context.close();
  return ms;
}

/** Gives the page `afterTasks()`: resolves on a macrotask, by which time
 * every microtask (the app's render) has run. */
function installAfterTasks(page) {
  return page.evaluate(() => {
    const channel = new MessageChannel();
    window.afterTasks = () =>
      new Promise((resolve) => {
        channel.port1.onmessage = () => resolve();
        channel.port2.postMessage(null);
      });
  });
}

/** Milliseconds from a click on a grade to the re-rendered, laid-out page, for `count` grades. */
async function timeGrading(page, count) {
  await installAfterTasks(page);
  return page.evaluate(async (count) => {
    const groups = () => [...document.querySelectorAll('[role="radiogroup"]')];
    const times = [];
    for (let i = 0; i < count; i += 1) {
      // Each visit to a group picks its next grade, so every click changes something.
      const all = groups();
      const group = all[i % all.length];
      const radios = group.querySelectorAll('input[type="radio"]');
      const radio = radios[(Math.floor(i / all.length) + 1) % radios.length];
      const start = performance.now();
      radio.click();
      await window.afterTasks();
      document.body.getBoundingClientRect();
      times.push(performance.now() - start);
      if (!radio.checked) throw new Error(`grade ${i} did not take`);
    }
    return times;
  }, count);
}

/** Milliseconds to import `file` on #/data, from the file picked to the
 * preview in the document, `count` times; and to export what is stored,
 * from the click to the file handed over (the export is built in the
 * click's handler, which runs before the event reaches the document). */
async function timeImportExport(page, file, count) {
  const input = page.getByLabel('Choose a Rungs data file');
  const imports = [];
  for (let i = 0; i < count; i += 1) {
    const shown = page.evaluate(() => {
      const preview = () => document.querySelector('[aria-label="What the file holds"]');
      return new Promise((resolve) => {
        document.addEventListener('change', () => {
          const start = performance.now();
          const observer = new MutationObserver(() => {
            if (preview()) {
              observer.disconnect();
              resolve(performance.now() - start);
            }
          });
          observer.observe(document.body, { childList: true, subtree: true });
        }, { capture: true, once: true });
      });
    });
    await input.setInputFiles({ name: 'year.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    imports.push(await shown);
    await page.getByRole('button', { name: 'Cancel' }).click();
  }
  const exports = await page.evaluate(async (count) => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Download your data (JSON)');
    const times = [];
    for (let i = 0; i < count; i += 1) {
      let start = 0;
      const began = () => { start = performance.now(); };
      const ended = new Promise((resolve) => document.addEventListener('click', () => resolve(performance.now() - start), { once: true }));
      document.addEventListener('click', began, { capture: true, once: true });
      button.click();
      times.push(await ended);
    }
    return times;
  }, count);
  return { imports, exports };
}

/** Milliseconds from a keystroke in a goal's field to the document holding
 * it in localStorage, `count` times: the page is hidden as soon as the app
 * has rendered, which saves at once. */
async function timeChanges(page, count, id = 'goal-metric') {
  return page.evaluate(async ([count, id]) => {
    const times = [];
    for (let i = 0; i < count; i += 1) {
      const field = document.getElementById(id);
      const text = `p95 latency ${i}`;
      const start = performance.now();
      field.value = text;
      field.dispatchEvent(new InputEvent('input', { bubbles: true }));
      // Yew renders, and runs its effects, on the microtask queue: once
      // those have run, the page hides. No task or frame comes between, so
      // this is the app's own work, not the browser's painting.
      for (let tick = 0; tick < 3; tick += 1) await Promise.resolve();
      dispatchEvent(new Event('pagehide'));
      const elapsed = performance.now() - start;
      if (!localStorage.getItem('rungs.document').includes(text)) throw new Error(`change ${i} was not saved`);
      times.push(elapsed);
    }
    return times;
  }, [count, id]);
}

/** Milliseconds from a new start of the packet's period to the packet
 * drafted again and laid out, `count` times. */
async function timePackets(page, count) {
  return page.evaluate(async (count) => {
    const times = [];
    const field = document.getElementById('packet-from');
    for (let i = 0; i < count; i += 1) {
      const start = performance.now();
      field.value = `2026-0${1 + (i % 2)}-01`;
      field.dispatchEvent(new Event('change', { bubbles: true }));
      for (let tick = 0; tick < 3; tick += 1) await Promise.resolve();
      document.body.getBoundingClientRect();
      times.push(performance.now() - start);
      if (!document.querySelector('.packet-sheet')) throw new Error('no packet drawn');
    }
    return times;
  }, count);
}

/** Stores `data` (in format `version`) before the app starts, on every
 * load of the page. */
function storeFirst(page, data, version) {
  return page.addInitScript((text) => localStorage.setItem('rungs.document', text), JSON.stringify({ version, revision: 1, saved_at: 1, data }));
}

/** The built-in glossary plus generated terms, `count` in all. */
function glossaryOf(count, builtin) {
  const terms = [...builtin.term];
  const words = builtin.term.flatMap((t) => t.name.split(/\s+/)).filter((w) => /^[A-Za-z]{3,}$/.test(w));
  for (let i = 0; terms.length < count; i += 1) {
    const pick = (n) => words[(i * 7919 + n * 104729) % words.length];
    const source = builtin.term[i % builtin.term.length];
    terms.push({
      id: `generated-${i}`,
      name: `${pick(1)} ${pick(2)} ${i}`,
      aliases: i % 3 === 0 ? [`G${i}`] : [],
      tags: source.tags,
      definition: source.definition,
      example: source.example,
    });
  }
  return { term: terms };
}

/** Times each keystroke in the glossary search, from the input event to
 * the results rendered and laid out. */
async function timeKeystrokes(page, queries) {
  await installAfterTasks(page);
  return page.evaluate(async (queries) => {
    const input = document.getElementById('glossary-query');
    const count = document.getElementById('glossary-count');
    const times = [];
    const type = async (value) => {
      const start = performance.now();
      input.value = value;
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
      await window.afterTasks();
      document.body.getBoundingClientRect();
      times.push(performance.now() - start);
      const shown = count.textContent;
      if (value.trim() && !shown.includes(`“${value.trim()}”`)) throw new Error(`"${value}" showed "${shown}"`);
    };
    for (const query of queries) {
      for (let k = 1; k <= query.length; k += 1) await type(query.slice(0, k));
      for (let k = query.length - 1; k >= 0; k -= 1) await type(query.slice(0, k));
    }
    return times;
  }, queries);
}

const mounts = { '/reference/': { root: REFERENCE, csp: false } };
if (BASELINE) mounts['/baseline/'] = { root: BASELINE, csp: false };
const server = await serve(PORT, DIST, { mounts });
const browser = await chromium.launch(launchOptions);
const origin = `http://127.0.0.1:${PORT}`;
const builds = [{ name: 'now', url: `${origin}/index.html`, dir: DIST }];
if (BASELINE) builds.push({ name: 'baseline', url: `${origin}/baseline/index.html`, dir: BASELINE });
// A build from before the accomplishment log reads the year without it.
for (const build of builds) {
  const log = (await readdir(build.dir)).some((name) => name.startsWith('evidence-'));
  build.year = { log };
}

try {
  // Sizes: every file of each build, and what each route's first load took.
  for (const build of ONLY.has('sizes') ? builds : []) {
    build.files = await buildFiles(build.dir);
    build.routes = {};
    for (const route of ROUTES) {
      const { fetched } = await loadApp(browser, build.url, route, false);
      // The page and its icon, which the browser fetches without a resource entry.
      const icon = [...build.files.keys()].filter((name) => name.startsWith('favicon'));
      const names = [...new Set(['index.html', ...icon, ...fetched])].filter((name) => build.files.has(name));
      const files = names.map((name) => build.files.get(name));
      build.routes[route.hash] = {
        files: names,
        total: sum(files.filter((f) => !f.name.endsWith('.json'))),
        content: sum(files.filter((f) => f.name.endsWith('.json'))),
      };
    }
  }

  // Cold loads, interleaved load by load with the reference page.
  const profiles = ONLY.has('loads') ? { unthrottled: false, mobile: true } : {};
  const times = {};
  for (const [profile, mobile] of Object.entries(profiles)) {
    times[profile] = { reference: [] };
    for (const build of builds) for (const route of ROUTES) times[profile][`${build.name} ${route.hash}`] = { interactive: [], content: [] };
    for (let run = 0; run < RUNS; run += 1) {
      times[profile].reference.push(await loadReference(browser, `${origin}/reference/index.html`, mobile));
      for (const build of builds) {
        for (const route of ROUTES) {
          const { interactive, content } = await loadApp(browser, build.url, route, mobile);
          const slot = times[profile][`${build.name} ${route.hash}`];
          slot.interactive.push(interactive);
          slot.content.push(content);
        }
      }
    }
  }
  const loads = {};
  for (const [profile, byPage] of Object.entries(times)) {
    const reference = median(byPage.reference);
    loads[profile] = { reference_ms: tenth(reference), pages: {} };
    for (const [page, { interactive, content }] of Object.entries(byPage)) {
      if (page === 'reference') continue;
      loads[profile].pages[page] = {
        interactive_ms: tenth(median(interactive)),
        interactive_ratio: hundredth(median(interactive) / reference),
        content_ms: tenth(median(content)),
        content_ratio: hundredth(median(content) / reference),
        runs: interactive.map(tenth),
      };
    }
  }

  // Grading, and glossary search with generated terms added to the
  // built-in ones: round by round, build after build, so that both meet
  // the same machine.
  const builtin = JSON.parse(await readFile(join(DIST, 'glossary.json'), 'utf8'));
  const glossary = JSON.stringify(glossaryOf(GLOSSARY_TERMS, builtin));
  for (let round = 0; ONLY.has('interactions') && round < ROUNDS; round += 1) {
    for (const build of builds) {
      {
        const { context, page } = await freshPage(browser, false);
        await page.goto(`${build.url}#/assess`);
        await page.getByLabel('Current level').selectOption({ label: 'Engineer II' });
        await page.getByRole('radiogroup').first().waitFor();
        await timeGrading(page, 12); // warm-up: the first renders of each widget
        build.grading = [...(build.grading ?? []), ...(await timeGrading(page, GRADES / ROUNDS))];
        await context.close();
      }
      {
        const { context, page } = await freshPage(browser, false);
        await page.route('**/glossary.json', (route) =>
          route.fulfill({ status: 200, contentType: 'application/json', body: glossary }),
        );
        await page.goto(`${build.url}#/glossary`);
        await page.getByText(`${GLOSSARY_TERMS} terms`, { exact: true }).waitFor();
        await timeKeystrokes(page, ['warm']);
        build.keystrokes = [...(build.keystrokes ?? []), ...(await timeKeystrokes(page, QUERIES))];
        await context.close();
      }
    }
  }
  // A year of data in and out, on builds that have #/data.
  for (let round = 0; ONLY.has('data') && round < ROUNDS; round += 1) {
    for (const build of builds) {
      const year = yearFile(build.year);
      const { context, page } = await freshPage(browser, false);
      await page.goto(`${build.url}#/`);
      await page.evaluate(([data, version]) => localStorage.setItem('rungs.document', JSON.stringify({ version, revision: 1, saved_at: 1, data })), [JSON.parse(year).data, yearVersion(build.year)]);
      await page.goto(`${build.url}#/data`);
      await page.reload();
      // A build from before #/data shows the page as coming soon.
      await page.getByRole('heading', { level: 1, name: 'Your data' }).waitFor();
      const ready = (await page.getByLabel('Choose a Rungs data file').count()) > 0;
      if (ready) {
        await timeImportExport(page, year, 1); // warm-up
        const { imports, exports } = await timeImportExport(page, year, 5);
        build.imports = [...(build.imports ?? []), ...imports];
        build.exports = [...(build.exports ?? []), ...exports];
      }
      await context.close();
    }
  }
  // A year of data: a change to saved, the packet drafted, and each page's
  // cold load with it against the same page empty, load by load.
  for (let round = 0; ONLY.has('year') && round < ROUNDS; round += 1) {
    for (const build of builds) {
      const { context, page } = await freshPage(browser, false);
      await storeFirst(page, yearOfData(build.year), yearVersion(build.year));
      await page.goto(`${build.url}#/plan/goal-0`);
      await page.getByLabel('What you will measure').waitFor();
      // Every other page's code has arrived, so none lands mid-measurement.
      await page.waitForFunction(() => performance.getEntriesByName('rungs:prefetched').length > 0);
      await timeChanges(page, 4); // warm-up
      build.changes = [...(build.changes ?? []), ...(await timeChanges(page, CHANGES / ROUNDS))];
      if (build.year.log) {
        await page.goto(`${build.url}#/evidence/e1`);
        await page.getByLabel('Title').waitFor();
        await timeChanges(page, 4, 'entry-title'); // warm-up
        build.entryChanges = [...(build.entryChanges ?? []), ...(await timeChanges(page, CHANGES / ROUNDS, 'entry-title'))];
        await page.goto(`${build.url}#/evidence/packet`);
        await page.locator('.packet-sheet').waitFor();
        await timePackets(page, 4); // warm-up
        build.packets = [...(build.packets ?? []), ...(await timePackets(page, CHANGES / ROUNDS))];
      }
      await context.close();
    }
  }
  for (let run = 0; ONLY.has('year') && run < RUNS; run += 1) {
    for (const build of builds) {
      build.yearLoads ??= {};
      for (const route of YEAR_ROUTES.filter((route) => !route.log || build.year.log)) {
        const slot = (build.yearLoads[route.hash] ??= { empty: [], year: [] });
        for (const [kind, data] of [['empty', null], ['year', yearOfData(build.year)]]) {
          const { context, page } = await freshPage(browser, false);
          if (data) await storeFirst(page, data, yearVersion(build.year));
          await page.addInitScript(watchFor, [route.content]);
          await page.goto(build.url + route.hash, { timeout: 120_000 });
          const [content] = await seen(page, [route.content]);
          await context.close();
          slot[kind].push(content);
        }
      }
    }
  }
  const spread = (times) =>
    times && { median: tenth(median(times)), p95: tenth(p95(times)), max: tenth(Math.max(...times)), count: times.length };

  const results = {
    measured_at: new Date().toISOString(),
    browser: `Chromium ${browser.version()}`,
    budgets: BUDGETS,
    builds: Object.fromEntries(
      builds.map((build) => [
        build.name,
        {
          dir: build.dir,
          files: build.files && [...build.files.values()],
          routes: build.routes,
          grading_ms: spread(build.grading),
          keystroke_ms: spread(build.keystrokes),
          import_ms: spread(build.imports),
          export_ms: spread(build.exports),
          change_saved_ms: spread(build.changes),
          entry_change_saved_ms: spread(build.entryChanges),
          packet_ms: spread(build.packets),
          year_loads: build.yearLoads && Object.fromEntries(
            Object.entries(build.yearLoads).map(([hash, { empty, year }]) => [
              hash,
              { empty_ms: tenth(median(empty)), year_ms: tenth(median(year)), ratio: hundredth(median(year) / median(empty)) },
            ]),
          ),
        },
      ]),
    ),
    loads,
  };

  const verdict = (ok) => (ok ? 'within budget' : 'OVER BUDGET');
  const line = (name, value, note = '') => console.log(`  ${name.padEnd(52)} ${value.padEnd(34)} ${note}`);
  const triple = (s) => `${kb(s.raw)} / ${kb(s.gzip)} / ${kb(s.brotli)}`;
  const [now, baseline] = builds;
  console.log(`\nRungs release build, ${results.browser}, cold cache, gzip-serving host on localhost`);
  if (ONLY.has('sizes')) {
    console.log('\nFiles of the build (raw / gzip -9 / brotli)');
    const groups = new Map();
    for (const file of now.files.values()) {
      const group = kind(file.name);
      if (!groups.has(group)) groups.set(group, []);
      groups.get(group).push(file);
    }
    for (const [group, files] of groups) {
      console.log(`  ${group}: ${triple(sum(files))}`);
      for (const f of files) console.log(`    ${f.name.padEnd(40)} ${triple(f)}`);
    }
    console.log('\nFirst load, before the first interactive render (gzip -9; content files apart)');
    for (const route of ROUTES) {
      const mine = now.routes[route.hash];
      const budget = route.hash === '#/' ? BUDGETS.firstLoadGzipKB : BUDGETS.deepLinkGzipKB;
      const before = baseline ? `was ${kb(baseline.routes[route.hash].total.gzip)}` : '';
      line(
        `${route.hash} (${mine.files.length} files${mine.content.raw ? ` + ${kb(mine.content.gzip)} content` : ''})`,
        `${kb(mine.total.gzip)} (raw ${kb(mine.total.raw)}, br ${kb(mine.total.brotli)})`,
        `≤ ${budget} KB: ${verdict(mine.total.gzip <= budget * KB)} ${before}`,
      );
    }
  }
  for (const [profile, data] of Object.entries(loads)) {
    const budget = profile === 'mobile' ? BUDGETS.mobileLoadRatio : BUDGETS.coldLoadRatio;
    console.log(`\nCold load to first interactive render, ${profile}, median of ${RUNS} (reference page ${data.reference_ms} ms)`);
    for (const route of ROUTES) {
      const mine = data.pages[`now ${route.hash}`];
      const before = baseline ? data.pages[`baseline ${route.hash}`] : null;
      line(
        route.hash,
        `${mine.interactive_ratio}× (${mine.interactive_ms} ms); content ${mine.content_ratio}×`,
        `≤ ${budget}×: ${verdict(mine.interactive_ratio <= budget)}${before ? ` was ${before.interactive_ratio}× (${before.interactive_ms} ms)` : ''}`,
      );
    }
  }
  if (ONLY.has('interactions')) {
    console.log('');
    const grading = spread(now.grading);
    const keys = spread(now.keystrokes);
    const was = (key) => (baseline ? ` was ${spread(baseline[key]).median} / ${spread(baseline[key]).p95} ms` : '');
    line(
      `Grading to next frame, median / p95 of ${GRADES}`,
      `${grading.median} / ${grading.p95} ms`,
      `≤ ${BUDGETS.gradeMedianMs} / ${BUDGETS.gradeP95Ms} ms: ${verdict(grading.median <= BUDGETS.gradeMedianMs && grading.p95 <= BUDGETS.gradeP95Ms)}${was('grading')}`,
    );
    line(
      `Glossary keystroke, ${GLOSSARY_TERMS} terms, median / p95 of ${keys.count}`,
      `${keys.median} / ${keys.p95} ms`,
      `p95 ≤ ${BUDGETS.keystrokeP95Ms} ms: ${verdict(keys.p95 <= BUDGETS.keystrokeP95Ms)}${was('keystrokes')}`,
    );
  }
  if (ONLY.has('data')) {
    console.log('');
    const was = (key) => (baseline?.[key] ? ` was ${spread(baseline[key]).median} ms` : '');
    const imports = spread(now.imports);
    const exports = spread(now.exports);
    line(
      `Import of a year of data to the preview, median of ${imports.count}`,
      `${imports.median} ms (p95 ${imports.p95})`,
      `≤ ${BUDGETS.importMs} ms: ${verdict(imports.median <= BUDGETS.importMs)}${was('imports')}`,
    );
    line(
      `Export of a year of data, median of ${exports.count}`,
      `${exports.median} ms (p95 ${exports.p95})`,
      `≤ ${BUDGETS.exportMs} ms: ${verdict(exports.median <= BUDGETS.exportMs)}${was('exports')}`,
    );
  }
  if (ONLY.has('year')) {
    console.log('');
    const changes = spread(now.changes);
    const was = baseline?.changes ? ` was ${spread(baseline.changes).median} ms` : '';
    line(
      `A change to saved, a year of data, median of ${changes.count}`,
      `${changes.median} ms (p95 ${changes.p95})`,
      `≤ ${BUDGETS.changeSavedMs} ms: ${verdict(changes.median <= BUDGETS.changeSavedMs)}${was}`,
    );
    const entryChanges = spread(now.entryChanges);
    const wasEntry = baseline?.entryChanges ? ` was ${spread(baseline.entryChanges).median} ms` : '';
    line(
      `A change to an entry of the log to saved, same year, median of ${entryChanges.count}`,
      `${entryChanges.median} ms (p95 ${entryChanges.p95})`,
      `≤ ${BUDGETS.changeSavedMs} ms: ${verdict(entryChanges.median <= BUDGETS.changeSavedMs)}${wasEntry}`,
    );
    const packets = spread(now.packets);
    const wasPacket = baseline?.packets ? ` was ${spread(baseline.packets).median} ms` : '';
    line(
      `The packet drafted from a year of data, median of ${packets.count}`,
      `${packets.median} ms (p95 ${packets.p95})`,
      `≤ ${BUDGETS.packetMs} ms: ${verdict(packets.median <= BUDGETS.packetMs)}${wasPacket}`,
    );
    const loadsOf = (build) => results.builds[build.name].year_loads;
    for (const route of YEAR_ROUTES) {
      const mine = loadsOf(now)[route.hash];
      const before = baseline ? loadsOf(baseline)[route.hash] : null;
      line(
        `Cold load of ${route.hash} with a year of data, to its content`,
        `${mine.ratio}× empty (${mine.year_ms} / ${mine.empty_ms} ms)`,
        `≤ ${BUDGETS.yearLoadRatio}×: ${verdict(mine.ratio <= BUDGETS.yearLoadRatio)}${before ? ` was ${before.ratio}×` : ''}`,
      );
    }
  }
  const out = fileURLToPath(new URL('../../bench-results.json', import.meta.url));
  await writeFile(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nWritten to ${out}`);
} finally {
  await browser.close();
  server.close();
}
