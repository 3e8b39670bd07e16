import { DEFAULT_SCENARIO, env, test, languageShown, eventually, noEditorErrors } from '../fixtures';
import type { BrowserContext, Page } from '@playwright/test';
import { join } from 'node:path';
import { assert } from '../harness';
import { reveal } from '../page';
import { DEFAULT_SCOPE, LINE_FACTS } from '../../../models/core/lines';
import { LINES } from '../../../models/core/names';
import type { ProeftuinHook } from '../../../src/testHook';

/**
 * A contract's scope, added in the editor: offered among the optional fields of the contract's
 * own kind, shown as the care lines by name in the interface language with today's scope ticked;
 * naming today's scope leaves every number as it was, leaving a line out changes that contract's.
 */
/** The default scenario's one-sided shared-savings contract. */
const SS = 'ss-one';
const M = (DEFAULT_SCENARIO.financing.models as { id: string }[]).findIndex((m) => m.id === SS);
/** Today's scope without pharmacy, the line this spec leaves out. */
const WITHOUT_PHARMACY = DEFAULT_SCOPE.filter((l) => l !== 'pharmacy');
/**
 * Runs of the default scenario: the checks compare a run with a run of the same count (the same
 * seed gives the same numbers) or look for any change, which holds at any count.
 */
const RUNS = 100;
const item = `[data-testid="item-financing.models[${M}]"]`;
const addSel = `[data-testid="add-field-financing.models[${M}]"]`;
const scopeBox = `${item} [data-testid="scope-lines"]`;

/** The summary band's change vs the status quo per contract and party, as shown. */
const bandCells = (page: Page) =>
  page.$$eval('[data-testid="band-table"] tbody tr[data-model]', (trs) =>
    Object.fromEntries(
      trs.map((tr) => [tr.getAttribute('data-model')!, [...tr.querySelectorAll('td[data-party]')].map((td) => `${td.getAttribute('data-party')}=${td.getAttribute('data-change')}`).join(' ')]),
    ),
  ) as Promise<Record<string, string>>;

/** Starts a run after an edit unless one started by itself, and waits for a run newer than `after`. */
async function runAfter(page: Page, after: ProeftuinHook): Promise<ProeftuinHook> {
  await page.waitForFunction(() => !(document.querySelector('[data-testid="run-button"]') as HTMLButtonElement | null)?.disabled, null, { timeout: 10_000 });
  if (!(await page.isDisabled('[data-testid="run-button"]'))) await page.click('[data-testid="run-button"]').catch(() => undefined);
  return env.waitDone(page, after.generation + 1);
}

/** The scope field in the middle of the window at 1366×768 and 1920×1080, then the spec's own window size again. */
async function scopeShots(page: Page, lang: 'nl' | 'en'): Promise<void> {
  const own = page.viewportSize()!;
  for (const [w, h] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.locator(scopeBox).evaluate((e) => e.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: join(env.artifacts, `64-scope-${lang}-${w}.png`) });
  }
  await page.setViewportSize(own);
}

const lineLabels = (page: Page) =>
  page.$$eval(`${scopeBox} label.check`, (ls) => ls.map((l) => ({ text: (l.textContent ?? '').trim(), checked: (l.querySelector('input') as HTMLInputElement).checked })));
const editorScope = (page: Page) => page.evaluate((m) => (window as any).__proeftuinEditor?.scenario()?.financing?.models?.[m]?.scope, M) as Promise<string[] | undefined>;

