// `make bench`: measures the release build in dist/ as a user's browser
// meets it, prints each figure beside its budget from DESIGN.md and writes
// them all to bench-results.json at the top of the repository.
//
// - first load: every file the page fetches on a cold load, raw, gzip -9
//   and brotli (quality 11);
// - the wasm file alone;
// - cold load to first interactive render: from navigation start to the
//   `rungs:interactive` mark the app sets after its first render, median and
//   range over 10 fresh browser contexts (nothing cached);
// - the rubric file, fetched when the assessment (or its dashboard card)
//   is first shown, raw / gzip -9 / brotli;
// - grading a criterion to the next frame: on #/assess, 200 clicks on grade
//   radios, each timed from the click until the app has re-rendered and the
//   browser has recalculated style and layout, so the next frame can be
//   painted at once; median and p95;
// - the glossary file, fetched when the glossary or the assessment first
//   needs it;
// - a glossary keystroke to results painted: on #/glossary with 2,000 terms
//   (the built-in ones plus generated ones, served in place of
//   glossary.json), eight queries typed and erased a letter at a time, each
//   timed from the input event to the results rendered and laid out;
//   median and p95.
import { chromium } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { brotliCompressSync, constants } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, DIST } from './serve.mjs';
import { launchOptions } from './chromium.mjs';

const PORT = 4174;
const RUNS = 10;
const KB = 1024;
const GRADES = 200;
const GLOSSARY_TERMS = 2000;
const BUDGETS = {
  firstLoadGzipKB: 120,
  coldLoadMs: 100,
  gradeMedianMs: 5,
  gradeP95Ms: 16,
  keystrokeP95Ms: 16,
};
// Typed a letter at a time, each prefix one keystroke, then erased the
// same way: the queries an engineer types, typos and misses included.
const QUERIES = ['kubernetes', 'error budget', 'observabilty', 'sli', 'deploy', 'calibration', 'on-call', 'zzqx'];

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const p95 = (values) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1];
const tenth = (ms) => Math.round(ms * 10) / 10;

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

// `gzip -9` is the gzip program itself: Node's zlib at level 9 comes out
// about 3% larger, which would not be the figure DESIGN.md means.
const sizes = (buffer) => ({
  raw: buffer.length,
  gzip: execFileSync('gzip', ['-9', '-c'], { input: buffer, maxBuffer: 1 << 28 }).length,
  brotli: brotliCompressSync(buffer, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buffer.length },
  }).length,
});

const server = await serve(PORT);
const browser = await chromium.launch(launchOptions);
const url = `http://127.0.0.1:${PORT}/index.html`;

