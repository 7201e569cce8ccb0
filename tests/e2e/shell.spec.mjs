// The app shell: routes, navigation, keyboard, accessibility, layout.
import { test, expect, open, expectAccessible, ROUTES } from './fixtures.mjs';

test('every route renders its page, title and current nav entry', async ({ page }) => {
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
  }
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
  test(`the layout fits a ${width} px wide window`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    for (const route of ROUTES) {
      await open(page, route.hash);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, route.hash).toBeLessThanOrEqual(0);
    }
  });
}
