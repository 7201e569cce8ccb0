// Data safety: every way storage can go wrong, as a user meets it.
import { test, expect, open, stored, storedKeys, downloadedText } from './fixtures.mjs';
import { serve, DIST } from './serve.mjs';

const KEY = 'rungs.document';
const CORS_PORT = 4175;
const envelope = (theme, revision = 1, version = 1) =>
  JSON.stringify({ version, revision, saved_at: 1795241100000, data: { preferences: { theme } } });

/** Puts `text` under the document key, then reloads. */
async function reloadWithStored(page, text) {
  await page.evaluate(([k, t]) => localStorage.setItem(k, t), [KEY, text]);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

test('a reload keeps what the user chose, and says when it was saved', async ({ page }) => {
  await open(page, '#/');
  const health = page.getByRole('region', { name: 'Your data' });
  await expect(health).toContainText("In this browser's local storage");
  await expect(health).toContainText('Nothing yet');
  expect(await stored(page)).toBeNull();

  await page.getByLabel('Theme').selectOption({ label: 'Dark' });
  await expect(health).toContainText('just now');
  await expect(health.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT\d\d:\d\dZ$/);
  expect(JSON.parse(await stored(page))).toMatchObject({
    version: 4,
    revision: 1,
    data: { preferences: { theme: 'dark' } },
  });

  await page.reload();
  await expect(page.getByLabel('Theme')).toHaveValue('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('region', { name: 'Your data' })).toContainText('just now');
});

test('opening the app writes nothing', async ({ page }) => {
  await open(page, '#/');
  await reloadWithStored(page, envelope('light', 7));
  const before = await stored(page);
  await page.getByRole('link', { name: 'Plan', exact: true }).click();
  await page.waitForTimeout(600); // longer than the autosave delay
  expect(await stored(page)).toBe(before);
});

test('unreadable data is set aside byte for byte and offered for download', async ({ page }) => {
  const garbage = '{"version":1,"revision":3,"data":{"prefer\u00e9nces": [truncated';
  await open(page, '#/');
  await reloadWithStored(page, garbage);
  const notice = page.getByRole('status').filter({ hasText: 'Unreadable data was set aside' });
  await expect(notice).toContainText('not valid JSON');
  const [quarantine] = await storedKeys(page, 'rungs.quarantine.');
  expect(await stored(page, quarantine)).toBe(garbage);
  expect(await stored(page)).toBe(garbage);

  const text = await downloadedText(page, () =>
    notice.getByRole('button', { name: 'Download the set-aside data' }).click(),
  );
  expect(text).toBe(garbage);

  // The app carries on, and saving never touches the set-aside copy.
  await page.getByLabel('Theme').selectOption('light');
  await expect.poll(() => stored(page)).toContain('"theme":"light"');
  expect(await stored(page, quarantine)).toBe(garbage);
});

test('a part that cannot be read is set aside when its page opens, and the rest carries on', async ({ page }) => {
  const text = JSON.stringify({
    version: 4,
    revision: 3,
    saved_at: 1795241100000,
    data: { preferences: { theme: 'dark' }, plan: { goals: 'not a list' } },
  });
  await open(page, '#/');
  await reloadWithStored(page, text);
  // The shell starts without reading the plan: nothing is set aside yet.
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plan', exact: true }).click();
  const notice = page.getByRole('status').filter({ hasText: 'Unreadable data was set aside' });
  await expect(notice).toContainText('the plan');
  const [quarantine] = await storedKeys(page, 'rungs.quarantine.');
  expect(await stored(page, quarantine)).toBe(text);

  // The plan starts afresh and saves; the copy stays as it was.
  await page.getByLabel('Promotion target date').fill('2027-06-01');
  await expect.poll(() => stored(page)).toContain('"plan":{"target":"2027-06-01"}');
  expect(JSON.parse(await stored(page)).data.preferences.theme).toBe('dark');
  expect(await stored(page, quarantine)).toBe(text);
  expect(await storedKeys(page, 'rungs.quarantine.')).toEqual([quarantine]);
});

test('data saved by a newer version is left exactly as it is', async ({ page }) => {
  const newer = envelope('dark', 12, 99);
  await open(page, '#/');
  await reloadWithStored(page, newer);
  await expect(page.getByRole('status')).toContainText('Saved by a newer version of Rungs');
  await page.getByLabel('Theme').selectOption('light');
  await page.waitForTimeout(600);
  expect(await stored(page)).toBe(newer);
  const [copy] = await storedKeys(page, 'rungs.quarantine.');
  expect(await stored(page, copy)).toBe(newer);
});

test('a full quota is reported at once and the change stays', async ({ page }) => {
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (window.storageIsFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  });
  await open(page, '#/');
  await page.evaluate(() => { window.storageIsFull = true; });
  await page.getByLabel('Theme').selectOption('dark');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText("Your last change wasn't saved");
  await expect(alert).toContainText('storage for Rungs is full');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await stored(page)).toBeNull();

  const copy = await downloadedText(page, () => alert.getByRole('button', { name: 'Download a copy' }).click());
  expect(JSON.parse(copy).data.preferences.theme).toBe('dark');

  await page.evaluate(() => { window.storageIsFull = false; });
  await alert.getByRole('button', { name: 'Try saving again' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(JSON.parse(await stored(page)).data.preferences.theme).toBe('dark');
});

test.describe('on a host that allows other origins', () => {
  test.use({ otherOrigins: [`http://127.0.0.1:${CORS_PORT}`] });

  test('in a sandboxed iframe without storage the app runs in memory and says so', async ({ page }) => {
    // A sandboxed frame has no origin of its own, so the browser fetches the
    // app's scripts and modules across origins: this host allows that.
    const host = await serve(CORS_PORT, DIST, { cors: true });
    try {
      await page.setContent(
        `<iframe title="Rungs" sandbox="allow-scripts" src="http://127.0.0.1:${CORS_PORT}/index.html" style="width:900px;height:700px"></iframe>`,
      );
      const frame = page.frameLocator('iframe');
      await expect(frame.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
      await expect(frame.getByRole('status')).toContainText('Storage unavailable: working in memory');
      await expect(frame.getByRole('region', { name: 'Your data' })).toContainText("Only in this tab's memory");
      await frame.getByLabel('Theme').selectOption('dark');
      await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark');
    } finally {
      host.close();
    }
  });
});

test('a second tab: a clean tab follows, a busy tab asks before overwriting', async ({ context }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  await open(first, '#/');
  await open(second, '#/');

  // The second tab has nothing unsaved, so it follows the first.
  await first.getByLabel('Theme').selectOption('dark');
  await expect(second.getByLabel('Theme')).toHaveValue('dark');

  // The second tab changes something; the first saves over it before the
  // second's autosave: the second must not overwrite it silently.
  await second.getByLabel('Theme').selectOption('light');
  await first.evaluate((text) => localStorage.setItem('rungs.document', text), envelope('system', 5));
  const alert = second.getByRole('alert');
  await expect(alert).toContainText('Changed in another tab');
  await second.waitForTimeout(600);
  expect(JSON.parse(await stored(second)).revision).toBe(5);

  await alert.getByRole('button', { name: "Keep this tab's data" }).click();
  await expect(second.getByRole('alert')).toHaveCount(0);
  const now = JSON.parse(await stored(second));
  expect(now).toMatchObject({ revision: 6, data: { preferences: { theme: 'light' } } });
  const [backup] = await storedKeys(second, 'rungs.backup.');
  expect(await stored(second, backup)).toBe(envelope('system', 5));
});
