// A company's own ladder, as an engineer brings it in: import a spreadsheet
// and a YAML ladder, grade against it, reload, export it, bring in a new
// version and move the grades off what it dropped; and as a wiki
// administrator sets it up: rungs.config.json next to index.html.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, open, expectAccessible, downloadedText } from './fixtures.mjs';
import { serve, DIST } from './serve.mjs';

const CONFIG_PORT = 4177;

/** A ladder written for these tests, one row per criterion. */
const ACME = [
  'Track,Level,Area,Criterion,Examples',
  'Engineering,Engineer,Craft,Writes tests for the code they change,Adds a regression test with each fix',
  'Engineering,Engineer,Craft,Reviews code within a day of being asked,',
  'Engineering,Engineer,Delivery,Ships in small steps,',
  'Engineering,Senior Engineer 2 (People Manager),Craft,Designs services for the team,',
  'Engineering,Senior Engineer 2 (People Manager),Delivery,Plans a quarter of work with the team,',
].join('\r\n');

/** The next version: one criterion reworded into a new one. */
const ACME_NEXT = ACME.replace('Reviews code within a day of being asked', 'Reviews code the same day it is asked');

const JOB_FAMILY = `title: Platform ladder
levels:
  - id: p1
    title: Platform Engineer
  - id: p2
    title: Senior Platform Engineer
themes:
  - id: reliability
    title: Reliability
  - id: tooling
    title: Tooling
competencies:
  - level: p1
    theme: reliability
    summary: Follows the runbook during an incident.
  - level: p1
    theme: tooling
    summary: Improves a deploy script the team uses.
    examples:
      - Cut the deploy time of one service in half.
  - level: p2
    theme: reliability
    summary: Leads the review after an incident.
`;

function file(name, text) {
  return { name, mimeType: 'text/plain', buffer: Buffer.from(text) };
}

async function importLadder(page, name, text) {
  await page.getByLabel('Ladder file').setInputFiles(file(name, text));
}

function criterion(page, text) {
  return page.getByRole('radiogroup', { name: new RegExp(`^${text}`) });
}

test('import a spreadsheet ladder, grade against it, reload, export, and bring in a new version without losing a grade', async ({ page }) => {
  await open(page, '#/rubric');
  const ladders = page.getByRole('group', { name: 'The ladder you grade yourself against' });
  await expect(ladders.getByRole('radio', { name: 'Rungs engineering ladder' })).toBeChecked();

  // A broken file changes nothing and says where it is wrong.
  await importLadder(page, 'broken.csv', 'Level,Area,Criterion\r\nEngineer,Craft,\r\n');
  await expect(page.getByRole('alert')).toContainText('broken.csv was not imported, and nothing changed.');
  await expect(page.getByRole('alert')).toContainText('Line 2');

  await importLadder(page, 'acme-ladder.csv', ACME);
  const preview = page.getByRole('heading', { name: /read as CSV/ });
  await expect(preview).toBeVisible();
  await expect(page.getByText('2 levels · 5 criteria')).toBeVisible();
  await page.getByRole('button', { name: 'Add and use this ladder' }).click();
  await expect(page.getByText(/Added the ladder .* It is the ladder in use now/)).toBeVisible();
  const acme = ladders.getByRole('radio', { name: /acme/i });
  await expect(acme).toBeChecked();

  // The reader shows an area with nothing at a level as such, and searches.
  await page.getByLabel('Level', { exact: true }).selectOption({ label: 'Engineer' });
  await expect(page.getByText('3 criteria shown.')).toBeVisible();
  await page.getByLabel('Search the criteria').fill('regression');
  await expect(page.getByText('1 criterion found.')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Writes tests for the code they change' })).toBeVisible();
  await expectAccessible(page);

  // Grade against it: its levels, its criteria, its level diff.
  await page.getByRole('link', { name: 'Assess' }).click();
  await page.getByLabel('Current level').selectOption({ label: 'Engineer' });
  await expect(page.getByLabel('Target level')).toHaveValue(/senior/);
  await criterion(page, 'Reviews code within a day').getByRole('radio', { name: 'Consistently' }).check();
  await page.reload();
  await expect(criterion(page, 'Reviews code within a day').getByRole('radio', { name: 'Consistently' })).toBeChecked();
  await page.getByRole('navigation', { name: 'Assessment' }).getByRole('link', { name: 'Your readiness' }).click();
  await expect(page.getByRole('region', { name: 'What changes from Engineer to Senior Engineer 2 (People Manager)' })).toBeVisible();

  // Exported as Rungs JSON, it is the same ladder.
  await page.getByRole('link', { name: 'Rubric' }).click();
  const json = JSON.parse(await downloadedText(page, () => page.getByRole('button', { name: 'Download as Rungs JSON' }).click()));
  expect(json).toMatchObject({ format: 'rungs-rubric', version: 1 });
  expect(json.levels.map((l) => l.name)).toEqual(['Engineer', 'Senior Engineer 2 (People Manager)']);
  const csv = await downloadedText(page, () => page.getByRole('button', { name: 'Download as CSV' }).click());
  expect(csv).toContain('Reviews code within a day of being asked');

  // A new version says what changed and what it means before anything does.
  await importLadder(page, 'acme-ladder.csv', ACME_NEXT);
  await expect(page.getByRole('heading', { name: /A new version of/ })).toBeVisible();
  await expect(page.getByText('1 criterion added')).toBeVisible();
  await expect(page.getByText('1 criterion removed')).toBeVisible();
  await expect(page.getByText(/1 grade or note is on criteria this version removes/)).toBeVisible();
  await page.getByRole('button', { name: /^Update .* to this version$/ }).click();

  // The grade is kept under "No longer in the rubric", and moves over.
  const kept = page.getByRole('region', { name: 'No longer in the rubric' });
  await expect(kept).toContainText('Reviews code within a day of being asked');
  await expect(kept).toContainText('Your grade: Consistently');
  await expect(kept.getByLabel('Move to')).toHaveValue(/reviews-code-the-same-day/);
  await kept.getByRole('button', { name: 'Move it there' }).click();
  await expect(kept).toBeHidden();
  await page.getByRole('link', { name: 'Assess' }).click();
  await expect(criterion(page, 'Reviews code the same day').getByRole('radio', { name: 'Consistently' })).toBeChecked();

  // Each ladder keeps its own grades.
  await page.getByRole('link', { name: 'Rubric' }).click();
  await ladders.getByRole('radio', { name: 'Rungs engineering ladder' }).check();
  await page.getByRole('link', { name: 'Assess' }).click();
  await expect(page.getByText('Choose your current level to begin.')).toBeVisible();
  await page.getByRole('link', { name: 'Rubric' }).click();
  await ladders.getByRole('radio', { name: /acme/i }).check();
  await page.getByRole('link', { name: 'Assess' }).click();
  await expect(criterion(page, 'Reviews code the same day').getByRole('radio', { name: 'Consistently' })).toBeChecked();
});

test('a YAML job family imports, reads level by level, and edits with undo', async ({ page }) => {
  await open(page, '#/rubric');
  await importLadder(page, 'platform.yaml', JOB_FAMILY);
  await expect(page.getByRole('heading', { name: '“Platform ladder”, read as YAML job family' })).toBeVisible();
  await page.getByRole('button', { name: 'Add and use this ladder' }).click();
  await expect(page.getByRole('heading', { name: 'Read “Platform ladder”' })).toBeVisible();
  await page.getByLabel('Level', { exact: true }).selectOption({ label: 'Senior Platform Engineer' });
  const tooling = page.locator('.reader-area').filter({ has: page.getByRole('heading', { name: 'Tooling' }) });
  await expect(tooling).toContainText('Nothing at this level.');

  // Edit: reword a criterion, add one, remove one and take it back.
  await page.getByRole('button', { name: 'Edit this ladder' }).click();
  await page.getByLabel('Criteria at level').selectOption({ label: 'Platform Engineer' });
  const first = page.getByLabel('Criterion', { exact: true }).first();
  await first.fill('Follows the runbook, and says when it is wrong.');
  await page.getByLabel('New criterion in Tooling').fill('Keeps the build under ten minutes.');
  await page.getByRole('button', { name: 'Add the criterion' }).nth(1).click();
  await expect(page.getByLabel('Criterion', { exact: true })).toHaveCount(3);
  await page.getByRole('button', { name: /^Remove “Keeps the build/ }).click();
  await page.getByRole('button', { name: /^Delete/ }).click();
  await expect(page.getByLabel('Criterion', { exact: true })).toHaveCount(2);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByLabel('Criterion', { exact: true })).toHaveCount(3);
  await expect(page.getByRole('status').filter({ hasText: 'No problems' })).toBeVisible();
  await expectAccessible(page);

  const markdown = await downloadedText(page, () => page.getByRole('button', { name: 'Download as Markdown' }).click());
  expect(markdown).toContain('Follows the runbook, and says when it is wrong.');
  expect(markdown).toContain('Keeps the build under ten minutes.');
});

