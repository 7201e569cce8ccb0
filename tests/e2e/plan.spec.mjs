// The plan builder, as an engineer uses it after the promotion talk: turn a
// gap into a goal, fix what the SMART check flags, add milestones, agree a
// check-in schedule, log a check-in, plan and review the week, share the
// plan, and find it all again after a reload.
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { test, expect, open, expectAccessible, stored, downloadedText, startWith, VERSION } from './fixtures.mjs';

// A version 3 document with a self-assessment that has a gap (system
// design, graded "sometimes" at Senior).
const ASSESSED = readFileSync(new URL('../fixtures/document-v3.json', import.meta.url), 'utf8');

test.beforeEach(({ page }) => startWith(page, ASSESSED));

const group = (page, name) => page.getByRole('group', { name, exact: true });

test('a goal from a gap, checked letter by letter, with milestones, check-ins, weeks, exports and undo', async ({ page }) => {
  // The longest journey: on a loaded machine it runs close to the default
  // 30 s, which is a limit on the run, not a figure of the app's speed.
  test.setTimeout(60_000);
  // One action turns a gap of the self-assessment into a goal.
  await open(page, '#/assess/results');
  await page.getByRole('button', { name: /^Make it a goal: Designs services/ }).click();
  await expect(page).toHaveURL(/#\/plan\/g[0-9a-z]+$/);
  // The criterion is linked, not copied: the outcome is for the user to
  // say in their own words, and the page opens on it.
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText('Untitled goal');
  const outcome = page.getByLabel('What will be true when it is done?');
  await expect(outcome).toBeFocused();
  await expect(outcome).toHaveValue('');
  await expect(group(page, 'Specific')).toContainText('This goal proves the criterion “Designs services or components');
  await expect(group(page, 'Specific')).toContainText('Say in your own words what you will achieve');
  await expect(group(page, 'Relevant')).toContainText('Designs services or components');
  await expect(group(page, 'Relevant')).toContainText('✓ Strong');
  const summary = page.getByText(/^SMART check:/);
  await expect(summary).toHaveText('SMART check: Weak: Specific, Measurable, Achievable, Time-bound.');
  await expectAccessible(page);

  // Specific: the criterion copied in is not an outcome, vague wording is
  // named, a specific outcome passes.
  await outcome.fill('Designs services or components for the team in a reviewed design doc that records trade-offs.');
  await expect(group(page, 'Specific')).toContainText('The outcome repeats the criterion it proves. Say what you will achieve in your own words');
  await outcome.fill('Improve my design skills');
  await expect(group(page, 'Specific')).toContainText('“improve” is vague');
  await outcome.fill('Lead the design review of the billing queue migration');
  await expect(group(page, 'Specific')).toContainText('✓ Strong');
  await expect(heading).toHaveText('Lead the design review of the billing queue migration');

  // Measurable: a target needs a number.
  await page.getByLabel('What you will measure').fill('Design reviews led');
  await page.getByLabel('Where it stands today').fill('0');
  await page.getByLabel('The target').fill('several');
  await expect(group(page, 'Measurable')).toContainText('Put a number in the target');
  await page.getByLabel('The target').fill('3 by March');
  await expect(group(page, 'Measurable')).toContainText('✓ Strong');

  // Achievable: support and time.
  await page.getByLabel('Who or what will help').fill('Dana reviews my drafts');
  await page.getByLabel('Time you will give it').fill('2 hours a week');
  await expect(group(page, 'Achievable')).toContainText('✓ Strong');

  // Time-bound: a past date is flagged, a future one passes.
  const due = page.getByLabel('Due date', { exact: true }).first();
  await due.fill('2026-11-01');
  await expect(group(page, 'Time-bound')).toContainText('The due date, 1 Nov 2026, has passed');
  await due.fill('2027-03-31');
  await expect(summary).toHaveText('SMART check: Strong on all five letters.');
  await expectAccessible(page);

  // Milestones: a name is required; one is overdue, one done.
  const milestones = page.getByRole('region', { name: 'Milestones' });
  await milestones.getByRole('button', { name: 'Add the milestone' }).click();
  await expect(milestones.getByText('Name the milestone first')).toBeVisible();
  await expect(milestones.getByLabel('Milestone', { exact: true })).toBeFocused();
  await milestones.getByLabel('Milestone', { exact: true }).fill('Draft the review template');
  await milestones.getByLabel('Due date').fill('2026-11-13');
  await milestones.getByRole('button', { name: 'Add the milestone' }).click();
  await milestones.getByLabel('Milestone', { exact: true }).fill('Run the first review');
  await milestones.getByLabel('Due date').fill('2027-01-15');
  await milestones.getByRole('button', { name: 'Add the milestone' }).click();
  await expect(milestones.getByRole('checkbox')).toHaveCount(2);
  await expect(milestones.getByText('Overdue')).toHaveCount(1);
  await milestones.getByRole('checkbox', { name: 'Draft the review template' }).check();
  await expect(milestones.getByText('Overdue')).toHaveCount(0);
  await expect(milestones).toContainText('50% done');
  await milestones.getByRole('checkbox', { name: 'Draft the review template' }).uncheck();
  // A deleted milestone comes back with Undo.
  await milestones.getByRole('button', { name: 'Delete the milestone “Run the first review”' }).click();
  await expect(milestones.getByRole('checkbox')).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: 'Deleted the milestone “Run the first review”.' })).toBeVisible();
  await milestones.getByRole('button', { name: 'Undo' }).click();
  await expect(milestones.getByRole('checkbox', { name: 'Run the first review' })).toBeVisible();

  // The plan: progress, what is overdue, and the timeline.
  await page.getByRole('navigation', { name: 'Plan' }).getByRole('link', { name: 'Goals', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Plan builder' })).toBeFocused();
  await page.getByLabel('Promotion target date').fill('2027-06-01');
  const progress = page.getByRole('region', { name: 'Progress' });
  await expect(progress).toContainText('0%');
  await expect(progress.getByRole('link', { name: 'Draft the review template' })).toBeVisible();
  await expect(progress).toContainText('8 days late');
  await expect(page.getByRole('img', { name: /^From 13 Nov 2026 to 1 Jun 2027: 1 goal, 2 milestones, 1 overdue/ })).toBeVisible();
  await expectAccessible(page);

  // Check-ins: every two weeks on Tuesday with Dana.
  await page.getByRole('navigation', { name: 'Plan' }).getByRole('link', { name: 'Check-ins' }).click();
  await page.getByLabel('With').fill('Dana');
  await page.getByLabel('How often').selectOption('2');
  await page.getByLabel('On', { exact: true }).selectOption('tuesday');
  await page.getByLabel('At', { exact: true }).fill('09:30');
  await page.getByRole('button', { name: 'Set the schedule' }).click();
  await expect(page.getByText('Next: Tuesday 24 Nov 2026 at 09:30')).toBeVisible();
  await expect(page.getByRole('list').filter({ hasText: 'Tuesday 8 Dec 2026' })).toContainText('Tuesday 22 Dec 2026');

  // A check-in log entry, and a follow-up that becomes a milestone.
  await page.getByRole('button', { name: 'Log the check-in' }).click();
  await expect(page.getByRole('alert')).toHaveText(/nothing has been logged/);
  await page.getByLabel('Notes').fill('Talked through the billing migration.');
  // What is typed survives a visit to another page before it is logged.
  const planNav = page.getByRole('navigation', { name: 'Plan' });
  await planNav.getByRole('link', { name: 'Goals', exact: true }).click();
  await planNav.getByRole('link', { name: 'Check-ins' }).click();
  await expect(page.getByLabel('Notes')).toHaveValue('Talked through the billing migration.');
  await page.getByLabel('What was agreed').fill('I run the next design review.');
  await page.getByLabel('Follow-ups').fill('Book the review room\nAsk Sam for a second reviewer');
  await page.getByRole('button', { name: 'Log the check-in' }).click();
  const log = page.getByRole('region', { name: 'Check-in log (1)' });
  await expect(log.getByRole('article', { name: '21 Nov 2026' })).toContainText('Agreed: I run the next design review.');
  await log.getByRole('button', { name: 'Make “Book the review room” a milestone' }).click();
  await expect(log.getByRole('link', { name: 'Lead the design review of the billing queue migration' })).toBeVisible();
  await expectAccessible(page);

  // Weekly goals: plan two, review them, carry one into next week.
  await page.getByRole('navigation', { name: 'Plan' }).getByRole('link', { name: 'Weekly goals' }).click();
  const thisWeek = page.getByRole('region', { name: 'This week: from 16 Nov 2026' });
  for (const goal of ['Write the review template', 'Pair with Sam on alerts']) {
    await thisWeek.getByLabel('A goal for the week').fill(goal);
    await thisWeek.getByRole('button', { name: 'Add' }).click();
  }
  await group(thisWeek, 'Pair with Sam on alerts').getByRole('radio', { name: 'Done', exact: true }).check();
  await group(thisWeek, 'Write the review template').getByRole('radio', { name: 'Carry over' }).check();
  await expect(thisWeek).toContainText('1 done, 1 carried over');
  const nextWeek = page.getByRole('region', { name: 'Next week: from 23 Nov 2026' });
  await expect(nextWeek).toContainText('Write the review template');
  await expect(nextWeek).toContainText('Carried over');
  await expectAccessible(page);

  // The dashboard shows the next check-in and this week's goals.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  const yourPlan = page.getByRole('region', { name: 'Your plan' });
  await expect(yourPlan).toContainText('Tuesday 24 Nov 2026 at 09:30 with Dana');
  await expect(yourPlan).toContainText('Pair with Sam on alerts · Done');

  // Share: Markdown, print, and a calendar an independent parser reads.
  await page.goto('index.html#/plan');
  const markdown = await downloadedText(page, () => page.getByRole('button', { name: 'Download Markdown' }).click());
  const said = page.getByRole('region', { name: 'Share your plan' }).getByRole('status');
  await expect(said).toHaveText(/^Downloading rungs-plan-\d{4}-\d\d-\d\d\.md: your browser keeps it/);
  expect(markdown).toContain('# Development plan');
  expect(markdown).toContain('### Lead the design review of the billing queue migration');
  expect(markdown).toContain('- [ ] Book the review room');
  await page.getByRole('button', { name: 'Print' }).click();
  await expect.poll(() => page.evaluate(() => window.printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  const sheet = page.getByRole('region', { name: 'Development plan for printing' });
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText('Every 2 weeks on Tuesday at 09:30');
  await expect(page.getByRole('button', { name: 'Download Markdown' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  const download = () => downloadedText(page, () => page.getByRole('button', { name: 'Download calendar (.ics)' }).click());
  const first = await download();
  const calendar = new ICAL.Component(ICAL.parse(first));
  const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
  const series = events.find((e) => e.isRecurring());
  expect(series.summary).toBe('Check-in with Dana');
  const dates = [];
  const expand = series.iterator();
  for (let next = expand.next(); next && dates.length < 3; next = expand.next()) dates.push(next.toString());
  expect(dates).toEqual(['2026-11-24T09:30:00', '2026-12-08T09:30:00', '2026-12-22T09:30:00']);
  expect(series.component.getFirstPropertyValue('rrule').until.toString()).toBe('2027-06-01T23:59:59');
  const allDay = events.filter((e) => !e.isRecurring());
  expect(allDay.map((e) => [e.summary, e.startDate.toString(), e.startDate.isDate])).toEqual([
    ['Goal due: Lead the design review of the billing queue migration', '2027-03-31', true],
    ['Milestone: Draft the review template (Lead the design review of the billing queue migration)', '2026-11-13', true],
    ['Milestone: Run the first review (Lead the design review of the billing queue migration)', '2027-01-15', true],
    ['Milestone: Book the review room (Lead the design review of the billing queue migration)', '2026-11-24', true],
  ]);
  const uids = events.map((e) => e.uid);
  expect(new Set(uids).size).toBe(uids.length);
  // A second export keeps every UID, so a calendar updates instead of doubling.
  const again = new ICAL.Component(ICAL.parse(await download()));
  expect(again.getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('uid'))).toEqual(uids);

  // Everything survives a reload.
  await page.reload();
  await page.getByRole('link', { name: 'Lead the design review of the billing queue migration' }).click();
  await expect(page.getByLabel('The target')).toHaveValue('3 by March');
  await expect(page.getByRole('region', { name: 'Milestones' }).getByRole('checkbox')).toHaveCount(3);
  const saved = JSON.parse(await stored(page));
  expect(saved.version).toBe(VERSION);
  expect(saved.data.plan.schedule).toMatchObject({ every: 2, weekday: 'tuesday', time: 570, with: 'Dana' });

  // Deleting asks first, and can be undone.
  await page.getByRole('button', { name: 'Delete the goal…' }).click();
  await expect(page.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await page.getByRole('button', { name: 'Delete it' }).click();
  await expect(page).toHaveURL(/#\/plan$/);
  await expect(page.getByRole('heading', { name: 'Goals (0)' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Deleted the goal' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('heading', { name: 'Goals (1)' })).toBeVisible();
  await expect.poll(async () => JSON.parse(await stored(page)).data.plan.goals?.[0]?.milestones.length).toBe(3);
});

/** Adds a goal from the plan page and opens it. */
async function addGoal(page, outcome) {
  await open(page, '#/plan');
  await page.getByLabel('A new goal: what will be true when it is done?').fill(outcome);
  await page.getByRole('button', { name: 'Add the goal' }).click();
  await expect(page.getByRole('heading', { level: 1, name: outcome })).toBeVisible();
}

const GOAL = 'Lead the design review of the billing queue migration';

test('milestones are listed by due date, edited in place, and deleted with an undo beside them', async ({ page }) => {
  await addGoal(page, GOAL);
  const milestones = page.getByRole('region', { name: 'Milestones' });
  const name = milestones.getByLabel('Milestone', { exact: true });
  const due = milestones.getByLabel('Due date');
  const add = milestones.getByRole('button', { name: 'Add the milestone' });
  const items = milestones.getByRole('listitem');

  await name.fill('Run the first review');
  await due.fill('2027-01-15');
  await add.click();
  // The form is cleared, its date too, ready for the next.
  await expect(items).toHaveCount(1);
  await expect(name).toHaveValue('');
  await expect(due).toHaveValue('');
  // A missing name is named, and the note goes once a name is typed.
  await add.click();
  const nameFirst = milestones.getByText('Name the milestone first');
  await expect(nameFirst).toBeVisible();
  await name.fill('Draft the review template');
  await expect(nameFirst).toBeHidden();
  await due.fill('2026-11-13');
  await add.click();
  await expect(nameFirst).toBeHidden();
  // By due date: the overdue one added last is listed first, and says so.
  await expect(items).toHaveText([/^Draft the review template\s*Overdue\s*Due 13 Nov 2026/, /^Run the first review\s*Due 15 Jan 2027/]);

  // Edited in place: its name and due date, then listed where it now falls.
  await milestones.getByRole('button', { name: 'Edit the milestone “Run the first review”' }).click();
  const editor = milestones.getByRole('form', { name: 'Edit the milestone “Run the first review”' });
  await expect(editor.getByLabel('Name')).toBeFocused();
  await expect(editor.getByLabel('Name')).toHaveValue('Run the first review');
  await expect(editor.getByLabel('Due')).toHaveValue('2027-01-15');
  await editor.getByLabel('Name').fill(' ');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor.getByText('Name the milestone first')).toBeVisible();
  await editor.getByLabel('Name').fill('Book the design review');
  await editor.getByLabel('Due').fill('2026-11-10');
  await expectAccessible(page);
  await editor.getByRole('button', { name: 'Save' }).click();
  const edited = milestones.getByRole('button', { name: 'Edit the milestone “Book the design review”' });
  await expect(edited).toBeFocused();
  await expect(items).toHaveText([/^Book the design review\s*Overdue\s*Due 10 Nov 2026/, /^Draft the review template/]);
  // Cancelling changes nothing.
  await edited.click();
  await milestones.getByRole('form').getByLabel('Name').fill('Something else');
  await milestones.getByRole('button', { name: 'Cancel' }).click();
  await expect(edited).toBeFocused();
  await expect(items).toHaveText([/^Book the design review/, /^Draft the review template/]);

  // Deleting offers the undo where the milestone was, with focus on it.
  await milestones.getByRole('button', { name: 'Delete the milestone “Book the design review”' }).click();
  await expect(items).toHaveCount(1);
  await expect(milestones).toContainText('Deleted the milestone “Book the design review”.');
  const undo = milestones.getByRole('button', { name: 'Undo' });
  await expect(undo).toBeFocused();
  await expectAccessible(page);
  await undo.click();
  await expect(items).toHaveText([/^Book the design review/, /^Draft the review template/]);
  await expect(milestones.getByRole('heading', { name: 'Milestones' })).toBeFocused();
  await expect(undo).toHaveCount(0);

  await page.reload();
  await expect(items).toHaveText([/^Book the design review\s*Overdue/, /^Draft the review template/]);
  const saved = JSON.parse(await stored(page)).data.plan.goals[0].milestones;
  expect(saved.map((m) => [m.title, m.due])).toEqual([
    ['Book the design review', '2026-11-10'],
    ['Draft the review template', '2026-11-13'],
  ]);
});

test('a goal card says in words what the SMART check finds weak', async ({ page }) => {
  await addGoal(page, GOAL);
  await page.getByLabel('Due date', { exact: true }).first().fill('2027-09-01');
  await page.getByRole('navigation', { name: 'Plan' }).getByRole('link', { name: 'Goals', exact: true }).click();
  await page.getByLabel('Promotion target date').fill('2027-06-01');
  const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: GOAL }) });
  const weak = card.getByRole('list', { name: 'What the SMART check finds weak' });
  await expect(weak.getByRole('listitem')).toHaveText([
    'Measurable: nothing to measure named, no starting point, no target',
    'Achievable: no one or nothing named to help, no time set aside',
    'Relevant: no criterion linked',
    'Time-bound: due after your promotion target',
  ]);
  await expect(card).not.toContainText('Weak:');
  await expectAccessible(page);
});

test('a date with a mistyped year is named beside its field and changes nothing', async ({ page }) => {
  await addGoal(page, GOAL);
  const due = page.getByLabel('Due date', { exact: true }).first();
  // A date field reports the year as it is typed: 0002, 0020, 0202, 2026.
  for (const year of ['0002', '0020', '0202']) await due.fill(`${year}-03-01`);
  await expect(due).toHaveAttribute('aria-invalid', 'true');
  await expect(due).toHaveAccessibleDescription(/^0202 is not a year this plan can use: give a date from 1970 to 2200\. Nothing has been changed\./);
  await expect(group(page, 'Time-bound')).toContainText('Set a due date');
  // What was typed stays in the field, to be put right.
  await expect(due).toHaveValue('0202-03-01');
  await expectAccessible(page);
  // Typed key by key, as a person does: month, day, then the year digit by
  // digit, which the field reports at 0002, 0020 and 0202 on the way.
  await due.fill('');
  await due.focus();
  await page.keyboard.type('03012026');
  await expect(due).toHaveValue('2026-03-01');
  await expect(due).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/is not a year this plan can use/)).toHaveCount(0);
  await expect(group(page, 'Time-bound')).toContainText('The due date, 1 Mar 2026, has passed');

  await page.getByRole('navigation', { name: 'Plan' }).getByRole('link', { name: 'Goals', exact: true }).click();
  const target = page.getByLabel('Promotion target date');
  await target.fill('0026-06-01');
  await expect(page.getByText('0026 is not a year this plan can use')).toBeVisible();
  await target.fill('2027-06-01');
  await expect(page.getByText('is not a year this plan can use')).toHaveCount(0);
  await expect.poll(async () => JSON.parse(await stored(page)).data.plan.target).toBe('2027-06-01');
  const goal = JSON.parse(await stored(page)).data.plan.goals[0];
  expect(goal.due).toBe('2026-03-01');
});

test('the timeline draws at most 24 ticks whatever the dates', async ({ page }) => {
  await addGoal(page, GOAL);
  await expect.poll(async () => JSON.parse(await stored(page)).data.plan?.goals?.length).toBe(1);
  // Dates no form lets through, as an import could bring them.
  await page.evaluate(() => {
    const document = JSON.parse(localStorage.getItem('rungs.document'));
    Object.assign(document.data.plan.goals[0], { started: '0000-01-01', due: '9999-12-31' });
    localStorage.setItem('rungs.document', JSON.stringify(document));
  });
  await open(page, '#/plan');
  await page.reload();
  const chart = page.getByRole('img', { name: /^From 1 Jan 0 to 31 Dec 9999: 1 goal/ });
  await expect(chart).toBeVisible();
  const ticks = await chart.locator('.tl-tick').count();
  expect(ticks).toBeGreaterThan(1);
  expect(ticks).toBeLessThanOrEqual(24);
  // Every tick's label is drawn inside the chart, the last one too, when a
  // month starts right at the promotion target at its right edge.
  await page.evaluate(() => {
    const document = JSON.parse(localStorage.getItem('rungs.document'));
    Object.assign(document.data.plan.goals[0], { started: '2026-11-21', due: '2027-03-31' });
    document.data.plan.target = '2027-06-01';
    localStorage.setItem('rungs.document', JSON.stringify(document));
  });
  await page.reload();
  const months = page.getByRole('img', { name: /^From 21 Nov 2026 to 1 Jun 2027/ });
  await expect(months.locator('.tl-tick').last()).toContainText('Jun');
  const outside = await months.evaluate((svg) => {
    const box = svg.getBoundingClientRect();
    return [...svg.querySelectorAll('.tl-tick text')]
      .filter((text) => { const r = text.getBoundingClientRect(); return r.left < box.left || r.right > box.right; })
      .map((text) => text.textContent);
  });
  expect(outside).toEqual([]);
});

test('printing any page of the plan prints the plan, however it is asked for', async ({ page }) => {
  await addGoal(page, GOAL);
  const goalPage = page.url();
  const pages = [
    [goalPage, GOAL],
    ['index.html#/plan', 'Plan builder'],
    ['index.html#/plan/check-ins', 'Check-ins'],
    ['index.html#/plan/weeks', 'Weekly goals'],
  ];
  for (const [address, title] of pages) {
    await page.goto(address);
    const heading = page.getByRole('heading', { level: 1, name: title });
    await expect(heading).toBeVisible();
    const sheet = page.getByRole('region', { name: 'Development plan for printing' });
    await expect(sheet).toBeHidden();
    // What Ctrl+P or the browser's menu prints, without the Print button.
    await page.emulateMedia({ media: 'print' });
    await expect(sheet).toBeVisible();
    await expect(sheet.getByRole('heading', { name: `${GOAL} (0%)` })).toBeVisible();
    await expect(heading).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'Plan' })).toBeHidden();
    await expect(page.getByRole('button')).toHaveCount(0);
    await page.emulateMedia({ media: 'screen' });
    await expect(sheet).toBeHidden();
  }
});

