import { env, test, waitDone } from '../fixtures';
import type { BrowserContext, Page } from '@playwright/test';
import { assert } from '../harness';

/**
 * The printed appendix of assumptions is made once a run's results are on screen, not while the
 * workers need the cores; a page printed before that (during a long run) still carries it, made
 * when the browser announces the print.
 */
const rows = (page: Page) => page.evaluate(() => document.querySelectorAll('[data-testid="print-assumptions"] .apx-row').length);

test.describe('print appendix', () => {
  let ctx: BrowserContext | undefined;
  test.afterAll(async () => ctx?.close());

  test('printed during a run: the appendix is made at once; after the run it is there by itself', async () => {
    const opened = await env.openPage();
    ctx = opened.ctx;
    const page = opened.page;
    // Enough runs that the run is still going when the first partial results are on screen.
    await page.goto(`${env.baseUrl}?runs=20000`);
    await page.waitForFunction(() => (window as any).__proeftuin?.shownPartial === true, null, { timeout: 120_000, polling: 100 });
    // A second partial summary: every view has been drawn at least once since the first, so a
    // table queued behind them would be there by now.
    const first = (await page.evaluate(() => (window as any).__proeftuin.shownRuns)) as number;
    await page.waitForFunction((n) => (window as any).__proeftuin.shownRuns > n, first, { timeout: 120_000, polling: 100 });
    const during = await page.evaluate(() => ({
      n: document.querySelectorAll('[data-testid="print-assumptions"] .apx-row').length,
      state: (window as any).__proeftuin.state as string,
    }));
    // The browser fires beforeprint before it lays the page out for paper; the rows must exist by then.
    const printed = await page.evaluate(() => {
      window.dispatchEvent(new Event('beforeprint'));
      const n = document.querySelectorAll('[data-testid="print-assumptions"] .apx-row').length;
      window.dispatchEvent(new Event('afterprint'));
      return { n, state: (window as any).__proeftuin.state as string };
    });
    console.log(`    during the run: ${during.n} appendix rows before printing (run ${during.state}), ${printed.n} when printed (run ${printed.state})`);
    assert(during.state === 'running' && during.n === 0, `the appendix was made during the run (${during.n} rows, run ${during.state})`);
    assert(printed.state === 'running' && printed.n > 10, `printed during the run: ${printed.n} appendix rows (state ${printed.state})`);

    await page.goto(`${env.baseUrl}?runs=200`);
    await waitDone(page);
    await page.waitForSelector('[data-testid="print-assumptions"] .apx-row', { state: 'attached', timeout: 30_000 });
    assert((await rows(page)) > 10, 'no appendix after the run');
  });
});
