// Never a blank page: where Rungs' code cannot load (a sandboxed frame on a
// host that sends no CORS header, a page opened from disk), the page says
// why and what to do, styled, in place of "Loading Rungs…".
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { test, expect } from './fixtures.mjs';
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