try {
  // Which files a cold load fetches.
  const fetched = new Set();
  {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('requestfinished', (request) => fetched.add(new URL(request.url()).pathname));
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('rungs:interactive').length > 0);
    await page.waitForLoadState('networkidle');
    await context.close();
  }
  const files = [];
  for (const path of [...fetched].sort()) {
    const name = path === '/' ? 'index.html' : path.slice(1);
    files.push({ name, ...sizes(await readFile(join(DIST, name))) });
  }
  const total = files.reduce(
    (sum, f) => ({ raw: sum.raw + f.raw, gzip: sum.gzip + f.gzip, brotli: sum.brotli + f.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
  const wasm = files.find((f) => f.name.endsWith('.wasm'));

  // Cold loads.
  const loads = [];
  for (let i = 0; i < RUNS; i += 1) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    const ms = await page.evaluate(async () => {
      while (performance.getEntriesByName('rungs:interactive').length === 0) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      return performance.getEntriesByName('rungs:interactive')[0].startTime;
    });
    loads.push(ms);
    await context.close();
  }

  // The rubric, fetched on first use rather than in the first load.
  const rubricFile = { name: 'rubric.json', ...sizes(await readFile(join(DIST, 'rubric.json'))) };

  // Grading.
  let grading;
  {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${url}#/assess`);
    await page.getByLabel('Current level').selectOption({ label: 'Engineer II' });
    await page.getByRole('radiogroup').first().waitFor();
    await timeGrading(page, 12); // warm-up: the first renders of each widget
    grading = await timeGrading(page, GRADES);
    await context.close();
  }

  // Glossary search, with generated terms added to the built-in ones.
  let keystrokes;
  const glossaryFile = { name: 'glossary.json', ...sizes(await readFile(join(DIST, 'glossary.json'))) };
  {
    const builtin = JSON.parse(await readFile(join(DIST, 'glossary.json'), 'utf8'));
    const body = JSON.stringify(glossaryOf(GLOSSARY_TERMS, builtin));
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route('**/glossary.json', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body }),
    );
    await page.goto(`${url}#/glossary`);
    await page.getByText(`${GLOSSARY_TERMS} terms`, { exact: true }).waitFor();
    await timeKeystrokes(page, ['warm']);
    keystrokes = await timeKeystrokes(page, QUERIES);
    await context.close();
  }

  const results = {
    measured_at: new Date().toISOString(),
    browser: `Chromium ${browser.version()}`,
    files,
    first_load: { ...total, budget_gzip: BUDGETS.firstLoadGzipKB * KB },
    wasm: wasm ?? null,
    cold_load_ms: {
      runs: loads.map((ms) => Math.round(ms * 10) / 10),
      median: Math.round(median(loads) * 10) / 10,
      min: Math.round(Math.min(...loads) * 10) / 10,
      max: Math.round(Math.max(...loads) * 10) / 10,
      budget: BUDGETS.coldLoadMs,
    },
    rubric: rubricFile,
    glossary: glossaryFile,
    grading_ms: {
      grades: GRADES,
      median: tenth(median(grading)),
      p95: tenth(p95(grading)),
      max: tenth(Math.max(...grading)),
      budget_median: BUDGETS.gradeMedianMs,
      budget_p95: BUDGETS.gradeP95Ms,
    },
    keystroke_ms: {
      terms: GLOSSARY_TERMS,
      keystrokes: keystrokes.length,
      median: tenth(median(keystrokes)),
      p95: tenth(p95(keystrokes)),
      max: tenth(Math.max(...keystrokes)),
      budget_p95: BUDGETS.keystrokeP95Ms,
    },
  };

  const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;
  const verdict = (value, budget) => (value <= budget ? 'within budget' : 'OVER BUDGET');
  const rows = [
    ['first load, raw', kb(total.raw), ''],
    ['first load, gzip -9', kb(total.gzip), `≤ ${BUDGETS.firstLoadGzipKB} KB: ${verdict(total.gzip, BUDGETS.firstLoadGzipKB * KB)}`],
    ['first load, brotli', kb(total.brotli), ''],
    ['wasm, raw / gzip -9 / brotli', wasm ? `${kb(wasm.raw)} / ${kb(wasm.gzip)} / ${kb(wasm.brotli)}` : 'none', ''],
    [
      `cold load to interactive, median of ${RUNS}`,
      `${results.cold_load_ms.median} ms (${results.cold_load_ms.min}–${results.cold_load_ms.max})`,
      `≤ ${BUDGETS.coldLoadMs} ms: ${verdict(results.cold_load_ms.median, BUDGETS.coldLoadMs)}`,
    ],
    ['rubric.json on first use, raw / gzip -9 / brotli', `${kb(rubricFile.raw)} / ${kb(rubricFile.gzip)} / ${kb(rubricFile.brotli)}`, ''],
    ['glossary.json on first use, raw / gzip -9 / brotli', `${kb(glossaryFile.raw)} / ${kb(glossaryFile.gzip)} / ${kb(glossaryFile.brotli)}`, ''],
    [
      `grading to next frame, median / p95 of ${GRADES}`,
      `${results.grading_ms.median} / ${results.grading_ms.p95} ms`,
      `≤ ${BUDGETS.gradeMedianMs} / ${BUDGETS.gradeP95Ms} ms: ${verdict(
        results.grading_ms.median <= BUDGETS.gradeMedianMs && results.grading_ms.p95 <= BUDGETS.gradeP95Ms ? 0 : 1,
        0,
      )}`,
    ],
    [
      `glossary keystroke to results, ${GLOSSARY_TERMS} terms, median / p95 of ${keystrokes.length}`,
      `${results.keystroke_ms.median} / ${results.keystroke_ms.p95} ms`,
      `p95 ≤ ${BUDGETS.keystrokeP95Ms} ms: ${verdict(results.keystroke_ms.p95, BUDGETS.keystrokeP95Ms)}`,
    ],
  ];
  console.log(`\nRungs release build, ${results.browser}, cold cache, localhost\n`);
  for (const f of files) console.log(`  ${f.name.padEnd(34)} ${kb(f.raw).padStart(10)} raw ${kb(f.gzip).padStart(10)} gzip ${kb(f.brotli).padStart(10)} br`);
  console.log('');
  for (const [name, value, budget] of rows) console.log(`  ${name.padEnd(48)} ${value.padEnd(28)} ${budget}`);
  const out = fileURLToPath(new URL('../../bench-results.json', import.meta.url));
  await writeFile(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nWritten to ${out}`);
} finally {
  await browser.close();
  server.close();
}