test('from Saturday the week to plan is next week, and check-ins are suggested on a working day', async ({ page }) => {
  // Saturday 21 November 2026 (beforeEach).
  await open(page, '#/plan/weeks');
  const weeks = page.getByRole('heading', { level: 2, name: /week: from/ });
  await expect(weeks).toHaveText(['Next week: from 23 Nov 2026', 'This week: from 16 Nov 2026']);
  const nextWeek = page.getByRole('region', { name: 'Next week: from 23 Nov 2026' });
  await nextWeek.getByLabel('A goal for the week').fill('Write the review template');
  await nextWeek.getByRole('button', { name: 'Add' }).click();
  await expect(group(nextWeek, 'Write the review template')).toBeVisible();
  // The week ending is still there to review.
  await expect(page.getByRole('region', { name: 'This week: from 16 Nov 2026' })).toContainText('The week is ending');
  await expectAccessible(page);
  await expect.poll(async () => JSON.parse(await stored(page)).data.plan?.weeks?.[0]?.start).toBe('2026-11-23');

  await page.getByRole('navigation', { name: 'Plan' }).getByRole('link', { name: 'Check-ins' }).click();
  await expect(page.getByLabel('On', { exact: true })).toHaveValue('monday');
});

test('on a weekday this week comes first and next week can be planned too', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-11-18T10:00:00'));
  await open(page, '#/plan/weeks');
  const weeks = page.getByRole('heading', { level: 2, name: /week: from/ });
  await expect(weeks).toHaveText(['This week: from 16 Nov 2026', 'Next week: from 23 Nov 2026']);
  const nextWeek = page.getByRole('region', { name: 'Next week: from 23 Nov 2026' });
  await nextWeek.getByLabel('A goal for the week').fill('Pair with Sam on alerts');
  await nextWeek.getByRole('button', { name: 'Add' }).click();
  await expect(group(nextWeek, 'Pair with Sam on alerts')).toBeVisible();
  await page.getByRole('navigation', { name: 'Plan' }).getByRole('link', { name: 'Check-ins' }).click();
  await expect(page.getByLabel('On', { exact: true })).toHaveValue('thursday');
});

test('the timeline track stands out from its card in light and dark', async ({ page }) => {
  await addGoal(page, GOAL);
  await page.getByRole('navigation', { name: 'Plan' }).getByRole('link', { name: 'Goals', exact: true }).click();
  const chart = page.getByRole('img', { name: /^From .*: 1 goal/ });
  await expect(chart).toBeVisible();
  for (const theme of ['light', 'dark']) {
    await page.getByLabel('Theme').selectOption(theme);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const ratio = await chart.evaluate((svg) => {
      const rgb = (text) => text.match(/[\d.]+/g).slice(0, 3).map(Number);
      const luminance = (text) => {
        const [r, g, b] = rgb(text).map((v) => {
          const c = v / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const track = getComputedStyle(svg.querySelector('.tl-bar')).stroke;
      const card = getComputedStyle(svg.closest('.card')).backgroundColor;
      const [a, b] = [luminance(track), luminance(card)].sort((x, y) => y - x);
      return (a + 0.05) / (b + 0.05);
    });
    expect(ratio, theme).toBeGreaterThanOrEqual(3);
  }
});
