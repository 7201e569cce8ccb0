// Grades from a manager, by files and with no server: the engineer asks
// for grades in one browser, the manager (who keeps Rungs data of their
// own) grades in another and sends a file back, and the engineer adds it
// and sees the manager's grades beside their own, after a reload too.
import { readFileSync } from 'node:fs';
import { test, expect, open, expectAccessible, stored, storedKeys, downloadedText, startWith, VERSION } from './fixtures.mjs';

// The version 9 golden document: current level e2 (aiming at Senior), test
// strategy graded "consistently", system design at Senior "sometimes".
const ENGINEER = readFileSync(new URL('../fixtures/document-v9.json', import.meta.url), 'utf8');
// The manager's own Rungs data: a goal of their own, which grading a
// colleague must leave as it is.
const MANAGER = JSON.stringify({
  version: VERSION,
  revision: 3,
  saved_at: 1,
  data: { plan: { goals: [{ id: 'gmine001', outcome: 'Hire two engineers', criteria: [], milestones: [] }] } },
});

const TEST_STRATEGY = /^Engineer II · Chooses the mix of unit, integration and end-to-end tests/;
const FEATURE_DESIGN = /^Engineer II · Designs the interfaces, data model changes/;
const SYSTEM_DESIGN = /^Senior Engineer · Designs services or components for the team/;

