// Never a blank page: where Rungs' code cannot load (a sandboxed frame on a
// host that sends no CORS header, a page opened from disk), the page says
// why and what to do, styled, in place of "Loading Rungs…".
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { test, expect, expectAccessible } from './fixtures.mjs';
import { serve, DIST } from './serve.mjs';

const PLAIN_PORT = 4177;
// The browser reports the module it refused, as it should.
const BLOCKED = [/CORS|Access-Control-Allow-Origin|module script|Failed to load resource|net::ERR_FAILED/];

test.describe('on a host that sends no CORS header', () => {
  test.use({ otherOrigins: [`http://127.0.0.1:${PLAIN_PORT}`], expectedErrors: BLOCKED });

  test('in a sandboxed frame, the page says why Rungs cannot start, styled', async ({ page }) => {
    const host = await serve(PLAIN_PORT, DIST);
    try {
      await page.setContent(
        `<iframe title="Rungs" sandbox="allow-scripts" src="http://127.0.0.1:${PLAIN_PORT}/index.html" style="width:600px;height:500px"></iframe>`,
      );
      const frame = page.frameLocator('iframe');
      const alert = frame.getByRole('alert');
      await expect(alert).toContainText('sandboxed frame');
      await expect(alert).toContainText('Access-Control-Allow-Origin');
      await expect(alert).toContainText('single-file build');
      await expect(frame.getByText('Loading Rungs…')).toHaveCount(0);
      // The shell's stylesheet applies, though the app's code could not load.
      await expect(alert).toHaveCSS('padding-left', /^(?!0px)/);
    } finally {
      host.close();
    }
  });
});

test.describe('opened from disk', () => {
  test.use({ otherOrigins: ['null'], expectedErrors: BLOCKED });

  test('the standard build says to use the single file or a web server', async ({ page }) => {
    await page.goto(pathToFileURL(join(DIST, 'index.html')).href);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Opened from disk');
    await expect(alert).toContainText('single-file build (rungs.html)');
  });
});

test.describe('under a policy that forbids WebAssembly', () => {
  const PORT = 4179;
  test.use({ otherOrigins: [`http://127.0.0.1:${PORT}`], expectedErrors: [/WebAssembly|wasm-unsafe-eval|unsafe-eval|Content Security Policy/] });

  test('the page names what the host must allow', async ({ page }) => {
    const host = await serve(PORT, DIST, { csp: "default-src 'self'; script-src 'self'; style-src 'self'" });
    try {
      await page.goto(`http://127.0.0.1:${PORT}/index.html`);
      const alert = page.getByRole('alert');
      await expect(alert).toContainText("Content Security Policy blocks Rungs' WebAssembly");
      await expect(alert).toContainText("'wasm-unsafe-eval'");
    } finally {
      host.close();
    }
  });
});

test.describe('in a sandboxed frame without storage or downloads, on a host that sends the CORS header', () => {
  const PORT = 4181;
  const HOST = `http://127.0.0.1:${PORT}`;
  test.use({ otherOrigins: [HOST] });

  test('Rungs runs in memory, says why, links out, and offers copying the data', async ({ page }) => {
    const host = await serve(PORT, DIST, { cors: true });
    try {
      await page.setContent(
        `<!doctype html><html lang="en"><title>Wiki</title><iframe title="Rungs" sandbox="allow-scripts" src="${HOST}/index.html#/evidence" style="width:900px;height:700px"></iframe></html>`,
      );
      const frame = page.frameLocator('iframe');
      await expect(frame.getByRole('heading', { level: 1, name: 'Accomplishment log' })).toBeVisible();
      const here = frame.getByRole('complementary', { name: 'Rungs in this page' });
      await expect(here.getByRole('link', { name: 'Open in a new tab' })).toHaveAttribute('href', '#/evidence');
      await expect(here.getByRole('link', { name: 'Open in a new tab' })).toHaveAttribute('target', '_blank');
      await expect(here).toContainText("This frame doesn't let Rungs use your browser's storage");

      await frame.getByLabel('What did you do?').fill('Kept by copying');
      await frame.getByRole('button', { name: 'Add', exact: true }).click();
      await expect(frame.getByRole('status').filter({ hasText: 'Logged “Kept by copying”' })).toBeVisible();
      // The frame blocks downloads and the clipboard API both: the data is
      // shown, selected, with how to copy it (copied already, if the
      // browser allowed that much).
      await here.getByRole('button', { name: 'Copy your data' }).click();
      const copy = here.getByLabel('Your data, to copy');
      await expect(copy).toBeFocused();
      const text = await copy.inputValue();
      // The data file, as Download would have written it.
      expect(JSON.parse(text).about).toContain('Import it on Rungs');
      expect(text).toContain('"title":"Kept by copying"');
      await expect(here.getByRole('status')).toHaveText(/^(Copied your data\.|This frame doesn't let Rungs copy either\.)/);
      await expectAccessible(page, { preload: false });
      // The Your data page offers the same, inside a frame.
      await frame.getByRole('link', { name: 'Your data', exact: true }).click();
      const take = frame.getByRole('region', { name: 'Take a copy' });
      await expect(take.getByRole('button', { name: 'Copy your data' })).toBeVisible();
    } finally {
      host.close();
    }
  });
});
