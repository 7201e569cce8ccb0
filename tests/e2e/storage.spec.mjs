// Data safety: every way storage can go wrong, as a user meets it.
import { test, expect, open, stored, storedKeys, downloadedText, expectAccessible, breakableStorage, failWrites, VERSION } from './fixtures.mjs';
import { serve, DIST } from './serve.mjs';

const KEY = 'rungs.document';
const CORS_PORT = 4175;
const envelope = (theme, revision = 1, version = 1) =>
  JSON.stringify({ version, revision, saved_at: 1795241100000, data: { preferences: { theme } } });

/** Saves whatever the page has unsaved, at once, as closing the tab would:
 * once it returns, the save was tried. */
function flush(page) {
  return page.evaluate(() => dispatchEvent(new Event('pagehide')));
}

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
    version: VERSION,
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
  await expect(page.getByRole('heading', { level: 1, name: 'Plan builder' })).toBeVisible();
  await flush(page);
  expect(await stored(page)).toBe(before);
  expect(await storedKeys(page, 'rungs.')).toEqual(['rungs.document']);
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

test('data saved by a newer version is left exactly as it is, and not even copied', async ({ page }) => {
  const newer = envelope('dark', 12, 99);
  await open(page, '#/');
  await reloadWithStored(page, newer);
  await expect(page.getByRole('alert')).toContainText('Saved by a newer version of Rungs');
  await page.getByLabel('Theme').selectOption('light');
  await flush(page);
  expect(await stored(page)).toBe(newer);
  expect(await storedKeys(page, 'rungs.')).toEqual(['rungs.document']);
});

test('unreadable text a Rust string cannot hold is set aside exactly', async ({ page }) => {
  await open(page, '#/');
  // A lone surrogate, which would turn into U+FFFD on the way through Rust.
  // Compared inside the page: the text would not survive the trip out.
  await page.evaluate(() => {
    const text = `{"version":4,"data":"${String.fromCharCode(0xd800)}`;
    localStorage.setItem('rungs.document', text);
    localStorage.setItem('test.original', text);
  });
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Unreadable data was set aside' })).toBeVisible();
  const [copy] = await storedKeys(page, 'rungs.quarantine.');
  const exact = await page.evaluate((key) => {
    const copy = localStorage.getItem(key);
    return copy === localStorage.getItem('test.original') && copy.charCodeAt(copy.length - 1) === 0xd800;
  }, copy);
  expect(exact).toBe(true);
});

test('the same unreadable data is set aside once, however often it is opened', async ({ page }) => {
  await open(page, '#/');
  await reloadWithStored(page, `{"broken": "${'x'.repeat(1_200_000)}`);
  for (let i = 0; i < 3; i++) {
    await page.reload();
    await expect(page.getByRole('status').filter({ hasText: 'Unreadable data was set aside' })).toBeVisible();
  }
  expect(await storedKeys(page, 'rungs.quarantine.')).toHaveLength(1);
  // Storage is not full: a change still saves.
  await page.getByLabel('Theme').selectOption('dark');
  await expect.poll(() => stored(page)).toContain('"theme":"dark"');
});

test('storage that starts failing mid-session never stops the app', async ({ page }) => {
  await breakableStorage(page);
  await open(page, '#/');
  // Keep a way to read it, then make the getter throw, as a page can.
  await page.evaluate(() => {
    window.kept = localStorage;
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('Access is denied.', 'SecurityError'); },
    });
  });
  await page.getByLabel('Theme').selectOption('dark');
  await expect.poll(() => page.evaluate(() => window.kept.getItem('rungs.document'))).toContain('"theme":"dark"');

  // Then writes fail too: the change stays, and can be downloaded.
  await failWrites(page, 'SecurityError');
  await page.getByLabel('Theme').selectOption('light');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText("Your last change wasn't saved");
  await expect(alert).toContainText('refused access to storage');
  const copy = await downloadedText(page, () => alert.getByRole('button', { name: 'Download a copy' }).click());
  expect(JSON.parse(copy).data.preferences.theme).toBe('light');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
});

