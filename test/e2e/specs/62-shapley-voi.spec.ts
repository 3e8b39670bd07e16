import { DEFAULT_SCENARIO, env, languageShown, test } from '../fixtures';
import type { BrowserContext, Page } from '@playwright/test';
import { assert } from '../harness';
import type { E2EEnv } from '../fixtures';
import { typeInto } from '../typing';
import { computeVoi, openDefault, VOI_SPEC_RUNS as RUNS } from '../voi';
/** The default scenario's actions, each split out: its interventions and substitutions. */
const ACTIONS = DEFAULT_SCENARIO.interventions.length + DEFAULT_SCENARIO.substitution.length;
async function shots(page: Page, env: E2EEnv, sel: string, name: string) {
  await page.locator(sel).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${env.artifacts}/${name}.png` });
}

/**
 * "Wie heeft de besparing gemaakt?" and "Wat is meer weten waard?" as a steering group uses them:
 * start, stop, start again, read the split per action and per party beside each contract, type a
 * pilot's sizes and costs key by key, pick a group, and read the ranked chart, its table and the pilot.
 */
test.describe.serial('62-shapley-voi', () => {
  let ctx: BrowserContext;
  let page: Page;
  test.beforeAll(async () => {
    ({ ctx, page } = await openDefault());
  });
  test('shapley: Stop ends the split at once; a second start gives the split that adds up, in Dutch notation', async () => {
    await page.locator('[data-testid="shapley-panel"]').scrollIntoViewIfNeeded();
    await page.click('[data-testid="shapley-run"]');
    await page.click('[data-testid="shapley-cancel"]');
    await page.waitForSelector('[data-testid="shapley-cancelled"]');
    assert((await page.$('[data-testid="shapley-result"]')) === null, 'no result after Stop');
    await page.click('[data-testid="shapley-run"]');
    await page.waitForSelector('[data-testid="shapley-result"], [data-testid="shapley-message"]', { timeout: 600_000 });
    const problem = await page.$('[data-testid="shapley-message"]');
    assert(problem === null, `the split failed: ${await problem?.textContent()}`);
    const head = (await page.textContent('[data-testid="shapley-headline"]')) ?? '';
    assert(new RegExp(`^Van de €\\s-?[\\d.]+,\\d mln die in ${RUNS} runs`).test(head), `headline in Dutch notation: ${head}`);
    const items = await page.$$eval('[data-testid="shapley-sentences"] li', (els) => els.map((e) => e.textContent ?? ''));
    assert(items.length === ACTIONS, `one line per action: ${items.join(' | ')}`);
    assert(
      items.some((t) => /1,5-lijn|anderhalve|Anderhalve/i.test(t)),
      `the 1.5-line action is named: ${items.join(' | ')}`,
    );
    const bars = await page.$$eval('[data-testid="shapley-chart"] rect', (els) => els.length);
    assert(bars === ACTIONS, `one bar per action (${bars})`);
    const heads = await page.$$eval('[data-testid="shapley-parties"] th[scope="row"]', (els) => els.map((e) => e.textContent ?? ''));
    assert(
      heads.some((t) => /^Krijgt onder /.test(t)),
      `what each party receives per contract: ${heads.join(' | ')}`,
    );
    await page.click('[data-testid="shapley-table"] summary');
    const rows = await page.$$eval('[data-testid="shapley-table"] tbody tr', (els) => els.length);
    assert(rows === ACTIONS, `table view: one row per action (${rows})`);
    const cut = await page.$$eval('[data-testid="shapley-chart"] text', (els) => els.map((e) => e.textContent ?? '').filter((t) => t.includes('…')));
    assert(cut.length === 0, `action names are wrapped, not cut: ${cut.join(' | ')}`);
    // An amount broken over two lines reads as two numbers: each amount and its error keep one line (their text boxes share one top).
    const broken = await page.$$eval('[data-testid="shapley-table"] td .nowrap', (els) =>
      els.filter((e) => new Set([...e.getClientRects()].map((r) => Math.round(r.top))).size !== 1).map((e) => e.textContent ?? ''),
    );
    const amounts = await page.$$eval('[data-testid="shapley-table"] td .nowrap', (els) => els.length);
    assert(amounts === 2 * ACTIONS, `each action's share and its error as an amount of its own (${amounts})`);
    assert(broken.length === 0, `amounts not broken inside: ${broken.join(' | ')}`);
    await shots(page, env, '[data-testid="shapley-result"]', 'shapley-nl-1366');
  });
  test('voi: a pilot size that is not a number is refused naming the field and position', async () => {
    await typeInto(page, '[data-testid="voi-pilot-sizes"]', '1.000; veel');
    await page.click('[data-testid="voi-run"]');
    const msg = (await page.textContent('[data-testid="voi-message"]')) ?? '';
    assert(/Pilot: aantal mensen .* \(2\)/.test(msg), `message names the field and position: ${msg}`);
  });
  test('voi: typed pilot sizes and costs give EVPI, a ranked chart with its table, and the pilot’s net value', async () => {
    await typeInto(page, '[data-testid="voi-pilot-sizes"]', '2.000; 20.000');
    await typeInto(page, '[data-testid="voi-pilot-fixed"]', '150.000');
    await typeInto(page, '[data-testid="voi-pilot-per"]', '12,5');
    await computeVoi(page);
    const evpi = (await page.textContent('[data-testid="voi-evpi"]')) ?? '';
    assert(/EVPI\): €\s[\d.]+,\d\d mln \(± €\s[\d.]+,\d\d mln\)/.test(evpi), `EVPI in Dutch notation: ${evpi}`);
    const bars = await page.$$eval('[data-testid="voi-chart"] rect', (els) => els.length);
    assert(bars >= 5, `a ranked bar per parameter (${bars})`);
    const values = await page.$$eval('[data-testid="voi-chart"] g > text:last-child', (els) => els.map((e) => Number((e.textContent ?? '').replace(/\./g, '').replace(',', '.'))));
    assert(
      values.every((v, i) => i === 0 || v <= values[i - 1]),
      `ranked from most to least: ${values.join(' ')}`,
    );
    const pilot = await page.$$eval('[data-testid="voi-pilot"] tbody tr', (els) => els.map((e) => e.textContent ?? ''));
    assert(pilot.length === 2 && /^2\.000/.test(pilot[0]) && /^20\.000/.test(pilot[1]), `pilot rows: ${pilot.join(' | ')}`);
    // Cost = 150,000 + 12.5 per person: € 0,18 mln for 2,000 people.
    assert(/€\s0,18 mln/.test(pilot[0]), `pilot cost typed in Dutch notation: ${pilot[0]}`);
    await shots(page, env, '[data-testid="voi-chart"]', 'voi-nl-1366');
  });
  test('voi: a group of two picked parameters is valued together, for the insurer’s choice', async () => {
    const options = await page.$$eval('[data-testid="voi-group-0"] option', (els) => els.map((e) => (e as HTMLOptionElement).value).filter(Boolean));
    await page.selectOption('[data-testid="voi-group-0"]', options[0]);
    await page.selectOption('[data-testid="voi-group-1"]', options[1]);
    await page.click('[data-testid="voi-run"]');
    await page.waitForSelector('[data-testid="voi-group-value"]', { timeout: 600_000 });
    const decisions = await page.$$eval('[data-testid="voi-decision"] option', (els) => els.map((e) => e.textContent ?? ''));
    const insurer = decisions.findIndex((t) => /Zorgverzekeraar|verzekeraar/i.test(t));
    assert(insurer > 0, `the insurer's choice is a decision: ${decisions.join(' | ')}`);
    await page.selectOption('[data-testid="voi-decision"]', String(insurer));
    const g = (await page.textContent('[data-testid="voi-group-value"]')) ?? '';
    assert(/^Groep: .+ \+ .+: €\s[\d.]+,\d\d mln/.test(g), `group value: ${g}`);
  });
  test('shapley and voi: in English, and at 1920×1080', async () => {
    await page.click('[data-testid="lang-en"]');
    await languageShown(page, 'en');
    const t1 = await page.textContent('#shapley-title');
    const t2 = await page.textContent('#voi-title');
    assert(t1 === 'Who created the saving?' && t2 === 'What is knowing more worth?', `titles: ${t1} / ${t2}`);
    const evpi = (await page.textContent('[data-testid="voi-evpi"]')) ?? '';
    assert(/EVPI\): €[\d,]+\.\d\d mln/.test(evpi), `EVPI in English notation: ${evpi}`);
    await shots(page, env, '[data-testid="shapley-result"]', 'shapley-en-1366');
    await shots(page, env, '[data-testid="voi-chart"]', 'voi-en-1366');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await shots(page, env, '[data-testid="voi-chart"]', 'voi-en-1920');
    await shots(page, env, '[data-testid="shapley-chart"]', 'shapley-en-1920');
    await page.click('[data-testid="lang-nl"]');
    await languageShown(page, 'nl');
    await shots(page, env, '[data-testid="voi-chart"]', 'voi-nl-1920');
    await shots(page, env, '[data-testid="shapley-chart"]', 'shapley-nl-1920');
  });
  test.afterAll(async () => {
    await ctx.close();
  });
});
