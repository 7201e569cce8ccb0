// The app shell: routes, navigation, keyboard, accessibility, layout.
import { test, expect, open, expectAccessible, ROUTES, richDocument } from './fixtures.mjs';

test('every route renders its page, title and current nav entry, under the strict CSP with no violation', async ({ page }) => {
  // The test server sends the strict policy of docs/ARCHITECTURE.md; each
  // page counts what it refused.
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.violations.push(`${event.violatedDirective}: ${event.blockedURI}`);
    });
  });
  for (const route of ROUTES) {
    await open(page, route.hash);
    await expect(page.getByRole('heading', { level: 1, name: route.title })).toBeVisible();
    await expect(page).toHaveTitle(`${route.title} · Rungs`);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: route.nav, exact: true })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expect(page.getByRole('contentinfo')).toContainText('Your data never leaves this browser');
    expect(await page.evaluate(() => window.violations), route.hash).toEqual([]);
  }
  // Every split point's code and stylesheet, fetched once the page is idle.
  await page.waitForFunction(() => performance.getEntriesByName('rungs:prefetched').length > 0);
  expect(await page.evaluate(() => window.violations)).toEqual([]);
});

test('an unknown address says so and leads home', async ({ page }) => {
  await open(page, '#/no-such-page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to the dashboard' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
});

// One test per page and scheme, so that none runs long on a slow machine.
for (const colorScheme of ['light', 'dark']) {
  for (const route of [...ROUTES, { hash: '#/no-such-page' }]) {
    test(`axe finds no violations on ${route.hash} in ${colorScheme} mode`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await open(page, route.hash);
      await expectAccessible(page);
    });
  }
}

test('the keyboard reaches the skip link, the navigation and the page', async ({ page }) => {
  await open(page, '#/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await expect(page).toHaveURL(/#\/$/);

  // Skip link, brand, Dashboard, then Assess.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  for (let i = 0; i < 4; i += 1) await page.keyboard.press('Tab');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Assess' })).toBeFocused();
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { level: 1, name: 'Readiness self-assessment' });
  await expect(heading).toBeFocused();
  await expect(page).toHaveURL(/#\/assess$/);

  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeFocused();
});

test('the theme can be chosen by keyboard and follows the system by default', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await open(page, '#/');
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const dark = await background();
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await background();
  expect(light).not.toEqual(dark);

  const theme = page.getByLabel('Theme');
  await theme.focus();
  await theme.selectOption({ label: 'Dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background()).toEqual(dark);
});

for (const width of [320, 1280]) {
  test(`every page fits a ${width} px wide window, and a table that scrolls says so`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.addInitScript((text) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('rungs.document', text);
        sessionStorage.setItem('seeded', '1');
      }
    }, richDocument());
    const routes = [...ROUTES, { hash: '#/glossary/my-long-word' }, { hash: '#/plan/glong001' }, { hash: '#/evidence/elong001' }];
    for (const route of routes) {
      await open(page, route.hash);
      // Wait for the page's code and content, not just its heading.
      await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0);
      await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, route.hash).toBeLessThanOrEqual(0);
      const hidden = await page.locator('main table').evaluateAll((tables) =>
        tables.flatMap((table) => {
          const region = table.closest('.table-scroll');
          const box = region ?? table.parentElement;
          if (box.scrollWidth <= box.clientWidth) return [];
          const cue = region && getComputedStyle(region).backgroundImage.includes('gradient');
          return cue ? [] : [table.querySelector('caption')?.textContent ?? table.outerHTML.slice(0, 80)];
        }),
      );
      expect(hidden, `tables hiding columns without a cue on ${route.hash}`).toEqual([]);
    }
  });
}

test('the heading that takes focus after a page change shows no ring that reads as an error', async ({ page }) => {
  await open(page, '#/');
  for (let i = 0; i < 4; i += 1) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { level: 1, name: 'Readiness self-assessment' });
  await expect(heading).toBeFocused();
  expect(await heading.evaluate((h) => getComputedStyle(h).outlineStyle)).toBe('none');
});

test('a first visit offers one clear first step, and lists only the pages that work', async ({ page }) => {
  await open(page, '#/');
  const next = page.getByRole('region', { name: 'Your next step' });
  const start = next.getByRole('link', { name: 'Start your self-assessment' });
  await expect(start).toBeVisible();
  await expect(next.getByRole('listitem')).toHaveText([
    /^1?\.? ?Grade yourself against your level and the next\s*To do\. Not started\./,
    /Turn your biggest gaps into goals\s*To do\. No goals yet\./,
    /Back your grades with evidence\s*To do\. Nothing to back yet/,
  ]);
  // The first step is the one strong action; the data download is not.
  const fill = (locator) => locator.evaluate((e) => getComputedStyle(e).backgroundColor);
  const download = page.getByRole('button', { name: 'Download a copy of your data' });
  expect(await fill(start)).not.toBe(await fill(download));
  expect(await fill(download)).toBe(await fill(page.getByRole('region', { name: 'Your data' })));
  // Every page is offered, and none is said to be still to come.
  const everything = page.getByRole('region', { name: 'Everything in Rungs' });
  await expect(everything.getByRole('link', { name: 'Plan builder' })).toBeVisible();
  await expect(everything.getByRole('link', { name: 'Accomplishment log' })).toBeVisible();
  await expect(everything.getByRole('link', { name: 'Conversation prep' })).toBeVisible();
  await expect(everything).not.toContainText('Still to come');
  await start.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Readiness self-assessment' })).toBeVisible();
});
