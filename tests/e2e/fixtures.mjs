// Shared by every end-to-end test: each test fails if the page throws, logs
// an error, or sends a request anywhere but its own origin.
import { test as base, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export { expect };

/** The version of the stored document this build writes (`CURRENT_VERSION`
 * in src/core/schema.rs). */
export const VERSION = 10;

export const ROUTES = [
  { hash: '#/', title: 'Dashboard', nav: 'Dashboard' },
  { hash: '#/assess', title: 'Readiness self-assessment', nav: 'Assess' },
  { hash: '#/assess/results', title: 'Your readiness', nav: 'Assess' },
  { hash: '#/glossary', title: 'Vocabulary glossary', nav: 'Glossary' },
  { hash: '#/glossary/error-budget', title: 'Error budget', nav: 'Glossary' },
  { hash: '#/plan', title: 'Plan builder', nav: 'Plan' },
  { hash: '#/plan/check-ins', title: 'Check-ins', nav: 'Plan' },
  { hash: '#/plan/weeks', title: 'Weekly goals', nav: 'Plan' },
  { hash: '#/evidence', title: 'Accomplishment log', nav: 'Evidence' },
  { hash: '#/evidence/coverage', title: 'Where your case is thin', nav: 'Evidence' },
  { hash: '#/evidence/packet', title: 'Promotion packet', nav: 'Evidence' },
  { hash: '#/evidence/update', title: 'Update on your work', nav: 'Evidence' },
  { hash: '#/talk', title: 'Conversation prep', nav: 'Talk' },
  { hash: '#/talk/passed-over', title: 'After being passed over', nav: 'Talk' },
  { hash: '#/review', title: 'Grades from others', nav: 'Review' },
  { hash: '#/review/ask', title: 'Ask for grades', nav: 'Review' },
  { hash: '#/data', title: 'Your data', nav: 'Your data' },
  { hash: '#/rubric', title: 'Rubric', nav: 'Rubric' },
];

export const test = base.extend({
  // Other origins a test serves the app from itself (`test.use`).
  otherOrigins: [[], { option: true }],
  // Console errors a test provokes on purpose, such as a blocked download.
  expectedErrors: [[], { option: true }],
  guard: [
    async ({ context, page, baseURL, otherOrigins, expectedErrors }, use) => {
      const origins = [new URL(baseURL).origin, ...otherOrigins];
      const errors = [];
      const foreign = [];
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console: ${message.text()}`);
      });
      context.on('request', (request) => {
        const url = new URL(request.url());
        const local = ['data:', 'blob:', 'about:'].includes(url.protocol) || origins.includes(url.origin);
        if (!local) foreign.push(request.url());
      });
      await use();
      const unexpected = errors.filter((error) => !expectedErrors.some((pattern) => pattern.test(error)));
      expect(unexpected, 'errors in the page').toEqual([]);
      expect(foreign, 'requests that left the page origin').toEqual([]);
    },
    { auto: true },
  ],
});

/** Fixes the clock at Saturday 21 November 2026, 10:00, so that every date
 * a test sees is fixed; stores `text` as the document before the first
 * load (a reload keeps what the app saved since); and counts prints in
 * `window.printed` instead of opening the dialog. */
export async function startWith(page, text) {
  await page.clock.setFixedTime(new Date('2026-11-21T10:00:00'));
  await page.addInitScript((text) => {
    if (!localStorage.getItem('rungs.document')) localStorage.setItem('rungs.document', text);
    window.printed = 0;
    window.print = () => {
      window.printed += 1;
    };
  }, text);
}

/** Opens the app at `hash` and waits for it to be interactive. */
export async function open(page, hash = '#/') {
  await page.goto(`index.html${hash}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/** Fails with the list of violations, if axe-core finds any. `options`
 * go to axe-core: `{ preload: false }` inside a sandboxed frame, where
 * the stylesheets are another origin's and axe would read them again into
 * an inline style, which the page's policy rightly refuses. */
export async function expectAccessible(page, options) {
  const builder = new AxeBuilder({ page });
  if (options) builder.options(options);
  const results = await builder.analyze();
  const violations = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
  );
  expect(violations).toEqual([]);
}

/** The stored text under `key`. */
export function stored(page, key = 'rungs.document') {
  return page.evaluate((k) => localStorage.getItem(k), key);
}

/** Every stored key that starts with `prefix`. */
export function storedKeys(page, prefix) {
  return page.evaluate(
    (p) => Object.keys(localStorage).filter((k) => k.startsWith(p)).sort(),
    prefix,
  );
}

/** The text of a file the page offered for download after `action`. */
export async function downloadedText(page, action) {
  const [download] = await Promise.all([page.waitForEvent('download'), action()]);
  const { readFile } = await import('node:fs/promises');
  return readFile(await download.path(), 'utf8');
}

/** Lets a test make writes to storage fail, as a full disk or a browser that
 * stops allowing storage would. Call it before the page loads, then
 * `failWrites(page)` and `failWrites(page, null)`. */
export function breakableStorage(pageOrContext) {
  return pageOrContext.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (window.writesFail) throw new DOMException('Storage refused it.', window.writesFail);
      return setItem.call(this, key, value);
    };
  });
}

/** Makes every write fail with the DOMException `name` from now on
 * (`QuotaExceededError`: the disk is full), or with `null` succeed again. */
export function failWrites(page, name = 'QuotaExceededError') {
  return page.evaluate((n) => { window.writesFail = n; }, name);
}

/** A word too long for any line: pasted hashes and URLs are like this. */
export const LONG_WORD = 'x'.repeat(600);

/** A stored document with something on every page: grades from three
 * perspectives, snapshots, an own term, a plan with goals, milestones,
 * check-ins and weeks, a log entry, conversation prep with a reworded line
 * and an answer, a reviewer's grades and a request still waiting, and a
 * word too long for any line in each. */
export function richDocument() {
  const rating = (mine, manager, peer) => ({ mine, manager, peer, evidence: `Shipped it: ${LONG_WORD}`, note: LONG_WORD });
  const snapshot = (at, label) => ({
    at, track: 'software', current: 'e2', target: 'senior', label,
    overall: { current: 50, target: 20 },
    areas: [{ area: 'craft', current: 60, target: 30 }, { area: 'delivery', current: 40, target: 10 }],
  });
  const data = {
    assessment: {
      track: 'software',
      current: 'e2',
      ratings: {
        'software.craft.senior.system-design': rating('beyond', 'sometimes', 'consistently'),
        'software.craft.e2.test-strategy': rating('consistently', 'beyond', 'not-yet'),
        'software.delivery.senior.planning': rating('sometimes', 'consistently', 'sometimes'),
      },
      snapshots: [1795000000000, 1795003600000, 1795090000000, 1795190000000, 1795290000000, 1795390000000]
        .map((at, i) => snapshot(at, i % 2 ? `Label ${LONG_WORD}` : '')),
      asked: [
        { id: 'r-long-1', at: 1795200000000, reviewer: { name: `Dana ${LONG_WORD}`, role: 'manager' }, rubric: 'rungs-default', hash: 'a'.repeat(64) },
        { id: 'r-long-2', at: 1795210000000, reviewer: { name: `Sam ${LONG_WORD}`, role: 'peer' }, rubric: 'rungs-default', hash: 'b'.repeat(64) },
      ],
      reviews: [{
        id: 'r-long-1', reviewer: { name: `Dana ${LONG_WORD}`, role: 'manager' }, at: 1795300000000, added: 1795300000001,
        grades: {
          'software.craft.senior.system-design': { grade: 'sometimes', comment: `Not yet across teams: ${LONG_WORD}` },
          'software.craft.e2.test-strategy': { not_applicable: true },
        },
      }],
    },
    vocabulary: {
      terms: [{ id: 'my-long-word', name: `Long ${LONG_WORD}`, aliases: [], tags: ['process'], definition: `A definition with ${LONG_WORD} in it.`, example: LONG_WORD }],
      familiarity: { 'my-long-word': 'learning' },
    },
    plan: {
      target: '2027-06-01',
      goals: [{
        id: 'glong001', outcome: `Lead ${LONG_WORD}`, metric: LONG_WORD, baseline: '0', target: '3', support: LONG_WORD, time: '2 hours',
        criteria: ['software.craft.senior.system-design'], due: '2027-03-31', started: '2026-11-21', done: null,
        milestones: [{ id: 'mlong001', title: `Draft ${LONG_WORD}`, due: '2026-12-04', done: null }],
      }],
      schedule: { id: 'slong001', every: 2, weekday: 'tuesday', time: 570, length: 30, with: LONG_WORD, from: '2026-11-21' },
      checkins: [{ id: 'clong001', date: '2026-11-24', notes: LONG_WORD, agreed: LONG_WORD, followups: [{ id: 'flong001', text: LONG_WORD }] }],
      weeks: [],
    },
    evidence: {
      entries: [{
        id: 'elong001', date: '2026-11-20', title: `Shipped ${LONG_WORD}`, story: `I led ${LONG_WORD}.`, kind: 'project',
        result: { metric: { name: LONG_WORD, before: 1200, after: 300, unit: LONG_WORD } },
        links: [`https://example.com/${LONG_WORD}`], confirm: [{ name: LONG_WORD, role: LONG_WORD }],
        criteria: ['software.craft.senior.system-design'], tags: [LONG_WORD],
      }],
      narrative: { summary: LONG_WORD, areas: { craft: LONG_WORD } },
    },
    talk: {
      process: 'formal',
      ticked: { 'formal/self-review': true },
      lines: { 'passed-over/2': `Where did my work fall short of ${LONG_WORD}?` },
      answers: { 'passed-over/1': LONG_WORD },
    },
  };
  return JSON.stringify({ version: VERSION, revision: 1, saved_at: 1, data });
}
