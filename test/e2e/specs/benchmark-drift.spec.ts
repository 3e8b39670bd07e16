import { env, test } from '../fixtures';
import type { BrowserContext, Page } from '@playwright/test';
import { assert } from '../harness';

/**
 * The default scenario's contract assumes a trend below its expected cost growth (3.35% against
 * 3.39%): the financing view says how far the benchmark drifts without any change, in both
 * languages, with the numbers of the page's own summary.
 */
test.describe.serial('benchmark-drift', () => {
  let ctx: BrowserContext;
  let page: Page;
  test.beforeAll(async () => {
    ({ ctx, page } = await env.openPage());
  });
  test('financing view: the benchmark drift notice (nl and en)', async () => {
    await page.goto(`${env.baseUrl}?runs=200`);
    const hook = await env.waitDone(page);
    const d = hook.summary!.benchmarkDrift!;
    const p = (x: number, n: number, sep: string) => (100 * x).toFixed(n).replace('.', sep);
    const want = (sep: string) => [p(d.assumedTrend, 2, sep), p(d.expectedGrowth, 2, sep), `−${p(-d.lastYear, 1, sep)}`].map((x) => `${x}%`);
    const note = page.getByTestId('benchmark-drift');
    await note.waitFor({ timeout: 30_000 });
    await page.getByTestId('lang-nl').click();
    const nl = (await note.textContent()) ?? '';
    assert(d.lastYear < 0 && want(',').every((x) => nl.includes(x)) && /2036/.test(nl), `nl: ${nl} (want ${want(',').join(', ')})`);
    await page.getByTestId('lang-en').click();
    const en = (await note.textContent()) ?? '';
    assert(want('.').every((x) => en.includes(x)) && /2036/.test(en), `en: ${en} (want ${want('.').join(', ')})`);
  });
  test.afterAll(async () => {
    await ctx.close();
  });
});
