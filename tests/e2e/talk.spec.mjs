// Conversation prep, as an engineer readies the talk after being passed
// over: say how their company decides, tick off what is done, open the
// script filled from their own assessment and plan, put a line in their
// own words, rehearse it aloud by keyboard, keep the meeting's notes as a
// check-in, print the card, and find it all after a reload.
import { readFileSync } from 'node:fs';
import { test, expect, open, expectAccessible, stored, downloadedText, startWith, VERSION } from './fixtures.mjs';

// The version 9 golden document without its conversation prep: current
// level e2 (aiming at Senior), system design at Senior graded "sometimes",
// a plan aiming at 1 June 2027, check-ins with Dana, three log entries.
const GOLDEN = JSON.parse(readFileSync(new URL('../fixtures/document-v9.json', import.meta.url), 'utf8'));
delete GOLDEN.data.talk;

test('the process and its checklist, a filled script in the user’s words, rehearsed, noted, printed and kept', async ({ page }) => {
  test.setTimeout(60_000);
  await startWith(page, JSON.stringify(GOLDEN));
  await open(page, '#/talk');
  const process = page.getByRole('group', { name: "Your company's process" });
  await process.getByRole('radio', { name: 'Formal', exact: true }).check();
  await expect(page.getByRole('heading', { name: 'Preparing for a formal process' })).toBeVisible();
  const checklist = page.getByRole('list').filter({ has: page.getByRole('checkbox', { name: /^Draft your self-review/ }) });
  await checklist.getByRole('checkbox', { name: /^Draft your self-review/ }).check();
  await checklist.getByRole('checkbox', { name: /^Back every claim/ }).check();
  await expect(page.getByText(/^2 of \d+ done\.$/)).toBeVisible();
  // Each item leads to where Rungs helps with it.
  const evidenceItem = checklist.getByRole('listitem').filter({ hasText: 'Back every claim' });
  await expect(evidenceItem.getByRole('link', { name: 'Your accomplishment log' })).toHaveAttribute('href', '#/evidence');
  await expectAccessible(page);

  // The script after being passed over, filled from the user's own data.
  await page.getByRole('link', { name: 'After being passed over' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'After being passed over' })).toBeVisible();
  const script = page.getByRole('region', { name: 'What to say' });
  const lines = script.getByRole('listitem');
  await expect(lines.nth(0)).toContainText('Thanks for meeting with me, Dana.');
  await expect(lines.nth(1)).toContainText('fell short of Senior Engineer?');
  await expect(lines.nth(1)).toContainText("the criterion 'Designs services or components for the team");
  await expect(lines.nth(4)).toContainText('aiming for Senior Engineer by 1 Jun 2027?');
  await expect(script.getByRole('link', { name: /^\[/ })).toHaveCount(0);
  // A tip leads to where Rungs helps with it.
  await expect(lines.nth(4).getByRole('link', { name: 'Your plan' })).toHaveAttribute('href', '#/plan');

  // A private answer to a reflection question.
  await page.getByLabel(/^Which criteria did the promotion call for/).fill('Most of them; not the design reviews.');

  // A line in the user's own words.
  await lines.nth(0).getByRole('button', { name: 'Reword line 1' }).click();
  const words = page.getByLabel('Your words (placeholders in braces are filled in)');
  await expect(words).toBeFocused();
  await words.fill('{manager}, thanks for the time. I accept the decision, and I want to learn from it.');
  await lines.nth(0).getByRole('button', { name: 'Done' }).click();
  await expect(lines.nth(0)).toContainText('Dana, thanks for the time. I accept the decision');
  await expect(lines.nth(0).getByRole('button', { name: 'Reword line 1' })).toBeFocused();

  // Rehearse by keyboard alone: Enter starts it, the arrow keys and Space
  // move through the lines, Escape stops and focus goes back.
  await script.getByRole('button', { name: 'Rehearse aloud' }).focus();
  await page.keyboard.press('Enter');
  const rehearsal = page.getByRole('region', { name: 'Rehearse aloud' });
  await expect(rehearsal).toBeFocused();
  await expect(rehearsal).toContainText('Line 1 of 7');
  await expect(rehearsal).toContainText('Dana, thanks for the time.');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press(' ');
  await expect(rehearsal).toContainText('Line 3 of 7');
  await page.keyboard.press('ArrowLeft');
  await expect(rehearsal).toContainText('Line 2 of 7');
  await expect(rehearsal).toContainText('fell short of Senior Engineer?');
  await expect(rehearsal.getByRole('timer')).toHaveText(/^\d+:\d\d$/);
  await page.keyboard.press('Escape');
  await expect(rehearsal).toHaveCount(0);
  await expect(script.getByRole('button', { name: 'Rehearse aloud' })).toBeFocused();

  // After the meeting: a ticked step, and the notes kept as a check-in
  // whose follow-up becomes a milestone.
  const after = page.getByRole('region', { name: 'After the meeting' });
  await after.getByRole('checkbox', { name: /^Put the plan you agreed into the plan builder/ }).check();
  await page.getByLabel('Notes').fill('Design reviews were the gap; budget was not a factor.');
  await page.getByLabel('What was agreed').fill('I lead two design reviews before the next cycle.');
  await page.getByLabel('Follow-ups').fill('Book the first design review');
  await page.getByRole('button', { name: 'Log the check-in' }).click();
  await expect(page.getByRole('heading', { name: 'After the meeting' })).toBeFocused();
  await expect(page.getByLabel('Notes')).toHaveValue('');
  await expectAccessible(page);

  // The card: Markdown with the user's words, and a print of only the card.
  const card = await downloadedText(page, () => page.getByRole('button', { name: 'Download the card (Markdown)' }).click());
  expect(card).toMatch(/^# After being passed over\n/);
  expect(card).toContain('1. Dana, thanks for the time. I accept the decision');
  expect(card).toContain('## If they say');
  expect(card).not.toContain('not the design reviews');
  await page.getByRole('button', { name: 'Print the card' }).click();
  await expect.poll(() => page.evaluate(() => window.printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  const sheet = page.getByRole('region', { name: 'After being passed over card for printing' });
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText('Dana, thanks for the time.');
  await expect(page.getByRole('region', { name: 'What to say' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await expect(sheet).toBeHidden();

  // Everything is kept: the prep, the answer, and the check-in with its
  // follow-up, which becomes a milestone from the check-ins page.
  await page.reload();
  await expect(lines.nth(0)).toContainText('Dana, thanks for the time.');
  await expect(page.getByLabel(/^Which criteria did the promotion call for/)).toHaveValue('Most of them; not the design reviews.');
  await expect(after.getByRole('checkbox', { name: /^Put the plan you agreed/ })).toBeChecked();
  const saved = JSON.parse(await stored(page));
  expect(saved.version).toBe(VERSION);
  expect(saved.data.talk.process).toBe('formal');
  await open(page, '#/talk');
  await expect(page.getByRole('radio', { name: 'Formal', exact: true })).toBeChecked();
  await expect(page.getByText(/^2 of \d+ done\.$/)).toBeVisible();
  await open(page, '#/plan/check-ins');
  const log = page.getByRole('region', { name: /^Check-in log/ });
  const meeting = log.getByRole('article', { name: '21 Nov 2026' });
  await expect(meeting).toContainText('Agreed: I lead two design reviews before the next cycle.');
  await meeting.getByRole('button', { name: 'Make “Book the first design review” a milestone' }).click();
  await expect(meeting.getByRole('link', { name: 'Lead the design review of the billing queue migration' })).toBeVisible();
});

test('a value the user has not given yet is marked and leads to where it is filled in', async ({ page }) => {
  const blank = structuredClone(GOLDEN);
  delete blank.data.plan.target;
  delete blank.data.plan.schedule;
  await startWith(page, JSON.stringify(blank));
  await open(page, '#/talk/passed-over');
  const script = page.getByRole('region', { name: 'What to say' });
  const manager = script.getByRole('link', { name: "[your manager's name]" });
  await expect(manager).toHaveAttribute('title', /^Not known yet: /);
  await manager.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check-ins' })).toBeVisible();
  await page.goBack();
  await script.getByRole('link', { name: '[your timeframe]' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Plan builder' })).toBeVisible();
});
