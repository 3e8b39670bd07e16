import { env, test, languageShown, DEFAULT_SCENARIO } from '../fixtures';
import type { BrowserContext, Page } from '@playwright/test';
import { join } from 'node:path';
import { assert } from '../harness';
import { typeInto } from '../typing';
import type { ProeftuinHook } from '../../../src/testHook';

/** The comparison shows the parties (change vs status quo per contract) and what changed between the scenarios. */
test.describe.serial('42-compare', () => {
  let ctx: BrowserContext;
  let page: Page;
  let a: ProeftuinHook;
  let b: ProeftuinHook;
  test.beforeAll(async () => {
    ({ ctx, page } = await env.openPage());
    await page.goto(`${env.baseUrl}?runs=200`);
    a = await env.waitDone(page);
    await typeInto(page, '[data-testid="keep-name"]', 'Standaard');
    await page.click('[data-testid="keep-scenario"]');
    await typeInto(page, '[data-path="region.population"]', '120000');
    await page.waitForFunction(() => !(document.querySelector('[data-testid="run-button"]') as HTMLButtonElement | null)?.disabled, null, { timeout: 10_000 });
    // A run may start by itself after an edit; either way, wait for a run after this one.
    if (!(await page.isDisabled('[data-testid="run-button"]'))) await page.click('[data-testid="run-button"]').catch(() => undefined);
    b = await env.waitDone(page, a.generation + 1);
    assert(b.summary!.minimumSavingsRate.population === 120000, `second run has population ${b.summary!.minimumSavingsRate.population}`);
    await typeInto(page, '[data-testid="keep-name"]', 'Kleiner');
    await page.click('[data-testid="keep-scenario"]');
    await page.waitForSelector('[data-testid="compare-parties"]');
  });
  test('compare: change vs status quo per party and contract, one column per scenario, as each run gave it', async () => {
    const cells = (await page.$$eval('[data-testid="compare-parties"] tbody tr[data-model]', (trs) =>
      trs.map((tr) => ({ model: tr.getAttribute('data-model')!, party: tr.getAttribute('data-party')!, values: [...tr.querySelectorAll('td')].map((td) => td.getAttribute('data-value')) })),
    )) as { model: string; party: string; values: (string | null)[] }[];
    assert(cells.length >= 20, `${cells.length} party rows`);
    for (const c of cells) {
      [a, b].forEach((h, i) => {
        const r = (h.summary as any).financing.models.find((m: any) => m.id === c.model)?.horizon[c.party];
        const inContract = !!r && (r.revenue !== 0 || r.cost !== 0);
        if (!inContract) assert(c.values[i] === null, `${c.model} × ${c.party}: a value for a party outside the contract`);
        else assert(Number(c.values[i]) === r.changeVsStatusQuo.mean, `${c.model} × ${c.party} scenario ${i + 1}: shown ${c.values[i]}, run ${r.changeVsStatusQuo.mean}`);
      });
    }
    const text = (await page.textContent('[data-testid="compare-parties"]'))!;
    assert(text.includes('slechter af') && text.includes('Ziekenhuis'), 'Dutch party labels missing');
  });
  for (const lang of ['nl', 'en'] as const)
    test.describe.serial(() => {
      test.beforeAll(async () => {
        if (lang === 'en') {
          await page.click('[data-testid="lang-en"]');
          await languageShown(page, 'en');
        }
      });
      test(`compare (${lang}): "what changed" lists exactly the edited assumption, in words and the language's notation`, async () => {
        const rows = (await page.$$eval('[data-testid="what-changed"] tbody tr', (trs) =>
          trs.map((tr) => ({ path: tr.getAttribute('data-path'), cells: [...tr.children].map((c) => (c.textContent ?? '').trim()) })),
        )) as { path: string; cells: string[] }[];
        assert(rows.length === 1 && rows[0].path === 'region.population', `rows: ${JSON.stringify(rows)}`);
        const [label, old, now] = rows[0].cells;
        const pop = (DEFAULT_SCENARIO.region.population as number).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB');
        const want = lang === 'nl' ? ['Verzekerden in de regio', pop, '→ 120.000'] : ['Insured in the region', pop, '→ 120,000'];
        assert(label.includes(want[0]) && old.startsWith(want[1]) && now.startsWith(want[2]), `row ${rows[0].cells.join(' | ')}`);
      });
      test.afterAll(async () => {
        await page.locator('[data-testid="compare-view"]').screenshot({ path: join(env.artifacts, `compare-parties-${lang}.png`) });
      });
    });
  test.afterAll(async () => {
    await ctx.close();
  });
});
