import { env, test } from '../fixtures';
import type { BrowserContext, Page } from '@playwright/test';
import { assert } from '../harness';
import { typeInto } from '../typing';
/** Enough runs that the run is still going when a worker is made to crash. */
const RUNS = 2000;

/**
 * A worker that crashes mid-run: what the run finished stays on screen, marked partial with the
 * reason; the previous run's numbers are not shown as if current; the next run works.
 */
test.describe.serial('23-faults', () => {
  let ctx: BrowserContext;
  let page: Page;

  test.beforeAll(async () => {
    // The crash itself is expected; anything else is a problem.
    ({ ctx, page } = await env.openPage((t) => /simulated worker crash/.test(t)));
  });
  test('a worker crashing mid-run: the finished runs are kept and shown as partial with the reason; the next run recovers', async () => {
    await page.goto(`${env.baseUrl}?runs=${RUNS}`);
    const first = await env.waitDone(page, 1, 180_000);
    // Typed key by key, the edit starts the next run by itself (200–400 ms after the last key).
    await typeInto(page, '[data-path="region.population"]', '150000');
    await page.waitForFunction(
      () => {
        const p = (window as any).__proeftuin;
        return p.state === 'running' && p.shownPartial && p.shownRuns > 0;
      },
      null,
      { timeout: 120_000, polling: 50 },
    );
    const sims = page.workers().filter((w) => w.url().includes('sim.worker'));
    assert(sims.length >= 1, 'no simulation worker');
    await sims[0].evaluate("setTimeout(() => { throw new Error('simulated worker crash'); }, 0)");
    await page.waitForFunction(() => (window as any).__proeftuin.state === 'error', null, { timeout: 60_000 });
    const h = await page.evaluate(() => (window as any).__proeftuin);
    assert(h.summary && h.summary.runs > 0 && h.summary.runs < RUNS, `kept ${h.summary?.runs} runs`);
    assert(h.shownPartial && h.shownRuns === h.summary.runs, `shown ${h.shownRuns} runs, partial ${h.shownPartial}`);
    assert(h.summary.years[0].population.mean < first.summary!.years[0].population.mean, "the previous run's numbers are on screen");
    const note = (await page.textContent('[data-testid="run-failed-partial"]')) ?? '';
    assert(note.includes('mislukt na') && note.includes('onvolledig') && /simulated worker crash|worker/.test(note), `Dutch note: ${note}`);
    await page.click('[data-testid="lang-en"]');
    const en = (await page.textContent('[data-testid="run-failed-partial"]')) ?? '';
    assert(en.includes('The run failed after') && en.includes('incomplete'), `English note: ${en}`);
    await page.click('[data-testid="lang-nl"]');
    await page.screenshot({ path: `${env.artifacts}/23-worker-crash.png` });
    console.log(`    crash after ${h.summary.runs} of ${RUNS} runs: kept and shown as partial; reason: ${note.slice(0, 140)}`);
    await page.click('[data-testid="run-button"]');
    const again = await env.waitDone(page, h.generation + 1, 180_000);
    assert(again.summary?.runs === RUNS && !again.shownPartial, `the next run: ${again.summary?.runs} runs`);
    assert((await page.locator('[data-testid="run-failed-partial"]').count()) === 0, 'the failure note stayed');
    // Any other page or console error fails the test (the fixture's rule).
  });
  test("a run the scenario's own numbers stop (one insured: no cost without the scenario) says why, and keeps the simulation workers", async () => {
    const sims = () => page.workers().filter((w) => w.url().includes('sim.worker'));
    const before = sims();
    assert(before.length === 2, `${before.length} simulation workers`);
    const g = (await page.evaluate(() => (window as any).__proeftuin.generation)) as number;
    await typeInto(page, '[data-path="region.population"]', '1');
    await page.waitForFunction(() => (window as any).__proeftuin.state === 'error', null, { timeout: 60_000 });
    const msg = (await page.textContent('[data-testid="run-error"]')) ?? '';
    assert(/totale kosten zonder het scenario zijn 0/.test(msg), `message: ${msg}`);
    // The workers are well (the numbers were the scenario's): the same two answer the next edit,
    // where new ones would make it wait for their start.
    const after = sims();
    assert(after.length === 2 && after.every((w) => before.includes(w)), `simulation workers replaced: ${before.length} before, ${after.filter((w) => !before.includes(w)).length} new`);
    await typeInto(page, '[data-path="region.population"]', '150000');
    const again = await env.waitDone(page, g + 1, 180_000);
    assert(again.summary?.runs === RUNS && !again.shownPartial, `the next run: ${again.summary?.runs} runs`);
    assert(
      sims().every((w) => before.includes(w)),
      'simulation workers replaced for the next run',
    );
  });
  test.afterAll(async () => {
    await ctx.close();
  });
});
