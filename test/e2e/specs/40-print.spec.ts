import { env, test, eventually, languageShown, DEFAULT_SCENARIO } from '../fixtures';
import type { BrowserContext } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { assert } from '../harness';
import { readPng } from '../png';
/** A4 is 210 mm wide; print.css sets 14 mm margins: 182 mm of content, at 96 px per inch. */
const A4_CONTENT_PX = ((210 - 2 * 14) / 25.4) * 96;
/**
 * In the print-emulated page: each chart's box against the page's content width, and any visible
 * control. (A string: tsx would wrap named inner functions in a helper the page does not have.)
 */
const PRINT_LAYOUT = `(() => {
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return false;
    for (let p = el; p; p = p.parentElement) {
      const cs = getComputedStyle(p);
      if (cs.display === 'none' || cs.visibility === 'hidden') return false;
    }
    return true;
  };
  const charts = [...document.querySelectorAll('#results canvas, #results svg.svg-chart')].filter(visible).map((el) => {
    const r = el.getBoundingClientRect();
    const card = el.closest('[data-testid]')?.getAttribute('data-testid') ?? el.tagName;
    return { card, left: r.left, right: r.right, width: r.width };
  });
  const controls = [...document.querySelectorAll('button, select, input, textarea')].filter(visible).map((el) => el.tagName.toLowerCase() + ' ' + (el.textContent ?? '').trim().slice(0, 30) + ' ' + (el.getAttribute('data-testid') ?? ''));
  return { charts, controls, text: document.body.innerText };
})()`;
async function printLayout(page: Page): Promise<{ charts: { card: string; left: number; right: number; width: number }[]; controls: string[]; text: string }> {
  return page.evaluate(PRINT_LAYOUT);
}
/** Renders the PDF's pages to PNG (poppler's pdftoppm) and returns their files. */
function pdfPages(pdf: string, dir: string, prefix: string, dpi = 60): string[] {
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', pdf, join(dir, prefix)]);
  return readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.png'))
    .sort()
    .map((f) => join(dir, f));
}
/** English phrases of the interface and the default scenario that must not be in the Dutch report. */
const ENGLISH = [
  'A region of about',
  'Default scenario',
  'Numbers marked illustrative',
  'Printed on',
  'Who carries the risk',
  'What happens to care',
  'Assumptions and sources',
  'Total care cost',
  'Reduction',
  'worse off',
  'Chance that',
];
/** And Dutch ones that must not be in the English report. */
const DUTCH = ['Een regio van ongeveer', 'Standaardscenario', 'Afgedrukt op', 'Wie draagt het risico', 'Aannames en bronnen', 'Totale zorgkosten', 'slechter af'];

