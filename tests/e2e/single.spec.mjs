// The single file (`make single`): the whole app in dist-single/rungs.html,
// opened from disk, and in a sandboxed frame on a host that sends no CORS
// header. It must ask the network for nothing but itself.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { test, expect, stored, downloadedText, expectAccessible, ROUTES, VERSION } from './fixtures.mjs';
import { serve } from './serve.mjs';

const SINGLE = resolve(fileURLToPath(new URL('../../dist-single/rungs.html', import.meta.url)));
const FROM_DISK = pathToFileURL(SINGLE).href;
const HOST_PORT = 4176;
const HOST = `http://127.0.0.1:${HOST_PORT}`;
const WIKI_PORT = 4178;
const WIKI = `http://127.0.0.1:${WIKI_PORT}`;

test.beforeAll(() => {
  if (!existsSync(SINGLE)) throw new Error(`${SINGLE} is missing: run \`make single\` first`);
});

/** Every stylesheet in style/: the single file applies them all. */
const STYLESHEETS = readdirSync(fileURLToPath(new URL('../../style', import.meta.url))).filter((f) =>
  f.endsWith('.css'),
).length;

/** Every request the browser makes from now on, but for inline data. */
function requests(context) {
  const seen = [];
  context.on('request', (request) => {
    if (!/^(data|blob|about):/.test(request.url())) seen.push(request.url().replace(/#.*/, ''));
  });
  return seen;
}

test.describe('opened from disk', () => {
  // A file:// URL has no origin: the guard sees it as "null". The test
  // checks below that the only file asked for is the single file itself.
  test.use({ otherOrigins: ['null'] });

  test('shows the dashboard, saves a change in its storage and keeps it across a reload', async ({ page, context }) => {
    const seen = requests(context);
    await page.goto(`${FROM_DISK}#/`);
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Your data' })).toContainText("In this browser's local storage");
    expect(await page.evaluate(() => document.styleSheets.length)).toBe(STYLESHEETS);
    expect(await stored(page)).toBeNull();

    await page.getByLabel('Theme').selectOption('dark');
    await expect.poll(() => stored(page)).toContain('"theme":"dark"');
    expect(JSON.parse(await stored(page))).toMatchObject({ version: VERSION, data: { preferences: { theme: 'dark' } } });

    await page.reload();
    await expect(page.getByLabel('Theme')).toHaveValue('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expectAccessible(page);

    // Moving the data elsewhere: the data file downloads as it does hosted.
    await page.goto(`${FROM_DISK}#/data`);
    const file = await downloadedText(page, () => page.getByRole('button', { name: 'Download your data (JSON)' }).click());
    expect(JSON.parse(file)).toMatchObject({ format: 'rungs-data', version: VERSION });
    expect(file).toMatch(/"theme":\s*"dark"/);
    expect([...new Set(seen)]).toEqual([FROM_DISK]);
  });

  test('every page opens with its content, from the file alone', async ({ page, context }) => {
    test.setTimeout(60_000);
    const seen = requests(context);
    for (const { hash, title } of ROUTES) {
      await page.goto(`${FROM_DISK}${hash}`);
      await expect(page.getByRole('heading', { level: 1, name: title, exact: true })).toBeVisible();
    }
    // Content read from the page: the rubric, the conversation scripts.
    await page.goto(`${FROM_DISK}#/assess`);
    await page.getByLabel('Current level').selectOption({ label: 'Engineer II' });
    await expect(page.getByRole('heading', { name: 'Area 1 of 8: Technical craft' })).toBeVisible();
    await page.goto(`${FROM_DISK}#/talk/passed-over`);
    await expect(page.getByRole('region', { name: 'What to say' })).toBeVisible();
    await expect(page.getByText(/could not be (loaded|read|used)/)).toHaveCount(0);
    expect([...new Set(seen)]).toEqual([FROM_DISK]);
  });
});

test.describe('in a sandboxed frame, on a host that sends no CORS header', () => {
  test.use({ otherOrigins: [HOST, WIKI] });
  // One at a time: both serve on the same ports.
  test.describe.configure({ mode: 'default' });

  for (const sandbox of ['allow-scripts allow-same-origin', 'allow-scripts']) {
    test(`sandbox="${sandbox}"`, async ({ page, context }, testInfo) => {
      // The page that embeds it, as a wiki's would, on an origin of its own.
      const wiki = testInfo.outputPath('wiki');
      mkdirSync(wiki, { recursive: true });
      writeFileSync(
        `${wiki}/index.html`,
        `<!doctype html><title>Wiki</title><link rel="icon" href="data:,"><iframe title="Rungs" sandbox="${sandbox}" src="${HOST}/rungs.html#/" style="width:900px;height:700px"></iframe>`,
      );
      const hosts = [await serve(HOST_PORT, dirname(SINGLE), { csp: false }), await serve(WIKI_PORT, wiki, { csp: false })];
      try {
        const seen = requests(context);
        await page.goto(`${WIKI}/index.html`);
        const frame = page.frameLocator('iframe');
        await expect(frame.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
        await frame.getByRole('link', { name: 'Glossary', exact: true }).click();
        await expect(frame.getByRole('heading', { level: 1, name: 'Vocabulary glossary' })).toBeVisible();
        await frame.getByRole('link', { name: 'Dashboard', exact: true }).click();
        await frame.getByLabel('Theme').selectOption('dark');
        await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark');
        const data = frame.getByRole('region', { name: 'Your data' });
        // Framed, it links out to a tab of its own, and says where the data is.
        const here = frame.getByRole('complementary', { name: 'Rungs in this page' });
        await expect(here.getByRole('link', { name: 'Open in a new tab' })).toHaveAttribute('target', '_blank');
        if (sandbox.includes('allow-same-origin')) {
          // The wiki is another site: this frame's storage is its own.
          await expect(here).toContainText('your browser keeps what you enter here apart from Rungs opened in its own tab');
          await expect(here.getByRole('button', { name: 'Copy your data' })).toHaveCount(0);
          await expect(data).toContainText("In this browser's local storage");
          const app = page.frame({ url: /rungs\.html/ });
          await expect.poll(() => app.evaluate(() => localStorage.getItem('rungs.document'))).toContain('"theme":"dark"');
        } else {
          await expect(frame.getByRole('status').filter({ hasText: 'Storage unavailable' })).toBeVisible();
          await expect(here).toContainText("This frame doesn't let Rungs use your browser's storage");
          await expect(here.getByRole('button', { name: 'Copy your data' })).toBeVisible();
          await expect(data).toContainText("Only in this tab's memory");
        }
        expect([...new Set(seen)]).toEqual([`${WIKI}/index.html`, `${HOST}/rungs.html`]);
      } finally {
        for (const host of hosts) host.close();
      }
    });
  }
});
