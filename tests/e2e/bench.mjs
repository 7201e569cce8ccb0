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
//   painted at once; median and p95.
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
const BUDGETS = { firstLoadGzipKB: 120, coldLoadMs: 100, gradeMedianMs: 5, gradeP95Ms: 16 };

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const p95 = (values) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1];
const tenth = (ms) => Math.round(ms * 10) / 10;

/** Milliseconds from a click on a grade to the re-rendered, laid-out page, for `count` grades. */
async function timeGrading(page, count) {
  return page.evaluate(async (count) => {
    const channel = new MessageChannel();
    // A macrotask: every microtask (the app's render) has run by then.
    const afterTasks = () =>
      new Promise((resolve) => {
        channel.port1.onmessage = () => resolve();
        channel.port2.postMessage(null);
      });
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
      await afterTasks();
      document.body.getBoundingClientRect();
      times.push(performance.now() - start);
      if (!radio.checked) throw new Error(`grade ${i} did not take`);
    }
    return times;
  }, count);
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
    grading_ms: {
      grades: GRADES,
      median: tenth(median(grading)),
      p95: tenth(p95(grading)),
      max: tenth(Math.max(...grading)),
      budget_median: BUDGETS.gradeMedianMs,
      budget_p95: BUDGETS.gradeP95Ms,
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
    [
      `grading to next frame, median / p95 of ${GRADES}`,
      `${results.grading_ms.median} / ${results.grading_ms.p95} ms`,
      `≤ ${BUDGETS.gradeMedianMs} / ${BUDGETS.gradeP95Ms} ms: ${verdict(
        results.grading_ms.median <= BUDGETS.gradeMedianMs && results.grading_ms.p95 <= BUDGETS.gradeP95Ms ? 0 : 1,
        0,
      )}`,
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
