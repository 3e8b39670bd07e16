import { env, test } from '../fixtures';
import type { BrowserContext, Page } from '@playwright/test';
import { assert } from '../harness';

/**
 * The default scenario's contract assumes 3.35% a year against an expected cost growth of 3.42%:
 * the financing view says how far the benchmark drifts without any change, in both languages.
 */
test.describe.serial('benchmark-drift', () => {
  let ctx: BrowserContext;
  let page: Page;
  test.beforeAll(async () => {
    ctx = await env.newContext(env.browser);
    page = await ctx.newPage();
    env.watch(page);
  });
  test('financing view: the benchmark drift notice (nl and en)', async () => {
    await page.goto(`${env.baseUrl}?runs=200`);
    await env.waitDone(page);
    const note = page.getByTestId('benchmark-drift');
    await note.waitFor({ timeout: 30_000 });
    await page.getByTestId('lang-nl').click();
    const nl = (await note.textContent()) ?? '';
    assert(/3,35%/.test(nl) && /3,42%/.test(nl) && /−0,8%/.test(nl) && /2036/.test(nl), `nl: ${nl}`);
    await page.getByTestId('lang-en').click();
    const en = (await note.textContent()) ?? '';
    assert(/3\.35%/.test(en) && /3\.42%/.test(en) && /−0\.8%/.test(en) && /2036/.test(en), `en: ${en}`);
  });
  test.afterAll(async () => {
    await ctx.close();
  });
});