test('closing a tab with an unsaved change asks first', async ({ page }) => {
  await breakableStorage(page);
  await open(page, '#/');
  await failWrites(page);
  await page.getByLabel('Theme').selectOption('dark');
  await expect(page.getByRole('alert')).toContainText("Your last change wasn't saved");
  // Browsers ask only on a page the user has interacted with.
  await page.getByRole('heading', { level: 1 }).click();
  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
  // Staying keeps the page and its change.
  await expect(page.getByLabel('Theme')).toHaveValue('dark');
  await page.close();
});

test('a full quota is reported at once and the change stays', async ({ page }) => {
  await breakableStorage(page);
  await open(page, '#/');
  await failWrites(page);
  await page.getByLabel('Theme').selectOption('dark');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText("Your last change wasn't saved");
  await expect(alert).toContainText('storage for Rungs is full');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await stored(page)).toBeNull();

  const copy = await downloadedText(page, () => alert.getByRole('button', { name: 'Download a copy' }).click());
  expect(JSON.parse(copy).data.preferences.theme).toBe('dark');

  await failWrites(page, null);
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
      await expect(frame.getByRole('status').filter({ hasText: 'Storage unavailable' })).toContainText('Storage unavailable: working in memory');
      await expect(frame.getByRole('region', { name: 'Your data' })).toContainText("Only in this tab's memory");
      await frame.getByLabel('Theme').selectOption('dark');
      await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark');
    } finally {
      host.close();
    }
  });
});

/** Two tabs of one browser: the first saved the dark theme, and the
 * second, with nothing unsaved, followed it. */
async function twoTabs(context, secondAt = '#/') {
  const first = await context.newPage();
  const second = await context.newPage();
  await open(first, '#/');
  await open(second, secondAt);
  await first.getByLabel('Theme').selectOption('dark');
  await expect(second.getByLabel('Theme')).toHaveValue('dark');
  expect(JSON.parse(await stored(first)).data.preferences.theme).toBe('dark');
  return [first, second];
}

test('two tabs: a clean tab follows, and changes to different things are combined', async ({ context }) => {
  const [first, second] = await twoTabs(context, '#/plan');

  // Another save lands before the second tab's own: its save finds it.
  await second.evaluate((text) => localStorage.setItem('rungs.document', text), envelope('light', 5, 4));
  await second.getByLabel('Promotion target date').fill('2027-06-01');
  const status = second.getByRole('status').filter({ hasText: "Combined with another tab's changes" });
  await expect(status).toBeVisible();
  await expect.poll(async () => JSON.parse(await stored(second))).toMatchObject({
    revision: 6,
    data: { preferences: { theme: 'light' }, plan: { target: '2027-06-01' } },
  });
  await expect(second.getByLabel('Theme')).toHaveValue('light');
  // The first tab had nothing unsaved: it shows the combined data.
  await expect(first.getByLabel('Theme')).toHaveValue('light');
  await status.getByRole('button', { name: 'Dismiss' }).click();
  await expect(status).toHaveCount(0);
});

test('two tabs changing the same value: only that value is asked about, and both versions are kept', async ({ context }) => {
  const [first, second] = await twoTabs(context);

  await second.evaluate((text) => localStorage.setItem('rungs.document', text), envelope('light', 5, 4));
  await second.getByLabel('Theme').selectOption('system');
  const alert = second.getByRole('alert').filter({ hasText: 'Changed in two tabs' });
  await expect(alert).toBeVisible();
  const choice = alert.getByRole('group', { name: 'Your data: Preferences › Theme' });
  await expect(choice.getByRole('radio', { name: 'This tab: system' })).toBeChecked();
  await expectAccessible(second);
  // Nothing is written while the user chooses.
  await flush(second);
  expect(JSON.parse(await stored(second)).revision).toBe(5);

  await choice.getByRole('radio', { name: 'The other tab: light' }).check();
  await alert.getByRole('button', { name: 'Keep these versions' }).click();
  await expect(alert).toHaveCount(0);
  await expect(second.getByLabel('Theme')).toHaveValue('light');
  expect(JSON.parse(await stored(second)).data.preferences.theme).toBe('light');
  const backups = await storedKeys(second, 'rungs.backup.conflict.');
  expect(backups).toHaveLength(2);
  const kept = await Promise.all(backups.map((key) => stored(second, key)));
  expect(kept.some((text) => text.includes('"theme":"system"'))).toBe(true);
  await expect(first.getByLabel('Theme')).toHaveValue('light');
});

