// The accomplishment log, as an engineer keeps it through the year: log a
// line in seconds, tell the whole story of two more, link them to the
// criteria they prove, watch readiness and coverage move, draft the
// promotion packet in their own words, export it, and find it all after a
// reload.
import { readFileSync } from 'node:fs';
import { test, expect, open, expectAccessible, stored, downloadedText, startWith, VERSION } from './fixtures.mjs';

// A version 3 document: current level e2 (target Senior), system design
// graded "sometimes" with written evidence.
const ASSESSED = readFileSync(new URL('../fixtures/document-v3.json', import.meta.url), 'utf8');

test.beforeEach(({ page }) => startWith(page, ASSESSED));

const log = (page) => page.getByRole('region', { name: /^Your log/ });
const entry = (page, title) => log(page).getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });
const DEBUGGING = 'Diagnoses failures that cross components';

test('three entries logged, linked, counted in readiness and coverage, drafted into a packet and kept', async ({ page }) => {
  test.setTimeout(60_000);
  // A top grade at the target level without an entry: three quarters, and
  // the honesty check asks for one.
  await open(page, '#/assess');
  const card = page.locator('.criterion').filter({ has: page.getByRole('radiogroup', { name: new RegExp(`^${DEBUGGING}`) }) });
  await card.getByRole('radio', { name: 'Consistently' }).check();
  await expect(card).toContainText('Counts three quarters until you add evidence');
  await expect(page.getByRole('complementary', { name: 'Readiness so far' })).toContainText('Senior Engineer: 63%');

  // One line, dated today.
  await open(page, '#/evidence');
  await expect(log(page)).toContainText('Nothing logged yet');
  const what = page.getByLabel('What did you do?');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByText('Give it a title.')).toBeVisible();
  await expect(what).toBeFocused();
  await what.fill('Fixed the flaky deploy');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Logged “Fixed the flaky deploy” for today.' })).toBeVisible();
  await expect(what).toHaveValue('');
  await expect(entry(page, 'Fixed the flaky deploy')).toContainText('21 Nov 2026');

  // A full entry: the story, a number that moved, who can confirm it, and
  // the criterion it proves. A wrong link is said, and nothing is saved
  // until it is fixed.
  await what.fill('Led the billing queue migration');
  await page.getByRole('button', { name: 'Add with details' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Led the billing queue migration' })).toBeVisible();
  await page.getByLabel('Kind').selectOption({ label: 'Project' });
  await page.getByLabel('What happened, and your part in it').fill('I wrote the design doc and led the cut-over.');
  await page.getByRole('radio', { name: 'A number that moved' }).check();
  await page.getByLabel('What the number measures').fill('p99 latency');
  await page.getByLabel('Before', { exact: true }).fill('900');
  await page.getByLabel('After', { exact: true }).fill('300');
  await page.getByLabel('Unit (optional)').fill('ms');
  await page.getByLabel('Who can confirm it (one per line: name, role)').fill('Dana, engineering manager');
  const links = page.getByLabel('Links (one per line)');
  await links.fill('javascript:alert(1)');
  await expect(page.getByText(/^Link 1: /)).toBeVisible();
  await expect(links).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Not saved until the problems above are fixed.')).toBeVisible();
  await links.fill('https://example.com/design/queue');
  await expect(page.getByText('Saved.', { exact: true })).toBeVisible();
  await page.getByLabel('Find a criterion').fill('diagnoses cross');
  await page.getByRole('checkbox', { name: new RegExp(`^${DEBUGGING}`) }).check();
  await expect(page.getByRole('heading', { name: 'Criteria it proves (1)' })).toBeVisible();
  await expectAccessible(page);

  // The third, linked from the criterion while grading.
  await open(page, '#/evidence');
  await what.fill('Mentored a new hire through on-call');
  await page.getByRole('button', { name: 'Add with details' }).click();
  await page.getByLabel('Kind').selectOption({ label: 'Mentoring' });
  await page.getByRole('radio', { name: 'In a sentence' }).check();
  await page.getByLabel('What came of it').fill('They handled two pages alone.');
  await expect(page.getByText('Saved.', { exact: true })).toBeVisible();

  await open(page, '#/assess');
  await expect(card).toContainText('1 entry of your log proves it:');
  await expect(card.getByRole('link', { name: 'Led the billing queue migration' })).toBeVisible();
  await expect(card).not.toContainText('Counts three quarters');
  await expect(page.getByRole('complementary', { name: 'Readiness so far' })).toContainText('Senior Engineer: 75%');
  await card.getByRole('button', { name: 'Link an entry from your log…' }).click();
  await card.getByLabel('Entry of your log that proves it').selectOption({ label: 'Mentored a new hire through on-call (21 Nov 2026)' });
  await card.getByRole('button', { name: 'Link', exact: true }).click();
  await expect(card).toContainText('2 entries of your log prove it:');

  // The honesty check names what is still unlinked: system design, graded
  // "sometimes", is not a top grade, so nothing is.
  await open(page, '#/assess/results');
  const honesty = page.getByRole('group', { name: 'Honesty check' });
  await expect(honesty).not.toContainText('no entry of your accomplishment log');

  // Coverage: Technical craft has evidence for one criterion of Senior.
  await open(page, '#/evidence/coverage');
  const craft = page.getByRole('region', { name: 'Technical craft' });
  await expect(craft).toContainText(/^Technical craft1 of \d+ criteria with evidence/);
  await expect(craft.getByRole('list', { name: 'Entries that prove it' }).getByRole('link')).toHaveText([
    'Mentored a new hire through on-call',
    'Led the billing queue migration',
  ]);
  await expectAccessible(page);

  // The log filters: by kind, and entries linked to nothing.
  await open(page, '#/evidence');
  await expect(log(page).getByRole('heading', { level: 3 })).toHaveCount(3);
  await page.getByText('More filters').click();
  await page.getByLabel('Only entries linked to no criterion').check();
  await expect(log(page).getByRole('heading', { level: 3 })).toHaveText(['Fixed the flaky deploy']);
  await page.getByRole('button', { name: 'Clear the filters' }).click();
  await page.getByLabel('Kind').selectOption({ label: 'Project' });
  await expect(log(page).getByRole('heading', { level: 3 })).toHaveText(['Led the billing queue migration']);
  await page.getByRole('button', { name: 'Clear the filters' }).click();
  await page.getByRole('searchbox', { name: 'Search' }).fill('pages alone');
  await expect(log(page).getByRole('heading', { level: 3 })).toHaveText(['Mentored a new hire through on-call']);
  await page.getByRole('button', { name: 'Clear the filters' }).click();

  // Delete, and undo.
  await entry(page, 'Fixed the flaky deploy').getByRole('button', { name: 'Delete “Fixed the flaky deploy”' }).click();
  await expect(log(page).getByRole('heading', { level: 3 })).toHaveCount(2);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(log(page).getByRole('heading', { level: 3 })).toHaveCount(3);

  // The packet: the user's own words, kept; the evidence drafted around them.
  await page.getByRole('navigation', { name: 'Accomplishments' }).getByRole('link', { name: 'Promotion packet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Promotion packet' })).toBeVisible();
  const sheet = page.getByRole('article', { name: 'Self-review: Senior Engineer' });
  await expect(sheet).toContainText('Covers 22 Nov 2025 to 21 Nov 2026: 3 entries');
  await page.getByLabel('Opening summary').fill('This year I led our largest migration.');
  await page.getByLabel('Your line for Technical craft').fill('I design systems other teams build on.');
  await expect(sheet).toContainText('This year I led our largest migration.');
  await expect(sheet).toContainText('p99 latency 900 → 300 ms (−67%)');
  await expect(sheet).toContainText('Confirm with: Dana (engineering manager)');
  const markdown = await downloadedText(page, () => page.getByRole('button', { name: 'Download Markdown' }).click());
  expect(markdown).toContain('# Self-review: Senior Engineer');
  expect(markdown).toContain('This year I led our largest migration.');
  expect(markdown).toContain('I design systems other teams build on.');
  expect(markdown).toContain('Led the billing queue migration');
  await page.getByRole('button', { name: 'Print' }).click();
  await expect.poll(() => page.evaluate(() => window.printed)).toBe(1);
  const brag = await downloadedText(page, () => page.getByRole('button', { name: 'Download the brag document' }).click());
  expect(brag).toContain('## 2026 Q4');
  expect(brag).toContain('Fixed the flaky deploy');
  await expectAccessible(page);

  // The update: drafted from the week's entries, and the day it was sent.
  await page.getByRole('navigation', { name: 'Accomplishments' }).getByRole('link', { name: 'Update' }).click();
  const draft = page.getByLabel('The update, in Markdown');
  await expect(draft).toContainText('Led the billing queue migration');
  await page.getByRole('radio', { name: 'Every two weeks' }).check();
  await page.getByRole('button', { name: 'I sent it today' }).click();
  await expect(page.getByText(/^Last sent on 21 Nov 2026\. The next one is due in 14 days\./)).toBeVisible();
  await expectAccessible(page);

  // The dashboard counts the month and points at the thinnest area.
  await open(page, '#/');
  const card2 = page.getByRole('region', { name: 'Accomplishments' });
  await expect(card2).toContainText('3 entries this month, 3 in all.');
  await expect(card2).toContainText(/Thinnest area for Senior Engineer: [^,]+, 0 of 3 criteria with evidence\. /);

  // Everything is kept, in format 8.
  await expect.poll(async () => JSON.parse(await stored(page))?.data?.evidence?.entries?.length).toBe(3);
  await page.reload();
  await open(page, '#/evidence/packet');
  await expect(page.getByLabel('Opening summary')).toHaveValue('This year I led our largest migration.');
  await open(page, '#/evidence');
  await expect(log(page).getByRole('heading', { level: 3 })).toHaveText([
    'Mentored a new hire through on-call',
    'Led the billing queue migration',
    'Fixed the flaky deploy',
  ]);
  const saved = JSON.parse(await stored(page));
  expect(saved.version).toBe(VERSION);
  expect(saved.data.evidence.narrative.summary).toBe('This year I led our largest migration.');
});

test('the dashboard nudges after two weeks with nothing logged, and logs a line itself', async ({ page }) => {
  await page.addInitScript(() => {
    const document = {
      version: 8, revision: 1, saved_at: 1,
      data: { evidence: { entries: [{ id: 'e1', date: '2026-11-01', title: 'Ran the incident review' }] } },
    };
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('rungs.document', JSON.stringify(document));
      sessionStorage.setItem('seeded', '1');
    }
  });
  await open(page, '#/');
  const card = page.getByRole('region', { name: 'Accomplishments' });
  await expect(card).toContainText('Nothing logged for 20 days. What did you do since 1 Nov 2026?');
  await card.getByLabel('What did you do?').fill('Reviewed the search design');
  await card.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(card).toContainText('2 entries this month, 2 in all.');
  await expect(card).not.toContainText('Nothing logged for');
  await expectAccessible(page);
});
