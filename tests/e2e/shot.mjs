import { chromium } from '@playwright/test';
import { launchOptions } from './chromium.mjs';
import { serve } from './serve.mjs';
const port = 4199;
const server = await serve(port);
const browser = await chromium.launch(launchOptions);
const [route, width, scheme, out] = process.argv.slice(2);
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 }, colorScheme: scheme });
const errors = [];
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
page.on('pageerror', (e) => errors.push(String(e.stack).slice(0, 2000)));
await page.goto(`http://127.0.0.1:${port}/${route}`);
await page.waitForSelector('h1');
const csv = ['Track,Level,Area,Criterion,Examples',
  'Engineering,Engineer,Craft,Writes tests for the code they change,Adds a regression test with each fix',
  'Engineering,Engineer,Craft,Reviews code within a day of being asked,',
  'Engineering,Engineer,Delivery,Ships in small steps,',
  'Engineering,Senior Engineer 2 (People Manager),Craft,Designs services for the team,',
  'Engineering,Senior Engineer 2 (People Manager),Delivery,Plans a quarter of work with the team,'].join('\n');
const step = process.env.STEP ?? '';
if (step) {
  await page.getByLabel('Ladder file').setInputFiles({ name: 'acme.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Add and use this ladder' }).click();
  await page.goto(`http://127.0.0.1:${port}/#/assess`);
  await page.getByLabel('Current level').selectOption({ label: 'Engineer' });
  await page.getByRole('radiogroup', { name: /^Reviews code/ }).getByRole('radio', { name: 'Consistently' }).check();
  await page.goto(`http://127.0.0.1:${port}/#/rubric`);
  await page.getByLabel('Ladder file').setInputFiles({ name: 'acme.csv', mimeType: 'text/csv', buffer: Buffer.from(csv.replace('within a day of being asked', 'the same day it is asked')) });
  await page.getByRole('heading', { name: /A new version/ }).waitFor();
  if (step === 'update') { await page.getByRole('button', { name: /^Update/ }).click(); }
  if (step === 'edit') { await page.getByRole('button', { name: /^Update/ }).click(); await page.getByRole('button', { name: 'Edit this ladder' }).click(); }
}
await page.waitForTimeout(500);
await page.screenshot({ path: out, fullPage: true });
console.log(errors.join('\n'));
await browser.close();
server.close();
