// Installed and offline: after one visit the service worker has every file
// of the build, so every page opens with no network; a new build installs
// in the background and the page offers to reload into it, never mixing
// the two; nothing the user writes goes into its caches.
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { test, expect, ROUTES, expectAccessible } from './fixtures.mjs';
import { serve, DIST } from './serve.mjs';

test.use({ serviceWorkers: 'allow' });

/** Resolves once a service worker controls the page: it took over after
 * keeping every file. */
function controlled(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        if (navigator.serviceWorker.controller) resolve();
        else navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true });
      }),
  );
}

/** Every cache, by name, with the address and text of everything in it. */
function cached(page) {
  return page.evaluate(async () => {
    const all = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      all[name] = await Promise.all(
        (await cache.keys()).map(async (request) => ({
          url: request.url,
          text: await (await cache.match(request)).text(),
        })),
      );
    }
    return all;
  });
}

test('after one visit, every page opens with no network, and nothing the user wrote is cached', async ({
  page,
  context,
  baseURL,
}) => {
  await page.goto('index.html#/');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  // Something of the user's, to look for in the caches.
  await page.goto('index.html#/evidence');
  await page.getByLabel('What did you do?').fill('Shipped the offline mode no cache may hold');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Logged “Shipped the offline mode' })).toBeVisible();
  await controlled(page);

  await context.setOffline(true);
  // What the pages asked for and did not get (the worker's own tries at the
  // network, for the host's configuration, fail, as they should offline).
  const failed = [];
  context.on('page', (tab) => tab.on('requestfailed', (request) => failed.push(request.url())));
  for (const route of ROUTES) {
    const tab = await context.newPage();
    await tab.goto(`index.html${route.hash}`);
    await expect(tab.getByRole('heading', { level: 1, name: route.title, exact: true })).toBeVisible();
    await expect(tab.getByRole('alert')).toHaveCount(0);
    await tab.close();
  }
  // The pages that need content have it.
  const tab = await context.newPage();
  await tab.goto('index.html#/glossary');
  await tab.getByRole('searchbox', { name: 'Search the glossary' }).fill('error budget');
  await expect(tab.getByRole('link', { name: 'Error budget', exact: true })).toBeVisible();
  await tab.goto('index.html#/evidence');
  await expect(tab.getByText('Shipped the offline mode no cache may hold')).toBeVisible();
  expect(failed).toEqual([]);

  const caches = await cached(tab);
  const names = Object.keys(caches).sort();
  expect(names).toHaveLength(2);
  expect(names[0]).toMatch(/^rungs-build-[0-9a-f]{16}$/);
  expect(names[1]).toBe('rungs-site');
  const origin = new URL(baseURL).origin;
  for (const entries of Object.values(caches)) {
    for (const { url, text } of entries) {
      expect(new URL(url).origin).toBe(origin);
      expect(text).not.toContain('no cache may hold');
    }
  }
  // Every file of the build, and only those.
  const files = caches[names[0]].map(({ url }) => new URL(url).pathname.slice(1)).sort();
  expect(files).toContain('index.html');
  expect(files.filter((file) => file.endsWith('.wasm')).length).toBeGreaterThan(10);
  expect(files).not.toContain('sw.js');
  expect(caches['rungs-site'].map(({ url }) => new URL(url).pathname)).toEqual(['/rungs.config.json']);
});

test.describe('a new version', () => {
  const PORT = 4180;
  const HOST = `http://127.0.0.1:${PORT}`;
  test.use({ otherOrigins: [HOST] });

  test('installs in the background, and the page offers to reload into it', async ({ context }, testInfo) => {
    // The next build: new code in its start script, named and checked by
    // its content as the build does, so a new page and a new worker.
    const next = testInfo.outputPath('next');
    cpSync(DIST, next, { recursive: true });
    const edit = (file, from, to) => {
      const text = readFileSync(`${next}/${file}`, 'utf8');
      expect(text).toContain(from);
      writeFileSync(`${next}/${file}`, text.replace(from, to));
    };
    const digest = (bytes) => createHash('sha256').update(bytes).digest();
    const [script] = readdirSync(next).filter((name) => /^rungs-[0-9a-f]{16}\.js$/.test(name));
    const code = readFileSync(`${next}/${script}`);
    const changed = Buffer.concat([code, Buffer.from('\n// The next build.\n')]);
    const renamed = `rungs-${digest(changed).subarray(0, 8).toString('hex')}.js`;
    writeFileSync(`${next}/${renamed}`, changed);
    rmSync(`${next}/${script}`);
    edit('index.html', script, renamed);
    edit('index.html', digest(code).toString('base64'), digest(changed).toString('base64'));
    edit('index.html', '<html lang=en>', '<html lang=en data-build=next>');
    edit('sw.js', script, renamed);
    edit('sw.js', 'version:"', 'version:"next-');

    let host = await serve(PORT, DIST);
    try {
      const page = await context.newPage();
      await page.goto(`${HOST}/index.html#/`);
      await page.getByLabel('Theme').selectOption('dark');
      await controlled(page);
      const before = await cached(page);

      // The host now serves the next build. The page, reloaded, is still the
      // one its worker keeps, and hears of the next.
      // Closed with its connections, so that nothing reaches the old host.
      host.closeAllConnections();
      host.close();
      host = await serve(PORT, next);
      await page.reload();
      const offer = page.getByRole('complementary', { name: 'New version of Rungs' });
      await expect(offer.getByRole('status')).toHaveText('A new version of Rungs is ready.');
      await expect(page.locator('html')).not.toHaveAttribute('data-build', 'next');
      await expectAccessible(page);
      // Another tab of the old build is told too, once the new one takes over.
      const other = await context.newPage();
      await other.goto(`${HOST}/index.html#/plan`);
      await expect(other.getByRole('heading', { level: 1, name: 'Plan builder' })).toBeVisible();

      await Promise.all([page.waitForEvent('load'), offer.getByRole('button', { name: 'Reload' }).click()]);
      await expect(page.locator('html')).toHaveAttribute('data-build', 'next');
      await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      const told = other.getByRole('complementary', { name: 'New version of Rungs' });
      await expect(told.getByRole('status')).toHaveText('Rungs has been updated: reload this tab to use the new version.');
      await expect(told.getByRole('button', { name: 'Reload' })).toBeVisible();

      // The old build's cache is gone; the new one's holds the new page.
      const after = await cached(page);
      const build = (all) => Object.keys(all).filter((name) => name.startsWith('rungs-build-'));
      expect(build(after)).toHaveLength(1);
      expect(build(after)[0]).not.toBe(build(before)[0]);
      const index = after[build(after)[0]].find(({ url }) => url.endsWith('/index.html'));
      expect(index.text).toContain('data-build=next');
    } finally {
      host.close();
    }
  });
});