test.describe.serial('64-contract-scope', () => {
  let ctx: BrowserContext;
  let page: Page;
  let first: ProeftuinHook;
  let before: Record<string, string>;
  test.beforeAll(async () => {
    ({ ctx, page } = await env.openPage());
    assert(M >= 0 && DEFAULT_SCOPE.includes('pharmacy'), `the default scenario has ${SS} and pharmacy in today's scope`);
    await page.goto(`${env.baseUrl}?runs=${RUNS}`);
    first = await env.waitDone(page);
    before = await bandCells(page);
    assert(before[SS] && Object.keys(before).length > 1, `band rows: ${Object.keys(before).join(', ')}`);
  });
  test("scope: offered on the shared-savings contract, added with today's scope ticked, lines by name (nl)", async () => {
    await reveal(page, addSel);
    const offered = await page.$$eval(`${addSel} option`, (os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, text: (o.textContent ?? '').trim() })));
    const scope = offered.find((o) => o.value === 'scope');
    assert(scope?.text === 'Zorgvormen in het contract', `options offered: ${JSON.stringify(offered)}`);
    assert(
      offered.some((o) => o.value === 'minimumLossRate'),
      `the shared-savings form's other optional fields are not offered: ${JSON.stringify(offered)}`,
    );
    assert(!offered.some((o) => o.value === 'discount' || o.value === 'glide'), `another kind's fields offered: ${JSON.stringify(offered)}`);
    await page.selectOption(addSel, 'scope');
    await page.waitForSelector(scopeBox);
    const shown = await lineLabels(page);
    assert(JSON.stringify(shown.map((l) => l.text)) === JSON.stringify(LINES.map((l) => LINE_FACTS[l].label.nl)), `lines shown: ${JSON.stringify(shown)}`);
    const ticked = shown.filter((l) => l.checked).map((l) => l.text);
    assert(JSON.stringify(ticked) === JSON.stringify(DEFAULT_SCOPE.map((l) => LINE_FACTS[l].label.nl)), `ticked: ${JSON.stringify(ticked)}`);
    assert(JSON.stringify(await editorScope(page)) === JSON.stringify(DEFAULT_SCOPE), `scope in the scenario: ${JSON.stringify(await editorScope(page))}`);
    assert((await page.locator(`${addSel} option[value="scope"]`).count()) === 0, 'scope still offered after adding it');
    const help = ((await page.textContent(`${scopeBox} p.help`)) ?? '').trim();
    assert(help.includes('Weggelaten: de huidige scope'), `help: ${help}`);
    await eventually(() => noEditorErrors(page));
  });
  test("scope: naming today's scope leaves every number as it was", async () => {
    const again = await runAfter(page, first);
    const now = await bandCells(page);
    assert(JSON.stringify(now) === JSON.stringify(before), `numbers changed by naming the default scope:\n${JSON.stringify(before)}\n${JSON.stringify(now)}`);
    first = again;
  });
  test("scope: leaving out pharmacy changes that contract's numbers only", async () => {
    await page.locator(`${scopeBox} input[value="pharmacy"]`).click();
    await eventually(async () => JSON.stringify(await editorScope(page)) === JSON.stringify(WITHOUT_PHARMACY));
    await eventually(() => noEditorErrors(page));
    await runAfter(page, first);
    const now = await bandCells(page);
    assert(now[SS] !== before[SS], `the contract's numbers did not change without pharmacy: ${now[SS]}`);
    for (const id of Object.keys(before)) if (id !== SS) assert(now[id] === before[id], `${id} changed with another contract's scope: ${before[id]} → ${now[id]}`);
    await scopeShots(page, 'nl');
  });
  test('scope (en): the field and the lines in English, pharmacy still left out', async () => {
    await page.click('[data-testid="lang-en"]');
    await languageShown(page, 'en');
    const legend = ((await page.textContent(`${scopeBox} legend`)) ?? '').trim();
    assert(legend.startsWith('Care lines in the contract'), `legend: ${legend}`);
    const help = ((await page.textContent(`${scopeBox} p.help`)) ?? '').trim();
    assert(help.includes("Leave out for today's scope"), `help: ${help}`);
    const shown = await lineLabels(page);
    assert(JSON.stringify(shown.map((l) => l.text)) === JSON.stringify(LINES.map((l) => LINE_FACTS[l].label.en)), `lines shown: ${JSON.stringify(shown)}`);
    const ticked = shown.filter((l) => l.checked).map((l) => l.text);
    assert(JSON.stringify(ticked) === JSON.stringify(WITHOUT_PHARMACY.map((l) => LINE_FACTS[l].label.en)), `ticked: ${JSON.stringify(ticked)}`);
    await scopeShots(page, 'en');
  });
  test("scope: removed again, the contract covers today's scope", async () => {
    await page.locator(`${scopeBox} button.mini`).click();
    await eventually(async () => (await editorScope(page)) === undefined);
    assert((await page.locator(`${addSel} option[value="scope"]`).count()) === 1, 'scope not offered again after removing it');
  });
  test.afterAll(async () => {
    await ctx.close();
  });
});
