import { env, test, waitDone, hookOf } from '../fixtures';
import type { BrowserContext, Page } from '@playwright/test';
import { assert } from '../harness';
import { typeInto } from '../typing';
import { defaultWithRuns, differences, nodeReference } from '../reference';
import type { Summary } from '../../../models/summary/summarize';

/**
 * After an edit of contract terms alone the page's workers settle the care they kept from the last
 * run, and the summary worker takes the unchanged statistics from its memo. What the page shows
 * must be the numbers of the edited scenario run from scratch, bit for bit, and going back to the
 * first terms must give the first numbers again.
 */
const RUNS = 300;
const SS = 2; // the default's one-sided shared-savings contract
const RATE = `[data-path="financing.models[${SS}].sharingRate.value"]`;

test.describe.serial('contract terms settled on the kept care', () => {
  let ctx: BrowserContext;
  let page: Page;
  let first: Summary;
  let generation = 0;
  test.beforeAll(async () => {
    ctx = await env.newContext(env.browser);
    page = await ctx.newPage();
    env.watch(page);
    await page.goto(`${env.baseUrl}?runs=${RUNS}`);
    const h = await waitDone(page);
    assert(h.summary?.runs === RUNS, `expected ${RUNS} runs, got ${h.summary?.runs}`);
    first = h.summary;
    generation = h.generation;
  });
  test.afterAll(async () => ctx?.close());

  test('a sharing rate typed key by key gives the numbers of the edited scenario run from scratch in Node', async () => {
    await typeInto(page, RATE, '65');
    const h = await waitDone(page, generation + 1);
    generation = h.generation;
    const edited = defaultWithRuns(RUNS);
    edited.financing.models[SS].sharingRate.value = 0.65;
    const ref = await nodeReference(edited, RUNS);
    assert(h.scenarioHash === ref.hash, `the page ran another scenario (hash ${h.scenarioHash} ≠ ${ref.hash})`);
    const diff = differences(h.summary, ref.summary);
    assert(diff.length === 0, `settled numbers differ from a run from scratch:\n      ${diff.join('\n      ')}`);
    // The edit took effect: the contract's numbers moved, the care's did not.
    const m = (s: Summary) => s.financing.models[SS].horizon.hospital.result.mean;
    assert(m(h.summary!) !== m(first), 'the hospital result under the edited contract did not change');
    assert(differences(h.summary!.years, first.years).length === 0, 'the care changed with a contract term');
  });

  test('back to the first sharing rate gives the first numbers again, bit for bit', async () => {
    await typeInto(page, RATE, '50');
    const h = await waitDone(page, generation + 1);
    generation = h.generation;
    const diff = differences(h.summary, first);
    assert(diff.length === 0, `back to 50% differs from the first run:\n      ${diff.join('\n      ')}`);
  });

  test('an edit of care after it is simulated afresh and equals Node', async () => {
    await typeInto(page, '[data-path="region.population"]', '150000');
    const h = await waitDone(page, generation + 1);
    generation = h.generation;
    const edited = defaultWithRuns(RUNS);
    edited.region.population = 150000;
    const ref = await nodeReference(edited, RUNS);
    const diff = differences(h.summary, ref.summary);
    assert(diff.length === 0, `numbers after a care edit differ from Node:\n      ${diff.join('\n      ')}`);
    assert((await hookOf(page)).state === 'done', 'page not done');
  });
});
