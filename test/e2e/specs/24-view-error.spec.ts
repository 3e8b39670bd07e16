import { env, test } from '../fixtures';
import type { BrowserContext } from '@playwright/test';
import type { Page } from '@playwright/test';
import { assert } from '../harness';
import type { E2EEnv } from '../fixtures';
import type { ProeftuinHook } from '../../../src/testHook';
import { typeInto } from '../typing';
const RUNS = 200;
const POPULATION = '[data-path="region.population"]';
const FAULT = 'test fault in the view "fan"';
const setFault = (page: Page, view: string | undefined) =>
  page.evaluate((v) => {
    if (v === undefined) delete window.__proeftuinViewFault;
    else window.__proeftuinViewFault = v;
  }, view);
/** An edit the page runs by itself (200–400 ms after the last key); the run after `after` is waited for. */
async function editAndRun(env: E2EEnv, page: Page, population: string, after: ProeftuinHook): Promise<ProeftuinHook> {
  await typeInto(page, POPULATION, population);
  const h = await env.waitDone(page, after.generation + 1, 120_000);
  assert(h.summary?.runs === RUNS && !h.shownPartial, `run after the edit: ${h.summary?.runs} runs, partial ${h.shownPartial}`);
  assert(h.summary.minimumSavingsRate.population === Number(population), `run population ${h.summary.minimumSavingsRate.population}`);
  return h;
}
/** The headline shows exactly this run's last-year numbers (not an earlier run's). */
async function headlineIs(page: Page, h: ProeftuinHook): Promise<void> {
  const last = h.summary!.years.at(-1)!;
  const val = async (id: string) => Number(await page.getAttribute(`[data-testid="${id}"]`, 'data-value'));
  assert((await val('headline-cf-total')) === last.cf.total.mean, 'headline cost without the scenario ≠ this run');
  assert((await val('headline-sc-total')) === last.sc.total.mean, 'headline cost with the scenario ≠ this run');
}

/**
 * A view that throws on a run's results: it says so in its place, in the interface language; the
 * other views and the run's numbers stay; the test hook keeps reporting; the next run draws it
 * again. The fault is the test hook's (`window.__proeftuinViewFault`), thrown where the view draws.
 */
test.describe.serial('24-view-error', () => {
  let ctx: BrowserContext;
  let page: Page;

  test.beforeAll(async () => {
    // The fault itself may be reported; anything else is a problem.
    ({ ctx, page } = await env.openPage((t) => t.includes(FAULT)));
  });
  test('a view that throws says so in its place (nl, en); the other views and the numbers stay; the next run draws it again', async () => {
    await page.goto(`${env.baseUrl}?runs=${RUNS}`);
    const first = await env.waitDone(page, 1, 120_000);
    await page.waitForSelector('[data-testid="fan-chart"]', { timeout: 20_000 });
    assert((await page.locator('[data-testid="view-error"]').count()) === 0, 'a view error before any fault');

    // The chart drew the first run; it throws on the next one.
    await setFault(page, 'fan');
    const broken = await editAndRun(env, page, '150000', first);
    await page.waitForSelector('[data-testid="view-error"][data-view="fan"]', { timeout: 20_000 });
    const errors = await page.$$eval('[data-testid="view-error"]', (els) => els.map((e) => e.getAttribute('data-view')));
    assert(errors.length === 1 && errors[0] === 'fan', `failed views: ${errors.join(', ')}`);
    assert((await page.locator('[data-testid="fan-chart"]').count()) === 0, 'the chart of the previous run is still on screen');
    const nl = (await page.textContent('[data-testid="view-error"]')) ?? '';
    assert(nl.startsWith('Dit onderdeel kon niet worden getekend: ') && nl.includes(FAULT), `Dutch message: ${nl}`);
    // The run is done and its numbers are shown everywhere else.
    assert(broken.state === 'done' && broken.settled && !broken.error, `hook: ${broken.state}, settled ${broken.settled}, ${broken.error ?? ''}`);
    await headlineIs(page, broken);
    for (const id of ['summary-band', 'headline', 'lines-chart', 'reduction-chart', 'fin-table', 'tornado-chart'])
      await page.waitForSelector(`[data-testid="${id}"]`, { state: 'attached', timeout: 20_000 }).catch(() => {
        throw new Error(`${id} missing beside the failed view`);
      });
    await page.click('[data-testid="lang-en"]');
    const en = (await page.textContent('[data-testid="view-error"]')) ?? '';
    assert(en.startsWith('This part could not be drawn: ') && en.includes(FAULT), `English message: ${en}`);
    await page.click('[data-testid="lang-nl"]');
    await page.locator('[data-testid="view-error"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${env.artifacts}/24-view-error.png` });

    // Still failing: another run keeps the message (and a fresh one), not a stale chart.
    const still = await editAndRun(env, page, '140000', broken);
    assert((await page.locator('[data-testid="view-error"][data-view="fan"]').count()) === 1, 'the message went while the view still fails');
    await headlineIs(page, still);

    // The fault is gone: the next valid edit runs and the chart draws again.
    await setFault(page, undefined);
    const again = await editAndRun(env, page, '160000', still);
    await page.waitForSelector('[data-testid="fan-chart"]', { timeout: 20_000 });
    assert((await page.locator('[data-testid="view-error"]').count()) === 0, 'the error message stayed after the view recovered');
    assert(again.generation > still.generation && again.settled, `hook after recovery: generation ${again.generation}, settled ${again.settled}`);
    await headlineIs(page, again);
    console.log(`    fan chart failed on runs ${broken.generation} and ${still.generation}, drawn again on run ${again.generation}; headline and other views current throughout`);
    // Any other page or console error fails the test (the fixture's rule).
  });
  test.afterAll(async () => {
    await ctx.close();
  });
});
