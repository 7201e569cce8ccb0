// Shared by every end-to-end test: each test fails if the page throws, logs
// an error, or sends a request anywhere but its own origin.
import { test as base, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export { expect };

export const ROUTES = [
  { hash: '#/', title: 'Dashboard', nav: 'Dashboard' },
  { hash: '#/assess', title: 'Readiness self-assessment', nav: 'Assess' },
  { hash: '#/glossary', title: 'Vocabulary glossary', nav: 'Glossary' },
  { hash: '#/glossary/error-budget', title: 'Error budget', nav: 'Glossary' },
  { hash: '#/plan', title: 'Plan builder', nav: 'Plan' },
  { hash: '#/plan/check-ins', title: 'Check-ins', nav: 'Plan' },
  { hash: '#/plan/weeks', title: 'Weekly goals', nav: 'Plan' },
  { hash: '#/evidence', title: 'Accomplishment log', nav: 'Evidence' },
  { hash: '#/talk', title: 'Conversation prep', nav: 'Talk' },
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

/** Opens the app at `hash` and waits for it to be interactive. */
export async function open(page, hash = '#/') {
  await page.goto(`index.html${hash}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/** Fails with the list of violations, if axe-core finds any. */
export async function expectAccessible(page) {
  const results = await new AxeBuilder({ page }).analyze();
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
