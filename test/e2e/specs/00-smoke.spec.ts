import { env, test } from '../fixtures';
import type { BrowserContext, Page } from '@playwright/test';
import { assert } from '../harness';

/** The feature runner itself: a fresh page opens the default scenario and finishes its run. */
test.describe.serial('00-smoke', () => {
  let ctx: BrowserContext;
  let page: Page;
  test.beforeAll(async () => {
    ({ ctx, page } = await env.openPage());
  });
  test('feature runner: a fresh page runs the default scenario', async () => {
    await page.goto(`${env.baseUrl}?runs=200`);
    const hook = await env.waitDone(page);
    assert(hook.summary?.runs === 200, `ran ${hook.summary?.runs} runs`);
  });
  test.afterAll(async () => {
    await ctx.close();
  });
});