test.describe('an organisation sets its ladder with rungs.config.json', () => {
  test.use({ otherOrigins: [`http://127.0.0.1:${CONFIG_PORT}`], expectedErrors: [/status of 404/] });

  test('its ladder is the default and its name is in the header; a broken one leaves the built-in ladder with a notice', async ({ page }) => {
    const site = mkdtempSync(join(tmpdir(), 'rungs-site-'));
    cpSync(DIST, site, { recursive: true });
    const ladder = {
      format: 'rungs-rubric', version: 1, id: 'acme', name: 'Acme ladder', source: 'Acme wiki', licence: 'Internal',
      levels: [{ id: 'a1', name: 'Associate' }, { id: 'a2', name: 'Lead' }],
      areas: [{ id: 'craft', name: 'Craft', criteria: [
        { id: 'c1', level: 'a1', text: 'Keeps the tests green.' },
        { id: 'c2', level: 'a2', text: 'Sets the testing strategy.' },
      ] }],
    };
    writeFileSync(join(site, 'acme.json'), JSON.stringify(ladder));
    writeFileSync(join(site, 'rungs.config.json'), JSON.stringify({ rubric: 'acme.json', organisation: 'Acme' }));
    const host = await serve(CONFIG_PORT, site);
    try {
      await page.goto(`http://127.0.0.1:${CONFIG_PORT}/index.html#/rubric`);
      await expect(page.getByRole('banner')).toContainText('Acme');
      await expect(page.getByRole('radio', { name: 'Acme ladder' })).toBeChecked();
      await expect(page.getByText('As shipped · 2 levels · 2 criteria · Source: Acme wiki · Licence: Internal')).toBeVisible();

      writeFileSync(join(site, 'rungs.config.json'), JSON.stringify({ rubric: 'missing.json' }));
      await page.reload();
      await expect(page.getByRole('region', { name: 'Site notice' })).toContainText('missing.json, could not be used');
      await expect(page.getByRole('radio', { name: 'Rungs engineering ladder' })).toBeChecked();
    } finally {
      host.close();
      rmSync(site, { recursive: true, force: true });
    }
  });
});
