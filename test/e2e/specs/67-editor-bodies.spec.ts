import { env, test, waitDone, editTaken, hookOf } from '../fixtures';
import type { BrowserContext, Page } from '@playwright/test';
import { assert } from '../harness';
import { typeInto } from '../typing';

/**
 * The editor's closed groups make their fields when first opened, or in idle time after the first
 * answer, not at opening. What a person relies on must hold all the same: every field exists once
 * the page is idle (the browser's find-in-page reaches it), a group opened for the first time shows
 * its fields, and an error's link reaches a field whose group was never opened.
 */
const RUNS = 200;
const RATE = 'financing.models[2].sharingRate.value';
const TARGET = 'simulation.targetReduction';

const isAttached = (page: Page, path: string) => page.evaluate((p) => document.querySelector(`[data-path="${CSS.escape(p)}"]`) !== null, path);
const exists = (page: Page, selector: string) => page.evaluate((q) => document.querySelector(q) !== null, selector);
const groupOpen = (page: Page, id: string) => page.evaluate((g) => (document.querySelector(`[data-group="${g}"]`) as HTMLDetailsElement).open, id);

test.describe.serial('editor groups made on demand', () => {
  let ctx: BrowserContext;
  let page: Page;
  test.beforeAll(async () => {
    ctx = await env.newContext(env.browser);
    page = await ctx.newPage();
    env.watch(page);
    await page.goto(`${env.baseUrl}?runs=${RUNS}`);
  });
  test.afterAll(async () => ctx?.close());

  test('after the first answer every field of a closed group comes to exist without opening it', async () => {
    await waitDone(page);
    assert(!(await groupOpen(page, 'financing')), 'the financing group is open at opening');
    await page.waitForSelector(`[data-path="${RATE}"]`, { state: 'attached', timeout: 30_000 });
    assert(!(await groupOpen(page, 'financing')), 'making the fields opened the group');
    // Find-in-page reaches text inside closed groups: a contract's field label is in the document.
    const text = await page.evaluate(() => (document.querySelector('[data-group="financing"]') as HTMLElement).textContent ?? '');
    assert(/Deel van de besparing voor aanbieders/.test(text), `the financing group holds no contract terms yet: ${text.slice(0, 200)}`);
  });

  test("an error's link opens the groups around a field that was never made and focuses it, after a reload", async () => {
    // An invalid value in the simulation group, kept by the workspace across a reload: the page
    // then opens without running, the simulation group closed and not yet made.
    await typeInto(page, `[data-path="${TARGET}"]`, '2x');
    await editTaken(page);
    await page.waitForSelector('[data-testid="editor-errors"]');
    await page.reload();
    await page.waitForSelector('[data-testid="editor-errors"]', { timeout: 30_000 });
    assert(!(await groupOpen(page, 'simulation')), 'the simulation group is open after the reload');
    assert(!(await isAttached(page, TARGET)), 'the field was made before its group was opened or the page idle (the check below would prove nothing)');
    await page.click('[data-testid="editor-errors"] button.linklike');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-path'));
    assert(focused === TARGET, `focus is on ${focused}, not the field in error`);
    assert(await groupOpen(page, 'simulation'), 'the group around the field did not open');
    assert((await page.inputValue(`[data-path="${TARGET}"]`)) === '2x', 'the typed text was not kept');
    // Put right, so that the workspace this context keeps is valid again.
    await typeInto(page, `[data-path="${TARGET}"]`, '2');
    await editTaken(page);
    await page.waitForSelector('[data-testid="editor-errors"]', { state: 'detached' });
  });

  test('a group opened by a click shows its fields at once', async () => {
    // A fresh page on 20,000 runs: its answer, and the idle fill after it, are far off while the
    // clicks below are made (the page is closed before it comes).
    const fresh = await env.newContext(env.browser);
    try {
      const p = await fresh.newPage();
      env.watch(p);
      await p.goto(`${env.baseUrl}?runs=20000`);
      await p.waitForSelector('[data-group="interventions"] > summary');
      assert(!(await exists(p, '[data-testid="item-interventions[0]"]')), 'the interventions list was made before its group was opened (the check below would prove nothing)');
      await p.click('[data-group="interventions"] > summary');
      const item = p.locator('[data-group="interventions"] [data-testid="item-interventions[0]"]');
      await item.waitFor({ state: 'visible', timeout: 5000 });
      assert(!(await isAttached(p, 'interventions[0].name')), "the first intervention's fields were made before it was opened");
      await item.locator('> summary').click();
      await item.locator('[data-path="interventions[0].name"]').waitFor({ state: 'visible', timeout: 5000 });
      const fields = await item.locator('[data-path]').count();
      assert(fields > 3, `the first intervention shows ${fields} fields when opened`);
      assert((await hookOf(p)).state !== 'done', 'the answer came before the checks, so the idle fill may have made the fields');
    } finally {
      await fresh.close();
    }
  });
});
