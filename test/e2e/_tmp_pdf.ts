import { chromium } from 'playwright-core';
import { serveStatic } from './server';
const lang = process.argv[2] ?? 'nl';
const out = process.argv[3] ?? '/tmp/i12b/base';
const server = await serveStatic('/work/wt/i12b/dist');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
const page = await ctx.newPage();
page.on('console', (m) => { if (m.type() === 'error') console.log('console', m.text()); });
await page.goto(`${server.url}?runs=200`);
await page.waitForFunction(() => (window as any).__proeftuin?.state === 'done', null, { timeout: 120000 });
if (lang === 'en') { await page.click('[data-testid=lang-en]'); }
await page.waitForTimeout(3000);
await page.emulateMedia({ media: 'print' });
await page.pdf({ path: `${out}-${lang}.pdf`, format: 'A4', printBackground: true });
await browser.close(); await server.close();
