// #/data: a copy out, a copy in, backups, and deleting everything.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, open, stored, storedKeys, downloadedText, expectAccessible, breakableStorage, failWrites, VERSION } from './fixtures.mjs';
import { yearFile } from './year.mjs';

const FIXTURE = readFileSync(new URL('../fixtures/document-v4.json', import.meta.url), 'utf8').trim();
const envelope = (data, version = 4) => JSON.stringify({ version, revision: 1, saved_at: 1795241100000, data });

/** Opens `#/data` with `text` stored. */
async function openWith(page, text) {
  await open(page, '#/');
  await page.evaluate((t) => localStorage.setItem('rungs.document', t), text);
  await page.goto('index.html#/data');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Your data' })).toBeVisible();
}

/** Picks a file with `contents` in the import section; a large one goes
 * through the disk, as Playwright asks. */
async function pick(page, contents, name = 'rungs-data.json') {
  const input = page.getByLabel('Choose a Rungs data file');
  const buffer = Buffer.isBuffer(contents) ? contents : Buffer.from(contents);
  if (buffer.length < 10_000_000) {
    await input.setInputFiles({ name, mimeType: 'application/json', buffer });
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'rungs-'));
  try {
    writeFileSync(join(dir, name), buffer);
    await input.setInputFiles(join(dir, name));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('an export imported into a fresh browser gives the same document', async ({ page, browser }) => {
  await openWith(page, FIXTURE);
  const exported = await downloadedText(page, () =>
    page.getByRole('button', { name: 'Download your data (JSON)' }).click(),
  );
  const file = JSON.parse(exported);
  expect(file).toMatchObject({ format: 'rungs-data', version: VERSION });
  expect(file.about).toContain('Everything you keep in Rungs');
  expect(typeof file.exported_at).toBe('number');
  await expect(page.getByRole('region', { name: 'Where it lives' })).toContainText('just now');
  // A download says it happened, beside the button.
  const said = page.getByRole('region', { name: 'Take a copy' }).getByRole('status');
  await expect(said).toHaveText(/^Downloading rungs-data-\d{4}-\d\d-\d\d\.json: your browser keeps it/);

  const fresh = await browser.newContext();
  try {
    const other = await fresh.newPage();
    await open(other, '#/data');
    await pick(other, exported);
    const preview = other.getByRole('region', { name: 'What the file holds' });
    await expect(preview.getByRole('row', { name: /^Goals/ })).toHaveText(/Goals\s*1\s*0/);
    await expect(preview.getByRole('row', { name: /^Own terms/ })).toHaveText(/Own terms\s*1\s*0/);
    await preview.getByRole('button', { name: 'Replace everything' }).click();
    // The buttons are gone: focus moves to what happened.
    await expect(other.getByRole('status').filter({ hasText: 'What was here before is kept as a backup' })).toBeFocused();
    await expect.poll(async () => JSON.parse(await stored(other))?.data).toEqual(JSON.parse(FIXTURE).data);
  } finally {
    await fresh.close();
  }
});

test('the readable copy holds the report, the plan and the own terms', async ({ page }) => {
  await openWith(page, FIXTURE);
  const text = await downloadedText(page, () =>
    page.getByRole('button', { name: 'Download a readable copy (Markdown)' }).click(),
  );
  expect(text).toMatch(/^# Everything in Rungs\n/);
  await expect(page.getByRole('region', { name: 'Take a copy' }).getByRole('status')).toHaveText(/^Downloading rungs-everything-/);
  expect(text).toContain('## Promotion readiness');
  expect(text).toContain('Lead the design review of the billing queue migration');
  expect(text).toContain('### Paper cut');
});

const REFUSED = [
  ['a file cut short', FIXTURE.slice(0, 200), 'not valid JSON'],
  ['another shape', '{"hello": "world"}', 'not a Rungs file'],
  ['wrong types', envelope({ plan: { goals: 'many' } }), 'invalid type'],
  ['a newer version', envelope({}, 99), 'A newer version of Rungs made this file'],
  ['50 MB', Buffer.alloc(50 * 1024 * 1024, 32), 'up to 10 MB'],
  ['100,000-deep nesting', '['.repeat(100_000) + ']'.repeat(100_000), 'levels deep'],
  ['duplicate ids', envelope({ plan: { goals: [{ id: 'g1' }, { id: 'g1' }] } }), '“g1” twice'],
];

for (const [what, contents, why] of REFUSED) {
  test(`a file with ${what} is refused, says why, and changes nothing`, async ({ page }) => {
    await openWith(page, FIXTURE);
    await pick(page, contents, 'suspect.json');
    const alert = page.getByRole('alert').filter({ hasText: 'suspect.json was not imported.' });
    await expect(alert).toContainText(why);
    await expect(alert).toContainText('Nothing changed.');
    expect(await stored(page)).toBe(FIXTURE);
    expect(await storedKeys(page, 'rungs.backup.')).toEqual([]);
  });
}

test('script and HTML in an imported file are shown as text', async ({ page }) => {
  const hostile = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>';
  const file = envelope({
    plan: { goals: [{ id: 'g1', outcome: hostile }] },
    vocabulary: { terms: [{ id: 'my-x', name: hostile, definition: hostile }] },
  });
  await openWith(page, envelope({}));
  await pick(page, file);
  await page.getByRole('button', { name: 'Replace everything' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plan', exact: true }).click();
  await expect(page.getByRole('main')).toContainText(hostile);
  expect(await page.evaluate(() => window.pwned)).toBeUndefined();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
});

test('merging by id keeps both sides, takes the file’s version, and can be undone', async ({ page }) => {
  const here = envelope({ plan: { goals: [{ id: 'g1', outcome: 'Ship search' }, { id: 'g2', outcome: 'Mentor Sam' }] } });
  const file = envelope({ plan: { goals: [{ id: 'g1', outcome: 'Ship search v2' }, { id: 'g3', outcome: 'Write the RFC' }] } });
  await openWith(page, here);
  await pick(page, file, 'laptop.json');
  const preview = page.getByRole('region', { name: 'What the file holds' });
  await expect(preview.getByRole('row', { name: /^Goals/ })).toHaveText(/Goals\s*2\s*2\s*3/);
  await expect(preview).toContainText('Goal “Ship search”');
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    await expectAccessible(page);
  }
  await preview.getByRole('button', { name: 'Merge into my data' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Merged laptop.json. What was here before' })).toBeFocused();
  await expect.poll(async () => JSON.parse(await stored(page)).data.plan.goals.map((g) => g.outcome)).toEqual([
    'Ship search v2',
    'Mentor Sam',
    'Write the RFC',
  ]);

  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => JSON.parse(await stored(page)).data.plan.goals.map((g) => g.outcome)).toEqual([
    'Ship search',
    'Mentor Sam',
  ]);
});

test('backups are listed with what they hold, and restore, download and delete', async ({ page }) => {
  await openWith(page, FIXTURE);
  await pick(page, envelope({ preferences: { theme: 'dark' } }));
  await page.getByRole('button', { name: 'Replace everything' }).click();
  await expect.poll(async () => JSON.parse(await stored(page)).data).toEqual({ preferences: { theme: 'dark' } });

  const backups = page.getByRole('region', { name: 'Backups' });
  const copy = backups.getByRole('listitem').filter({ hasText: 'Before an import' });
  await expect(copy).toContainText('Holds 3 grades, 1 saved assessment, 1 goal, 2 milestones');
  await expectAccessible(page);
  const text = await downloadedText(page, () => copy.getByRole('button', { name: 'Download' }).click());
  expect(JSON.parse(text).data).toEqual(JSON.parse(FIXTURE).data);

  await copy.getByRole('button', { name: 'Restore' }).click();
  await expect(backups.getByRole('status')).toContainText('Restored the backup of');
  await expect.poll(async () => JSON.parse(await stored(page)).data).toEqual(JSON.parse(FIXTURE).data);
  await expect(backups.getByRole('listitem').filter({ hasText: 'Before a restore' })).toContainText('Holds nothing yet');

  await copy.getByRole('button', { name: 'Delete…' }).click();
  await copy.getByRole('button', { name: 'Delete it' }).click();
  await expect(backups.getByRole('listitem').filter({ hasText: 'Before an import' })).toHaveCount(0);
  expect(await storedKeys(page, 'rungs.backup.import.')).toEqual([]);
});

test('deleting everything asks for a typed confirmation, keeps a backup and can be undone', async ({ page }) => {
  await openWith(page, FIXTURE);
  const reset = page.getByRole('region', { name: 'Delete everything' });
  await reset.getByLabel('Type DELETE to confirm').fill('delete');
  await reset.getByRole('button', { name: 'Delete everything' }).click();
  await expect(reset.getByRole('alert')).toHaveText('Type DELETE in capitals to confirm.');
  expect(await stored(page)).toBe(FIXTURE);

  await reset.getByLabel('Type DELETE to confirm').fill('DELETE');
  await reset.getByRole('button', { name: 'Delete everything' }).click();
  await expect.poll(async () => JSON.parse(await stored(page)).data).toEqual({ preferences: { theme: 'system' } });
  await expect(page.getByRole('region', { name: 'Backups' }).getByRole('listitem').filter({ hasText: 'Before deleting everything' })).toBeVisible();

  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => JSON.parse(await stored(page)).data).toEqual(JSON.parse(FIXTURE).data);
});

test('an import whose backup cannot be written changes nothing and says why', async ({ page }) => {
  await breakableStorage(page);
  await openWith(page, FIXTURE);
  await failWrites(page);
  await pick(page, envelope({ preferences: { theme: 'dark' } }), 'new.json');
  await page.getByRole('button', { name: 'Replace everything' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'new.json was not imported.' });
  await expect(alert).toContainText("couldn't keep a backup of your current data first");
  await expect(page.getByRole('status').filter({ hasText: "A backup couldn't be written" })).toBeVisible();
  expect(await stored(page)).toBe(FIXTURE);
});

test('where the data lives, how much room it takes, and asking the browser to keep it', async ({ page }) => {
  await openWith(page, FIXTURE);
  const place = page.getByRole('region', { name: 'Where it lives' });
  await expect(place).toContainText("In this browser's local storage");
  await expect(place).toContainText(/Your data takes \d+ KB, and its backups 0 bytes/);
  await expect(place).toContainText('Never, from this browser.');
  const ask = place.getByRole('button', { name: 'Ask the browser to keep it' });
  if (await ask.isVisible()) {
    await ask.click();
    await expect(place).toContainText(/Kept: the browser won't clear it|The browser said no/);
  } else {
    await expect(place).toContainText("Kept: the browser won't clear it");
  }
});

test('the dashboard reminds the user to download a copy until they do', async ({ page }) => {
  await open(page, '#/');
  const card = page.getByRole('region', { name: 'Your data' });
  await expect(card).toContainText("You haven't downloaded a copy of your data yet.");
  await downloadedText(page, () => card.getByRole('button', { name: 'Download a copy of your data' }).click());
  await expect(card).not.toContainText("You haven't downloaded a copy");
  await card.getByRole('link', { name: 'Backups, import and more' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your data' })).toBeFocused();
});

test('a year of data imports, previewed with every kind counted', async ({ page }) => {
  await openWith(page, envelope({}));
  await pick(page, yearFile(), 'year.json');
  const preview = page.getByRole('region', { name: 'What the file holds' });
  for (const [kind, n] of [['Grades', 54], ['Saved assessments', 12], ['Goals', 30], ['Milestones', 120], ['Check-ins', 26], ['Weeks of goals', 52], ['Own terms', 50], ['Accomplishments', 300]]) {
    await expect(preview.getByRole('row', { name: new RegExp(`^${kind}`) })).toHaveText(new RegExp(`${kind}\\s*${n}\\s*0`));
  }
});

test('a file dropped on the import area is checked like a picked one', async ({ page }) => {
  await openWith(page, FIXTURE);
  const dropped = await page.evaluateHandle(() => {
    const data = new DataTransfer();
    data.items.add(new File(['{"version":4,"revision":1,"saved_at":1,"data":{}}'], 'dropped.json', { type: 'application/json' }));
    return data;
  });
  const zone = page.getByRole('region', { name: 'Bring a copy in' }).locator('.drop-zone');
  await zone.dispatchEvent('dragover', { dataTransfer: dropped });
  await zone.dispatchEvent('drop', { dataTransfer: dropped });
  await expect(page.getByRole('region', { name: 'What the file holds' })).toContainText('dropped.json');
});
