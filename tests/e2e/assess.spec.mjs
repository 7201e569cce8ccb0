// The readiness self-assessment, as an engineer uses it: choose the levels,
// grade honestly, watch readiness move, add other views, keep a snapshot,
// come back later and share the report.
import { test, expect, open, expectAccessible, stored, downloadedText } from './fixtures.mjs';

/** The radio group of the criterion whose text starts with `text`. */
function criterion(page, text) {
  return page.getByRole('radiogroup', { name: new RegExp(`^${text}`) });
}

/** The readiness figure titled `title` ("Engineer II · solid…"). */
function score(page, level) {
  return page.locator('.score').filter({ hasText: level }).locator('.score-value');
}

test('grade two levels, watch readiness move, compare views, reload and export', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page, '#/assess');
  await expect(page.getByText('Choose your current level to begin.')).toBeVisible();

  // Choosing the current level proposes the next one as the target.
  await page.getByLabel('Current level').selectOption({ label: 'Engineer II' });
  await expect(page.getByLabel('Target level')).toHaveValue('senior');
  await expect(score(page, 'Engineer II')).toHaveText('0%');
  await expect(score(page, 'Senior Engineer')).toHaveText('0%');
  await expect(page.getByRole('heading', { name: 'Area 1 of 8: Technical craft' })).toBeVisible();

  // Every criterion of both levels in the area is a named radio group.
  await expect(page.getByRole('radiogroup')).toHaveCount(6);

  // A top grade without evidence counts three quarters; with evidence, in full.
  const design = criterion(page, 'Designs services or components for the team');
  await design.getByRole('radio', { name: 'Consistently' }).check();
  // 3 of 24 quarters possible at Senior: 3 / (24 × 4) = 3.125% → 3%.
  await expect(score(page, 'Senior Engineer')).toHaveText('3%');
  const card = page.locator('.criterion').filter({ has: design });
  await card.getByText('Evidence, note and other views').click();
  await card.getByLabel('Evidence: what you did, and where it shows').fill('Wrote the design doc for the queue rewrite; three teams reviewed it.');
  await expect(score(page, 'Senior Engineer')).toHaveText('4%');

  // Keyboard: arrow keys move within a radio group.
  const debugging = criterion(page, 'Diagnoses failures that cross components');
  await debugging.getByRole('radio', { name: 'Not assessed' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(debugging.getByRole('radio', { name: 'Not yet' })).toBeChecked();

  // "Beyond" with no evidence is flagged in plain words.
  const refactoring = criterion(page, 'Refactors code in the team');
  await refactoring.getByRole('radio', { name: 'Beyond' }).check();
  const honesty = page.getByRole('group', { name: 'Honesty check' });
  await expect(honesty).toContainText('graded “beyond” has no evidence');

  // A manager's grade that disagrees shows up first in the comparison.
  const refactoringCard = page.locator('.criterion').filter({ has: refactoring });
  await refactoringCard.getByText('Evidence, note and other views').click();
  await refactoringCard.getByLabel("Manager's grade").selectOption({ label: 'Sometimes' });
  const compared = page.getByRole('region', { name: 'Grades compared' });
  await expect(compared.getByRole('row').nth(1)).toContainText('Refactors code in the team');
  await expect(compared.getByRole('row').nth(1)).toContainText('2 steps');

  // The gaps list the target criteria below "consistently".
  const gaps = page.getByRole('region', { name: /^Gaps/ });
  await expect(gaps).toContainText('Diagnoses failures that cross components');

  // Move to the next area with the button at the bottom; focus follows.
  await page.getByRole('button', { name: 'Next: Delivery →' }).click();
  await expect(page.getByRole('heading', { name: 'Area 2 of 8: Delivery' })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Technical craft, 3 of 6 graded' })).toBeVisible();

  await page.getByRole('button', { name: "Save a snapshot of today's readiness" }).click();
  await expect(page.getByRole('region', { name: 'Readiness over time' })).toContainText('Overall');
  // A snapshot taken by mistake can be taken back; this one is kept.
  const offer = page.getByRole('status').filter({ hasText: 'Saved a snapshot of your readiness.' });
  await expect(offer.getByRole('button', { name: 'Undo' })).toBeVisible();
  await offer.getByRole('button', { name: 'Dismiss' }).click();
  await expect(offer).toHaveCount(0);
  await expectAccessible(page);

  // Everything survives a reload; grades are stored under criterion ids.
  const savedRating = async () => {
    const saved = JSON.parse(await stored(page));
    return saved?.version === 4 ? saved.data.assessment.ratings['software.craft.senior.system-design'] : null;
  };
  await expect.poll(savedRating).toEqual({
    mine: 'consistently',
    evidence: 'Wrote the design doc for the queue rewrite; three teams reviewed it.',
  });
  await page.reload();
  await expect(score(page, 'Senior Engineer')).toHaveText('4%');
  await expect(criterion(page, 'Refactors code in the team').getByRole('radio', { name: 'Beyond' })).toBeChecked();

  // The report, downloaded and copied, says the same.
  const report = await downloadedText(page, () =>
    page.getByRole('button', { name: 'Download report (.md)' }).click(),
  );
  expect(report).toContain('# Promotion readiness');
  expect(report).toContain('Diagnoses failures that cross components');
  await page.getByRole('button', { name: 'Copy report as Markdown' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(report);

  // The dashboard shows readiness and the top gaps.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  const readiness = page.getByRole('region', { name: 'Readiness', exact: true });
  await expect(readiness).toContainText('4%');
  await expect(readiness.getByRole('listitem').first()).toContainText('Diagnoses failures that cross components');
  await expectAccessible(page);
});

test('what changes between two levels comes from the rubric, for any pair', async ({ page }) => {
  await open(page, '#/assess');
  await page.getByLabel('Track').selectOption({ label: 'DevOps / SRE' });
  await page.getByLabel('Current level').selectOption({ label: 'Senior Engineer' });
  await page.getByLabel('Target level').selectOption({ label: 'Principal Engineer' });
  const diff = page.getByRole('region', { name: 'What changes from Senior Engineer to Principal Engineer' });
  await diff.getByText('Show both levels side by side').click();
  const craft = diff.getByRole('region', { name: 'Technical craft' });
  await expect(craft.getByRole('heading', { name: 'Senior Engineer' })).toBeVisible();
  await expect(craft.getByRole('heading', { name: 'Principal Engineer' })).toBeVisible();
  await expect(craft.getByRole('listitem')).toHaveCount(6);
  await expectAccessible(page);
});
