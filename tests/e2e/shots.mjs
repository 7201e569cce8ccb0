// Scratch: screenshots of the pages this change touched (deleted after).
import { chromium } from '@playwright/test';
import { serve } from './serve.mjs';
import { launchOptions } from './chromium.mjs';
import { yearOfData } from './year.mjs';

const server = await serve(4177);
const browser = await chromium.launch(launchOptions);
const data = yearOfData();
const shots = [
  ['goal', '#/plan/goal-1'],
  ['checkins', '#/plan/check-ins'],
  ['weeks', '#/plan/weeks'],
];
for (const [scheme, width] of [['light', 1280], ['dark', 1280], ['light', 320]]) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
  const page = await context.newPage();
  await page.addInitScript((text) => { if (!sessionStorage.getItem('seeded')) { localStorage.setItem('rungs.document', text); sessionStorage.setItem('seeded', '1'); } }, JSON.stringify({ version: 4, revision: 1, saved_at: 1, data: { ...data, preferences: {} } }));
  for (const [name, hash] of shots) {
    await page.goto(`http://127.0.0.1:4177/index.html${hash}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    if (name === 'goal') {
      await page.getByRole('button', { name: /Delete the milestone/ }).first().click();
      await page.getByRole('status').filter({ hasText: 'Deleted the milestone' }).waitFor();
      await page.getByRole('button', { name: 'Add the milestone' }).click();
      await page.getByText('Name the milestone first').waitFor();
    }
    await page.screenshot({ path: `/tmp/shot-${name}-${scheme}-${width}.png`, fullPage: width === 320 ? false : false });
  }
  await context.close();
}
await browser.close();
server.close();
