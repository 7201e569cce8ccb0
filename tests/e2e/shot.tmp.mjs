import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { launchOptions } from './chromium.mjs';
const fixture = readFileSync('../fixtures/document-v4.json', 'utf8');
const browser = await chromium.launch(launchOptions);
const routes = (process.env.ROUTES ?? '#/plan').split(',');
for (const [width, scheme] of [[1280, 'light'], [360, 'dark']]) {
  const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
  await page.addInitScript((f) => { if (!localStorage.getItem('rungs.document')) localStorage.setItem('rungs.document', f); }, fixture);
  for (const route of routes) {
    await page.goto(`http://127.0.0.1:4180/${route}`);
    await page.waitForTimeout(600);
    if (process.env.ACTIONS) await eval(process.env.ACTIONS);
    const name = route.replace(/[#/]/g, '_');
    await page.screenshot({ path: `/tmp/shot${name}-${width}.png`, fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    console.log(route, width, 'overflow', overflow);
  }
  await page.close();
}
await browser.close();
