import { env, test, eventually, DEFAULT_SCENARIO } from '../fixtures';
import type { BrowserContext, Page } from '@playwright/test';
import { assert } from '../harness';
import { storedWorkspace } from '../stored';

/**
 * The opening state: from the first paint until the first run of the default scenario has
 * finished, the page never says "no results yet" (the run is about to start or running), in
 * either language.
 */
test.describe.serial('44-opening', () => {
  for (const lang of ['nl', 'en'] as const)
    test.describe.serial(() => {
      let ctx: BrowserContext;
      let page: Page;
      test.beforeAll(async () => {
        ({ ctx, page } = await env.openPage());
        // Watches every text the page shows from the document's start, before any script of the app
        // (a string: the test runner's transform would add helpers a page does not have). It also
        // records the progress text, so the check cannot pass by watching nothing.
        await page.addInitScript(`(() => {
      const seen = [];
      window.__openingSeen = seen;
      new MutationObserver(() => {
        const text = document.body ? document.body.innerText : '';
        for (const w of ['Nog geen resultaten', 'No results yet', 'Bezig met doorrekenen', 'Running'])
          if (text.includes(w) && !seen.includes(w)) seen.push(w);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    })()`);
        await page.goto(`${env.baseUrl}?runs=200&lang=${lang}`);
      });
      test(`opening (${lang}): while the first run is about to start and running, no "no results yet"`, async () => {
        await env.waitDone(page, 1, 120_000);
        const seen = (await page.evaluate(() => (window as any).__openingSeen)) as string[];
        assert(seen.includes(lang === 'nl' ? 'Bezig met doorrekenen' : 'Running'), `the watcher saw no progress text: ${JSON.stringify(seen)}`);
        const none = seen.filter((w) => w.startsWith('Nog geen') || w.startsWith('No results'));
        assert(none.length === 0, `the page said ${JSON.stringify(none)} before the first results`);
      });
      test(`cost tables (${lang}) at 1366 px: the cost per year and per line fit their cards, in € mln`, async () => {
        await page.setViewportSize({ width: 1366, height: 768 });
        for (const id of ['fan', 'lines']) {
          const toggle = await page.waitForSelector(`[data-testid="${id}-table-toggle"]`, { timeout: 30_000 });
          await toggle.scrollIntoViewIfNeeded();
          await toggle.click();
          const table = await page.waitForSelector(`[data-testid="${id}-table"]`);
          const [sw, cw] = await table.evaluate((t) => [t.scrollWidth, t.clientWidth]);
          const text = (await table.textContent()) ?? '';
          await toggle.click();
          assert(sw <= cw + 1, `${id} table ${sw} px wide in a ${cw} px card`);
          assert(/mln/.test(text), `${id} table not in € mln: ${text.slice(0, 120)}`);
        }
      });
      if (lang === 'nl')
        test.describe.serial(() => {
          test('"Standaardscenario" keeps the current scenario in the workspace first (typed edit and all)', async () => {
            const field = await page.waitForSelector('[data-path="region.population"]', { state: 'attached' });
            await field.evaluate((e) => {
              for (let p = e.parentElement; p; p = p.parentElement) if (p instanceof HTMLDetailsElement) p.open = true;
            });
            await field.focus();
            await page.keyboard.press('ControlOrMeta+A');
            await page.keyboard.type('90000', { delay: 40 });
            const before = await page.$$eval('[data-testid="saved-item"]', (lis) => lis.length);
            await page.click('[data-testid="reset-scenario"]');
            await page.waitForFunction((n) => document.querySelectorAll('[data-testid="saved-item"]').length === n + 1, before, { timeout: 5000 });
            const now = (await page.evaluate(() => (window as any).__proeftuinEditor?.scenario())) as any;
            assert(now.region.population === DEFAULT_SCENARIO.region.population, `not the default scenario after the reset: ${now.region.population}`);
            await eventually(async () => ((await storedWorkspace(page)).saved as any[]).some((x) => x.scenario?.region?.population === 90000)); // the workspace save is debounced
            const saved = (await storedWorkspace(page)).saved as any[];
            assert(
              saved.some((x) => x.scenario?.region?.population === 90000),
              `the typed scenario is not kept: ${JSON.stringify(saved.map((x) => x.scenario?.region?.population))}`,
            );
            const text = await page.textContent('[data-testid="saved-item"]:last-child');
            assert((text ?? '').includes(DEFAULT_SCENARIO.meta.title.nl), `kept item: ${text}`);
          });
        });
      test.afterAll(async () => {
        await ctx.close();
      });
    });
});
