// The vocabulary glossary, as an engineer uses it: find a term in a keystroke
// or two, read it, track it, add their own, practise, export and print, and
// meet terms linked in the rubric and in their own notes.
import { test, expect, open, expectAccessible, stored, downloadedText } from './fixtures.mjs';

/** The result links, in order. */
function results(page) {
  return page.getByRole('list').filter({ has: page.locator('.term-result') }).getByRole('link');
}

test('search, keyboard, filters, familiarity, own terms, practice and export', async ({ page }) => {
  // Printing is the browser's: record the request instead of opening a dialog.
  await page.addInitScript(() => {
    window.printed = 0;
    window.print = () => {
      window.printed += 1;
    };
  });
  await open(page, '#/glossary');
  const search = page.getByRole('searchbox', { name: 'Search the glossary' });
  const count = page.getByRole('status').filter({ hasText: /terms?$|match/ });
  await expect(count).toHaveText(/^\d{3} terms$/);

  // A typo still finds the term, with the match marked.
  await search.fill('kubernets');
  await expect(results(page).first()).toHaveText('Kubernetes');
  await expect(results(page).first().locator('mark')).toHaveText('Kubernetes');
  await expect(count).toHaveText(/matches? for “kubernets”/);

  // Punctuation and case do not matter; an abbreviation finds its term.
  for (const query of ['ci/cd', 'CICD', 'ci-cd']) {
    await search.fill(query);
    await expect(results(page).first()).toHaveText('CI/CD');
  }
  await search.fill('k8s');
  await expect(results(page).first()).toHaveText('Kubernetes');
  // Words started in a name rank it before words found inside others.
  await search.fill('tech det');
  await expect(results(page).first()).toHaveText('Technical debt');
  await search.fill('k8s');
  await expect(page.locator('.term-result').first()).toContainText('also K8s');

  // Arrow keys move through the results and back; Enter opens one.
  await search.fill('error budget');
  await search.press('ArrowDown');
  await expect(results(page).nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(results(page).nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(search).toBeFocused();
  await search.press('Enter');
  await expect(page).toHaveURL(/#\/glossary\/error-budget$/);
  const heading = page.getByRole('heading', { level: 1, name: 'Error budget' });
  await expect(heading).toBeFocused();
  await expect(page).toHaveTitle('Error budget · Rungs');
  await expect(page.getByText('In a promotion conversation')).toBeVisible();

  // Mark it as learning; related terms are links to their own pages.
  await page.getByRole('radio', { name: 'Learning' }).check();
  const related = page.getByRole('list').filter({ has: page.getByRole('link', { name: 'Service level objective' }) });
  await related.getByRole('link', { name: 'Service level objective' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Service level objective' })).toBeFocused();
  await expectAccessible(page);

  // Back in the glossary the search is as it was; filter by familiarity.
  await page.goBack();
  await page.goBack();
  await expect(search).toHaveValue('error budget');
  await search.fill('');
  await page.getByLabel('Familiarity').selectOption('Learning');
  await expect(results(page)).toHaveText(['Error budget']);
  await expect(count).toHaveText(/^1 of \d{3} terms$/);
  await page.getByLabel('Familiarity').selectOption('Any');

  // Tags narrow to terms with any of them; the A–Z index to one letter.
  const security = page.getByRole('button', { name: 'Security', exact: true });
  await security.click();
  await expect(security).toHaveAttribute('aria-pressed', 'true');
  for (const meta of await page.locator('.term-result-meta').allTextContents()) {
    expect(meta).toContain('Security');
  }
  await security.click();
  await page.getByRole('button', { name: 'Names starting with Z' }).click();
  const zNames = await results(page).allTextContents();
  expect(zNames.length).toBeGreaterThan(0);
  for (const name of zNames) expect(name).toMatch(/^Z/);
  await page.getByRole('button', { name: 'Names starting with Z' }).click();

  // No match: say so, suggest, and offer to add it.
  await search.fill('obsrvablty');
  await expect(page.getByRole('heading', { name: 'No term matches “obsrvablty”' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Observability' })).toBeVisible();
  await search.fill('Golden runway');
  await expect(count).toHaveText('0 matches for “Golden runway”');
  await page.getByRole('button', { name: 'Add “Golden runway” as your own term' }).click();
  const name = page.getByLabel('Term', { exact: true });
  await expect(name).toHaveValue('Golden runway');
  await expect(name).toBeFocused();
  // A name the glossary already has is refused, and nothing is saved.
  const before = await stored(page);
  await name.fill('SLO');
  await page.getByRole('button', { name: 'Add the term' }).click();
  await expect(page.getByText('"SLO" is already in the glossary as "Service level objective"')).toBeVisible();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toBeFocused();
  expect(await stored(page)).toBe(before);
  await expectAccessible(page);

  await name.fill('Golden runway');
  await page.getByLabel('Abbreviations and other names').fill('GR, runway');
  await page.getByRole('checkbox', { name: 'Process' }).check();
  await page.getByLabel('What it means').fill('Our team name for the supported way to ship a new service.');
  await page.getByRole('button', { name: 'Add the term' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Golden runway' })).toBeVisible();
  await expect(page.getByText('Also: GR, runway')).toBeVisible();
  await expect
    .poll(async () => JSON.parse(await stored(page)).data.vocabulary?.terms?.[0]?.id)
    .toBe('my-golden-runway');

  // It survives a reload, is searchable like the rest, and can be edited.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Golden runway' })).toBeVisible();
  await page.getByRole('button', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit “Golden runway”' })).toBeVisible();
  await page.getByLabel('Term', { exact: true }).fill('Golden runway path');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Golden runway path' })).toBeFocused();
  await page.getByRole('link', { name: '← Back to the glossary' }).click();
  await search.fill('runwy');
  await expect(results(page).first()).toHaveText('Golden runway path');
  await page.getByRole('button', { name: 'Your own terms' }).click();
  await expect(results(page)).toHaveText(['Golden runway path']);
  await page.getByRole('button', { name: 'Your own terms' }).click();

  // Practise on the learning list: the definition hides the answer.
  await page.getByText('Practise', { exact: true }).click();
  await page.getByLabel('Practise with').selectOption('My learning list');
  await page.getByRole('button', { name: 'Start practising' }).click();
  await expect(page.getByRole('heading', { name: 'Question 1 of 1' })).toBeVisible();
  await expect(page.locator('.practice-definition')).not.toContainText(/error budget/i);
  const answer = page.getByLabel('Which term is this?');
  await expect(answer).toBeFocused();
  await answer.fill('eror budget');
  await answer.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Nearly right' })).toContainText(
    'Nearly right: it is spelled Error budget. Counted as known.',
  );
  await page.getByRole('button', { name: 'See how you did' }).click();
  await expect(page.getByRole('heading', { name: 'You knew 1 of 1' })).toBeFocused();

  // Export the learning list as Markdown, and print it.
  await page.getByText('Export', { exact: true }).click();
  await page.getByRole('radio', { name: /My learning list/ }).check();
  const markdown = await downloadedText(page, () =>
    page.getByRole('button', { name: 'Download Markdown' }).click(),
  );
  expect(markdown).toMatch(/^# My learning list\n\n1 term\.\n/);
  await expect(page.getByRole('status').filter({ hasText: /^Downloading rungs-/ })).toContainText('.md: your browser keeps it');
  expect(markdown).toContain('## Error budget');
  expect(markdown).toContain('Familiarity: Learning');
  await page.getByRole('button', { name: 'Print' }).click();
  await expect.poll(() => page.evaluate(() => window.printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  const sheet = page.getByRole('region', { name: 'My learning list for printing' });
  await expect(sheet.getByRole('heading', { name: 'Error budget' })).toBeVisible();
  await expect(search).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  // Deleting your own term asks first.
  await page.goto('index.html#/glossary/my-golden-runway');
  await page.getByRole('button', { name: 'Delete…' }).click();
  await expect(page.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await page.getByRole('button', { name: 'Delete it' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vocabulary glossary' })).toBeVisible();
  await expect
    .poll(async () => JSON.parse(await stored(page)).data.vocabulary?.terms)
    .toBeUndefined();
  await expectAccessible(page);

  // The deletion can be undone, familiarity and all.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeHidden();
  await expect
    .poll(async () => JSON.parse(await stored(page)).data.vocabulary?.terms?.map((t) => t.id))
    .toEqual(['my-golden-runway']);
});

test('terms in the rubric and in your notes open their definitions', async ({ page }) => {
  await open(page, '#/assess');
  await page.getByLabel('Track').selectOption({ label: 'DevOps / SRE' });
  await page.getByLabel('Current level').selectOption({ label: 'Engineer II' });
  const link = page.locator('legend').getByRole('button', { name: 'Kubernetes', exact: true }).first();
  await expect(link).toBeVisible();
  await link.focus();
  await page.keyboard.press('Enter');
  const popover = page.locator('.term-pop:popover-open');
  await expect(popover).toContainText('container orchestration');
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await expect(popover).toHaveCount(0);
  await expect(link).toBeFocused();

  // Your own note names a term: it is listed under the note, linked.
  const card = page.locator('.criterion').first();
  await card.getByText('Evidence, note and other views').click();
  await card.getByLabel('Note to yourself').fill('Ask about our SLOs before the review.');
  const mention = card.locator('.term-mentions').getByRole('button', { name: 'Service level objective' });
  await mention.click();
  // Followed by keyboard: a pointer can find the link under the readiness
  // bar pinned at the bottom while the anchored popover follows the scroll.
  const follow = popover.getByRole('link', { name: 'Open “Service level objective” in the glossary' });
  await follow.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Service level objective' })).toBeVisible();
});

/** The contrast ratio of two computed CSS colours, "rgb(r, g, b)". */
function contrast(a, b) {
  const luminance = (color) => {
    const [r, g, b] = color.match(/[\d.]+/g).slice(0, 3).map((c) => {
      const v = Number(c) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

test('marked matches are readable in light and dark', async ({ page }) => {
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    await open(page, '#/glossary');
    const search = page.getByRole('searchbox', { name: 'Search the glossary' });
    // Marks in a name (a link), an alias (muted text) and a definition.
    for (const query of ['tech', 'k8', 'orchestr']) {
      await search.fill(query);
      await expect(page.locator('.term-result mark').first()).toBeVisible();
      const colours = await page
        .locator('.term-result mark')
        .evaluateAll((marks) => marks.map((m) => [getComputedStyle(m).color, getComputedStyle(m).backgroundColor]));
      for (const [text, background] of colours) {
        expect(contrast(text, background), `${colorScheme}, “${query}”: ${text} on ${background}`).toBeGreaterThanOrEqual(4.5);
      }
    }
    await expectAccessible(page);
  }
});

test('opening a tool leaves its summary where it was; adding a term starts in its first field', async ({ page }) => {
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 800 });
    await open(page, '#/glossary');
    for (const name of ['Add your own term', 'Practise', 'Export']) {
      const summary = page.locator('summary', { hasText: name });
      const where = () =>
        summary.evaluate((el) => {
          const box = el.getBoundingClientRect();
          return { left: box.left + window.scrollX, top: box.top + window.scrollY };
        });
      const before = await where();
      await summary.click();
      await expect(page.locator('details', { has: summary })).toHaveJSProperty('open', true);
      if (name === 'Add your own term') {
        await expect(page.getByLabel('Term', { exact: true })).toBeFocused();
      }
      expect(await where(), `${name} at ${width} px`).toEqual(before);
      await summary.click();
      await expect(page.locator('details', { has: summary })).not.toHaveJSProperty('open', true);
    }
  }
});

test('practice: each verdict looks different, a blank answer is not judged, "Show me", and a missed term joins the learning list', async ({ page }) => {
  // Error budget on the learning list: a round of one known question.
  await open(page, '#/glossary/error-budget');
  await page.getByRole('radio', { name: 'Learning' }).check();
  await page.getByRole('link', { name: '← Back to the glossary' }).click();
  await page.getByText('Practise', { exact: true }).click();
  await page.getByLabel('Practise with').selectOption('My learning list');
  const answer = page.getByLabel('Which term is this?');
  const feedback = page.locator('#practice-feedback');

  // A blank answer is not judged: the question stays, nothing is counted.
  await page.getByRole('button', { name: 'Start practising' }).click();
  await expect(answer).toBeFocused();
  // Verdicts are announced politely.
  await expect(feedback).toHaveRole('status');
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(feedback).toContainText('Type the term first, or choose “Show me” to see it. Nothing has been counted.');
  await expect(answer).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Question 1 of 1' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Check' })).toBeVisible();
  await answer.fill('e');
  await expect(feedback).toHaveText('');

  // Right, nearly right, wrong and shown: each with its own mark, words and look.
  const looks = {};
  const verdicts = [
    ['Error budget', 'Right: Error budget.'],
    ['eror budget', 'Nearly right: it is spelled Error budget. Counted as known.'],
    ['latency', 'Not this time: it is Error budget.'],
    [null, 'The answer: Error budget. Counted as not known this time.'],
  ];
  for (const [typed, said] of verdicts) {
    if (typed === null) {
      await page.getByRole('button', { name: 'Show me' }).click();
      await expect(answer).toBeFocused();
      await expect(page.getByRole('button', { name: 'Show me' })).toBeHidden();
    } else {
      await answer.fill(typed);
      await answer.press('Enter');
    }
    await expect(feedback).toContainText(said);
    const note = feedback.locator('.verdict');
    looks[said] = await note.evaluate((el) => {
      const style = getComputedStyle(el);
      return {
        mark: el.querySelector('.verdict-mark').textContent,
        look: `${style.backgroundColor} ${style.borderTopColor} ${style.borderTopStyle}`,
      };
    });
    if (typed === 'Error budget') await expectAccessible(page);
    if (typed === 'latency' || typed === null) {
      // Missed, but already on the learning list: it says so, no button.
      await expect(page.getByText('“Error budget” is on your learning list already.')).toBeVisible();
      await expect(page.getByRole('button', { name: /to my learning list/ })).toHaveCount(0);
    } else {
      await expect(page.getByText(/on your learning list|to my learning list/)).toHaveCount(0);
    }
    await page.getByRole('button', { name: 'See how you did' }).click();
    const right = typed === 'Error budget' || typed === 'eror budget' ? 1 : 0;
    await expect(page.getByRole('heading', { name: `You knew ${right} of 1` })).toBeFocused();
    if (typed === null) {
      await expect(page.getByRole('listitem').filter({ hasText: 'Error budget: Shown' })).toBeVisible();
    } else {
      await page.getByRole('button', { name: 'Practise again' }).click();
    }
  }
  const marks = Object.values(looks).map((l) => l.mark);
  const colours = Object.values(looks).map((l) => l.look);
  expect(new Set(marks).size, JSON.stringify(looks)).toBe(4);
  expect(new Set(colours).size, JSON.stringify(looks)).toBe(4);

  // A term not yet started, missed: one click puts it on the learning list.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.reload();
  await page.getByText('Practise', { exact: true }).click();
  await page.getByLabel('Practise with').selectOption('Terms I have not started');
  await page.getByRole('button', { name: 'Start practising' }).click();
  await page.getByRole('button', { name: 'Show me' }).click();
  const term = await feedback.getByRole('link').textContent();
  const href = await feedback.getByRole('link').getAttribute('href');
  const id = href.split('/').pop();
  await expectAccessible(page);
  await page.getByRole('button', { name: `Add “${term}” to my learning list` }).click();
  const added = page.getByText(`Added “${term}” to your learning list.`);
  await expect(added).toBeFocused();
  await expect
    .poll(async () => JSON.parse(await stored(page)).data.vocabulary?.familiarity?.[id])
    .toBe('learning');
  await expectAccessible(page);
});
