// Code on demand: each surface's code (and stylesheet) arrives when it is
// first needed, a deep link fetches it alongside the main module, the rest
// arrives while the browser is idle, and a download that fails says so.
import { test, expect, open, stored } from './fixtures.mjs';

// A split point's own module, and its stylesheet: `plan-<hash>.wasm`.
const code = (surface) => new RegExp(`/${surface}-[0-9a-f]{16}\\.(wasm|css)$`);
const MAIN_MODULE = /\/rungs-[0-9a-f]{16}\.wasm$/;

/** Resolves when the start script has fetched every split point. */
const prefetched = (page) =>
  page.waitForFunction(() => performance.getEntriesByName('rungs:prefetched').length > 0);

test('a deep link fetches its page code alongside the main module, not after it', async ({ page }) => {
  // The main module is held back until the plan's own module has been
  // asked for: only a start script that fetches both at once gets past this.
  let seen;
  const planRequested = new Promise((resolve) => {
    seen = resolve;
  });
  await page.route(code('plan'), (route) => {
    seen();
    return route.continue();
  });
  await page.route(MAIN_MODULE, async (route) => {
    await planRequested;
    await route.continue();
  });
  await open(page, '#/plan');
  await expect(page.getByRole('heading', { level: 1, name: 'Plan builder' })).toBeVisible();
  await expect(page).toHaveTitle('Plan builder · Rungs');
});

test.describe('offline', () => {
  // Content files (the rubric) are fetched when a page needs them and are not
  // kept for offline use yet: the plan page does without.
  test.use({ expectedErrors: [/ERR_INTERNET_DISCONNECTED/] });

  test('once the first page is shown the rest arrives, so later pages open offline', async ({ page, context }) => {
    await open(page, '#/');
    await prefetched(page);
    await context.setOffline(true);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Plan', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Plan builder' })).toBeFocused();
    await page.getByRole('link', { name: 'Weekly goals' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Weekly goals' })).toBeFocused();
    // Its stylesheet came with it.
    const subnav = page.locator('.subnav a[aria-current="page"]');
    await expect(subnav).toHaveCSS('border-radius', '999px');
  });
});

test('focus lands on the new page heading even when its code arrives later', async ({ page }) => {
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  await page.route(code('glossary'), async (route) => {
    await held;
    await route.continue();
  });
  await open(page, '#/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Glossary' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Loading this page' })).toBeVisible();
  release();
  const heading = page.getByRole('heading', { level: 1, name: 'Vocabulary glossary' });
  await expect(heading).toBeFocused();
  await expect(page).toHaveTitle('Vocabulary glossary · Rungs');
});

test.describe('when a page cannot be downloaded', () => {
  test.use({ expectedErrors: [/ERR_FAILED|Failed to fetch|did not load/] });

  test('it says so, the rest keeps working, and Try again brings it', async ({ page }) => {
    let blocked = true;
    await page.route(code('glossary'), (route) => (blocked ? route.abort() : route.continue()));
    await open(page, '#/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Glossary' }).click();

    const alert = page.getByRole('alert');
    await expect(alert).toContainText('This page could not be loaded');
    await expect(alert).toContainText('Your data is safe and unchanged');
    await expect(page.getByRole('heading', { level: 1, name: 'Vocabulary glossary' })).toBeFocused();
    await expect(alert.getByRole('button', { name: 'Reload' })).toBeVisible();

    // Nothing was saved, and the rest of the app works.
    expect(await stored(page)).toBeNull();
    await page.getByLabel('Theme').selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plan', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Plan builder' })).toBeVisible();
    await page.goBack();
    await expect(page.getByRole('alert')).toContainText('This page could not be loaded');

    blocked = false;
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByText('253 terms', { exact: true })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByRole('searchbox', { name: 'Search the glossary' })).toBeVisible();
  });

  test('a deep link that cannot get its code says so too, and recovers', async ({ page }) => {
    let blocked = true;
    await page.route(code('assess'), (route) => (blocked ? route.abort() : route.continue()));
    await open(page, '#/assess');
    await expect(page.getByRole('heading', { level: 1, name: 'Readiness self-assessment' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('This page could not be loaded');
    await expect(page.getByRole('contentinfo')).toContainText('Your data never leaves this browser');
    blocked = false;
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByLabel('Current level')).toBeVisible();
  });
});