test('three tabs with changes of their own all keep them', async ({ context }) => {
  // Three pages at once: on a loaded machine this runs past the default 30 s.
  test.setTimeout(60_000);
  await breakableStorage(context);
  const [a, b, c] = [await context.newPage(), await context.newPage(), await context.newPage()];
  await open(a, '#/');
  await open(b, '#/plan');
  await open(c, '#/glossary/error-budget');

  // B and C cannot save for now, so each holds a change of its own.
  for (const page of [b, c]) await failWrites(page);
  await b.getByLabel('Promotion target date').fill('2027-06-01');
  await c.getByRole('radio', { name: 'Learning' }).check();
  for (const page of [b, c]) await expect(page.getByRole('alert')).toContainText("Your last change wasn't saved");

  // A saves: B and C combine it with their own.
  await a.getByLabel('Theme').selectOption('dark');
  for (const page of [b, c]) await expect(page.getByLabel('Theme')).toHaveValue('dark');
  // Each tries to save what it combined now, rather than a moment later.
  for (const page of [b, c]) await flush(page);

  for (const page of [b, c]) {
    await page.bringToFront();
    await failWrites(page, null);
    // The other tab's save makes this one try again too, and it may save
    // by itself before the click: either way the notice goes.
    const alert = page.getByRole('alert');
    const clicked = alert.getByRole('button', { name: 'Try saving again' }).click().catch(() => {});
    await Promise.race([clicked, expect(alert).toHaveCount(0)]);
    await expect(alert).toHaveCount(0);
  }
  await expect.poll(async () => JSON.parse(await stored(a)).data).toMatchObject({
    preferences: { theme: 'dark' },
    plan: { target: '2027-06-01' },
    vocabulary: { familiarity: { 'error-budget': 'learning' } },
  });
  await expect(a.getByLabel('Theme')).toHaveValue('dark');
});

test('storage cleared by another page is not taken for an empty document', async ({ context }) => {
  const [first, other] = await twoTabs(context);

  await other.evaluate(() => localStorage.clear());
  const alert = first.getByRole('alert').filter({ hasText: 'Your data was removed from this browser' });
  await expect(alert).toBeVisible();
  await expect(first.getByLabel('Theme')).toHaveValue('dark');
  // Its next change does not save an empty document over the loss.
  await first.getByLabel('Theme').selectOption('light');
  await flush(first);
  expect(await stored(first)).toBeNull();

  await alert.getByRole('button', { name: 'Put my data back' }).click();
  await expect(alert).toHaveCount(0);
  expect(JSON.parse(await stored(first)).data.preferences.theme).toBe('light');
});

test('a newer version writing in another tab is never written over', async ({ context }) => {
  const [first, other] = await twoTabs(context);

  const newer = envelope('dark', 12, 99);
  await other.evaluate((text) => localStorage.setItem('rungs.document', text), newer);
  const alert = first.getByRole('alert').filter({ hasText: 'Saved by a newer version of Rungs' });
  await expect(alert).toBeVisible();
  await expect(alert.getByRole('button')).toHaveText(['Download the newer data', "Download this tab's data"]);
  await first.getByLabel('Theme').selectOption('light');
  await flush(first);
  expect(await stored(first)).toBe(newer);
});