/** Picks `text` as the file `name` in the file input labelled `label`. */
function pick(page, label, name, text) {
  return page.getByLabel(label).setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test('a manager grades a request in their own browser and the engineer adds the response', async ({ browser, page }) => {
  test.setTimeout(90_000);
  // The engineer asks, from the assessment.
  await startWith(page, ENGINEER);
  await open(page, '#/assess');
  await page.getByRole('link', { name: 'Ask for grades' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ask for grades' })).toBeVisible();
  await page.getByLabel('Your name').fill('Alex');
  await page.getByLabel('Who you are asking').fill('Dana');
  await expect(page.getByRole('radio', { name: 'Manager' })).toBeChecked();
  await expect(page.getByLabel(/^Include my own grades \(2 given\)/)).toBeChecked();
  await expectAccessible(page);
  const requestText = await downloadedText(page, () => page.getByRole('button', { name: 'Download the request' }).click());
  const request = JSON.parse(requestText);
  expect(request.format).toBe('rungs-review-request');
  expect(request.from).toBe('Alex');
  expect(request.reviewer).toEqual({ name: 'Dana', role: 'manager' });
  expect(request.own).toEqual({
    'software.craft.e2.test-strategy': 'consistently',
    'software.craft.senior.system-design': 'sometimes',
  });
  expect(request.rubric.levels.map((level) => level.id)).toEqual(['e2', 'senior']);
  await expect(page.getByRole('status').filter({ hasText: 'Downloading rungs-request-for-dana.json' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Requests you made' })).toContainText('Dana (manager), asked 21 Nov 2026');

  // The manager, in a browser of their own with Rungs data of their own.
  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await startWith(manager, MANAGER);
  await open(manager, '#/review');
  const before = await stored(manager);
  await pick(manager, 'Open a request for grades', 'rungs-request-for-dana.json', requestText);
  await expect(manager.getByRole('heading', { level: 1, name: 'Grade Alex' })).toBeVisible();
  await expect(manager).toHaveURL(new RegExp(`#/review/${request.id}$`));
  await expect(manager.getByRole('region', { name: "Alex's message" })).toContainText('Could you grade me');

  // Grades by keyboard: Tab into a group, the arrow keys choose.
  const testStrategy = manager.getByRole('group', { name: TEST_STRATEGY });
  await expect(testStrategy.getByText("Alex's own grade: Consistently")).toBeVisible();
  await testStrategy.getByRole('radio', { name: 'Sometimes' }).focus();
  await manager.keyboard.press('Space');
  await expect(testStrategy.getByRole('radio', { name: 'Sometimes' })).toBeChecked();
  await manager.keyboard.press('ArrowRight');
  await expect(testStrategy.getByRole('radio', { name: 'Consistently' })).toBeChecked();
  await manager.keyboard.press('ArrowRight');
  await expect(testStrategy.getByRole('radio', { name: 'Beyond' })).toBeChecked();
  await manager.getByRole('group', { name: FEATURE_DESIGN }).getByRole('radio', { name: 'Does not apply' }).check();
  await testStrategy.getByLabel('Comment (optional)').fill('Chose the test mix for billing.');
  await manager.getByRole('group', { name: SYSTEM_DESIGN }).getByRole('radio', { name: 'Not yet' }).check();
  await expect(manager.getByRole('button', { name: /^Technical craft, 3 of \d+ graded$/ })).toBeVisible();
  await expectAccessible(manager);

  // The next area, from the button at the end of this one.
  await manager.getByRole('button', { name: /^Next: .* →$/ }).click();
  await expect(manager.getByRole('heading', { name: /^Area 2 of \d+: / })).toBeFocused();

  // Kept in the manager's browser under the request's own key, apart from
  // their own data, which is untouched; a reload finds the grades.
  await expect.poll(() => storedKeys(manager, 'rungs.review.')).toEqual([`rungs.review.${request.id}`]);
  await manager.reload();
  await expect(manager.getByRole('heading', { level: 1, name: 'Grade Alex' })).toBeVisible();
  await expect(manager.getByRole('group', { name: TEST_STRATEGY }).getByRole('radio', { name: 'Beyond' })).toBeChecked();
  await expect(manager.getByRole('group', { name: TEST_STRATEGY }).getByLabel('Comment (optional)')).toHaveValue('Chose the test mix for billing.');
  expect(await stored(manager)).toBe(before);

  const responseText = await downloadedText(manager, () => manager.getByRole('button', { name: 'Send back: download the response' }).click());
  const response = JSON.parse(responseText);
  expect(response.request).toBe(request.id);
  expect(response.grades['software.craft.e2.test-strategy']).toEqual({ grade: 'beyond', comment: 'Chose the test mix for billing.' });
  expect(response.grades['software.craft.e2.feature-design']).toEqual({ not_applicable: true });
  await expect(manager.getByText(/^Last downloaded 21 Nov 2026\.$/)).toBeVisible();

  // The manager's list says what is kept, and removing it leaves their own
  // data alone.
  await open(manager, '#/review');
  const kept = manager.getByRole('listitem').filter({ hasText: 'Alex, Engineer II and Senior Engineer' });
  await expect(kept).toContainText('3 of');
  await expect(kept).toContainText('sent back 21 Nov 2026');
  await kept.getByRole('button', { name: 'Remove your grades for Alex' }).click();
  await manager.getByRole('button', { name: 'Delete it' }).click();
  await expect(kept).toHaveCount(0);
  expect(await storedKeys(manager, 'rungs.review.')).toEqual([]);
  expect(await stored(manager)).toBe(before);
  await managerContext.close();

  // The engineer: an edited response is refused, and changes nothing.
  await open(page, '#/review');
  const edited = responseText.replace('"beyond"', '"not-yet"');
  await pick(page, 'Add a response', 'edited.json', edited);
  await expect(page.getByRole('alert')).toContainText('edited.json was not added.');
  await expect(page.getByRole('alert')).toContainText('changed after');
  // The response itself: previewed, then added.
  await pick(page, 'Add a response', 'rungs-grades.json', responseText);
  const preview = page.getByRole('group', { name: 'Grades from Dana' });
  await expect(preview).toContainText('From Dana (manager), sent 21 Nov 2026.');
  await expect(preview).toContainText('2 grades, 1 criterion marked as not applying to your role, 1 comment.');
  await expectAccessible(page);
  await preview.getByRole('button', { name: "Add Dana's grades" }).click();
  await expect(page.getByRole('status').filter({ hasText: "Added Dana's grades." })).toBeVisible();
  await page.getByRole('link', { name: 'See them beside yours' }).click();

  // Side by side on the readiness page, largest disagreement first.
  const compared = page.getByRole('region', { name: 'Grades compared' });
  await expect(compared.getByRole('columnheader', { name: 'Dana (manager)' })).toBeVisible();
  const first = compared.getByRole('row').nth(1);
  await expect(first).toContainText('Chooses the mix of unit');
  await expect(first).toContainText('Chose the test mix for billing.');
  await page.reload();
  await expect(page.getByRole('region', { name: 'Grades compared' }).getByRole('columnheader', { name: 'Dana (manager)' })).toBeVisible();

  // A second response from Dana replaces the first, after asking.
  await open(page, '#/review');
  await pick(page, 'Add a response', 'again.json', responseText);
  await expect(page.getByRole('group', { name: 'Grades from Dana' })).toContainText('You already have grades from Dana (manager)');
  await page.getByRole('button', { name: "Replace with Dana's new grades" }).click();
  await expect(page.getByRole('list').filter({ hasText: 'Dana (manager):' }).getByRole('listitem')).toHaveCount(1);
});