test.describe.serial('40-print', () => {
  let ctx: BrowserContext;
  let page: Page;
  let dir: string;
  test.beforeAll(async () => {
    ({ ctx, page } = await env.openPage());
    dir = join(env.artifacts, 'print');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    await page.goto(`${env.baseUrl}?runs=200`);
    await env.waitDone(page);
    // Financing, sensitivity and decision views mount in later tasks.
    await page.waitForSelector('[data-testid="print-assumptions"] .apx-row', { state: 'attached', timeout: 30_000 });
    await page.waitForSelector('[data-testid="fin-table"], .fin-table', { state: 'attached', timeout: 30_000 });
  });
  for (const lang of ['nl', 'en'] as const)
    test.describe.serial(() => {
      let drawn: { card: string; width: number }[];
      let screenSize: { width: number; height: number };
      let layout: { charts: { card: string; left: number; right: number; width: number }[]; controls: string[]; text: string };
      let pdf: string;
      let pngs: string[];
      test.beforeAll(async () => {
        if (lang === 'en') {
          await page.emulateMedia({ media: 'screen' });
          await page.click('[data-testid="lang-en"]');
          await languageShown(page, 'en');
        }
        // The print dialog's path: on beforeprint (screen layout still) every chart redraws at its width on paper.
        drawn = (await page.evaluate(`(async () => {
      window.dispatchEvent(new Event('beforeprint'));
      const out = [...document.querySelectorAll('#results canvas, #results svg.svg-chart')].filter((el) => el.getClientRects().length).map((el) => ({
        card: el.closest('[data-testid]')?.getAttribute('data-testid') ?? el.tagName,
        width: el instanceof HTMLCanvasElement ? parseFloat(el.style.width || String(el.width)) : Number((el.getAttribute('viewBox') || '0 0 0').split(' ')[2]),
      }));
      window.dispatchEvent(new Event('afterprint'));
      return out;
    })()`)) as { card: string; width: number }[];
      });
      test(`print (${lang}): before printing every chart redraws at most as wide as the A4 content`, async () => {
        assert(drawn.length >= 8, `only ${drawn.length} charts`);
        const wide = drawn.filter((c) => !(c.width > 0 && c.width <= A4_CONTENT_PX));
        assert(wide.length === 0, `drawn wider than ${A4_CONTENT_PX.toFixed(0)} px: ${wide.map((c) => `${c.card} ${c.width}`).join(', ')}`);
      });
      test(`print (${lang}): every chart lies inside the A4 content width`, async () => {
        // Print media in a window as wide as the paper's content: the layout the PDF gets.
        screenSize = page.viewportSize()!;
        await page.setViewportSize({ width: Math.floor(A4_CONTENT_PX), height: screenSize.height });
        await page.emulateMedia({ media: 'print' });
        // Charts redraw on the media change and on the resize; two frames for the queued redraws.
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        await eventually(async () => (await printLayout(page)).charts.every((c) => c.right <= A4_CONTENT_PX + 1 && c.left >= -1));
        layout = await printLayout(page);
        // Back to the screen: the PDF below is printed from the page as a user has it.
        await page.emulateMedia({ media: 'screen' });
        await page.setViewportSize(screenSize);
        await eventually(() => page.evaluate((a4) => [...document.querySelectorAll('.card canvas, .card svg')].some((c) => c.getBoundingClientRect().width > a4 + 1), A4_CONTENT_PX));
        assert(layout.charts.length >= 8, `only ${layout.charts.length} charts in print`);
        const out = layout.charts.filter((c) => c.right > A4_CONTENT_PX + 1 || c.left < -1);
        assert(out.length === 0, `charts beyond ${A4_CONTENT_PX.toFixed(0)} px: ${out.map((c) => `${c.card} ${c.left.toFixed(0)}–${c.right.toFixed(0)}`).join(', ')}`);
      });
      test(`print (${lang}): no button, select or input on paper`, async () => {
        assert(layout.controls.length === 0, `visible controls: ${layout.controls.slice(0, 8).join(' | ')}`);
      });
      test(`print (${lang}): the report is in one language`, async () => {
        const wrong = (lang === 'nl' ? ENGLISH : DUTCH).filter((p) => layout.text.includes(p));
        assert(wrong.length === 0, `phrases of the other language: ${wrong.join(', ')}`);
      });
      test(`print (${lang}): page 1 has the title, date, seed, runs and the three answers; the appendix shows labels, not paths`, async () => {
        const first = await page.evaluate(() => {
          const h = document.querySelector('[data-testid="print-header"]') as HTMLElement;
          const apx = document.querySelector('[data-testid="print-assumptions"]') as HTMLElement;
          return {
            text: h?.innerText ?? '',
            riskRows: document.querySelectorAll('[data-testid="print-risk-table"] tbody tr').length,
            apxText: apx?.innerText ?? '',
            apxRows: apx?.querySelectorAll('.apx-row').length ?? 0,
          };
        });
        // The title in the report's language (the default scenario names itself in both).
        // Word by word: the PDF's text may break the title over lines.
        const title: string = DEFAULT_SCENARIO.meta.title[lang];
        assert(
          title.split(/\s+/).every((w) => first.text.includes(w)),
          `no title on page 1 (${title})`,
        );
        assert(first.text.includes('proeftuin-default'), 'no seed on page 1');
        assert(first.text.includes('200 runs'), 'no run count on page 1');
        assert(/\d{4}/.test(first.text) && (lang === 'nl' ? first.text.includes('Afgedrukt op') : first.text.includes('Printed on')), 'no date on page 1');
        assert(first.riskRows >= 6, `risk table has ${first.riskRows} contracts`);
        assert(first.apxRows > 50, `appendix lists ${first.apxRows} assumptions`);
        assert(!/region\.segments\[\d+\]|\.costPerContact|substitution\[\d+\]/.test(first.apxText), 'appendix shows internal paths');
      });
      test(`print (${lang}): the PDF's pages keep a blank right margin (nothing cut at the paper's edge)`, async () => {
        pdf = join(dir, `report-${lang}.pdf`);
        // No media emulation: the PDF is printed with print media, as the browser's print would.
        await page.emulateMedia({ media: null });
        await page.pdf({ path: pdf, format: 'A4', printBackground: true });
        await page.emulateMedia({ media: 'screen' });
        pngs = pdfPages(pdf, dir, `page-${lang}`);
        console.log(`    print (${lang}): ${pngs.length} A4 pages → ${dir}`);
        // 1 summary page, the charts with their tables, 2–3 pages of assumptions (the old appendix alone was 8).
        assert(pngs.length >= 4 && pngs.length <= 20, `${pngs.length} pages`);
        for (const f of pngs) {
          const img = readPng(readFileSync(f));
          // 14 mm margin: the outer 10 mm of the right edge must be white on every page.
          const x0 = Math.floor(img.width * (1 - 10 / 210));
          let dark = 0;
          for (let y = 0; y < img.height; y++) for (let x = x0; x < img.width; x++) if (img.grey(x, y) < 235) dark++;
          assert(dark === 0, `${f}: ${dark} dark pixels in the right margin`);
        }
        // Page 1 is the summary: ink in its upper part.
        const p1 = readPng(readFileSync(pngs[0]));
        let ink = 0;
        for (let y = 0; y < p1.height / 3; y++) for (let x = 0; x < p1.width; x++) if (p1.grey(x, y) < 128) ink++;
        assert(ink > 500, `page 1 nearly blank (${ink} dark pixels)`);
      });
      test.afterAll(async () => {
        await page.emulateMedia({ media: 'screen' });
      });
    });
  test.afterAll(async () => {
    await ctx.close();
  });
});
