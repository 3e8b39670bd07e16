import { env, test, eventually } from '../fixtures';
import type { BrowserContext } from '@playwright/test';
import type { Page } from '@playwright/test';
import { assert } from '../harness';
import { typeInto } from '../typing';
import { storedWorkspace } from '../stored';
const RUNS = 60;
const keptNames = (p: Page) => p.$$eval('[data-testid="saved-item"] .saved-name', (els) => els.map((e) => e.textContent ?? ''));
const waitKept = (p: Page, names: string[]) =>
  p.waitForFunction(
    (ns) => {
      const have = [...document.querySelectorAll('[data-testid="saved-item"] .saved-name')].map((e) => e.textContent);
      return ns.every((n) => have.includes(n));
    },
    names,
    { timeout: 10_000 },
  );

/** Two tabs of one browser share the workspace: neither drops what the other kept, and editing in both is flagged. */
test.describe.serial('22-tabs', () => {
  let ctx: BrowserContext;
  let a: Page;
  let b: Page;

  const keep = async (p: Page, name: string) => {
    await typeInto(p, '[data-testid="keep-name"]', name);
    await p.click('[data-testid="keep-scenario"]');
  };
  test.beforeAll(async () => {
    ctx = await env.newContext(env.browser);
    a = await ctx.newPage();
    b = await ctx.newPage();
    env.watch(a);
    env.watch(b);
    await a.goto(`${env.baseUrl}?runs=${RUNS}`);
    await env.waitDone(a);
    await b.goto(`${env.baseUrl}?runs=${RUNS}`);
    await env.waitDone(b);
  });
  test('two tabs: a scenario kept in one shows in the other, and neither tab drops what the other kept', async () => {
    await keep(a, 'Van tab A');
    await keep(b, 'Van tab B');
    await waitKept(a, ['Van tab A', 'Van tab B']);
    await waitKept(b, ['Van tab A', 'Van tab B']);
    // A keeps another one after B's save: B's must survive A's write
    await keep(a, 'Nog een van A');
    await waitKept(b, ['Nog een van A']);
    await a.reload();
    await env.waitDone(a);
    const names = await keptNames(a);
    for (const n of ['Van tab A', 'Van tab B', 'Nog een van A']) assert(names.includes(n), `${n} lost after a reload: ${names.join(' | ')}`);
    const stored = (await storedWorkspace(a)).saved.map((s: any) => s.name);
    assert(stored.length === 3, `stored: ${stored.join(' | ')}`);
  });
  test('two tabs editing the current scenario: a warning, and both versions are kept', async () => {
    await typeInto(a, '[data-path="region.population"]', '120000');
    await eventually(async () => (await storedWorkspace(a)).scenario?.region?.population === 120000); // A's autosave
    await typeInto(b, '[data-path="region.population"]', '130000');
    await a.waitForSelector('[data-testid="other-tab"]', { timeout: 5000 });
    const nl = (await a.textContent('[data-testid="other-tab"]')) ?? '';
    assert(nl.includes('ander tabblad'), `warning: ${nl}`);
    await a.click('[data-testid="lang-en"]');
    assert(((await a.textContent('[data-testid="other-tab"]')) ?? '').includes('another tab'), 'English warning');
    await a.click('[data-testid="lang-nl"]');
    // B's save keeps A's version before it replaces it as the current scenario
    await b.waitForFunction(() => [...document.querySelectorAll('[data-testid="saved-item"] .saved-name')].some((e) => e.textContent?.includes('(ander tabblad)')), null, { timeout: 10_000 });
    const w = await storedWorkspace(b);
    assert(w.scenario.region.population === 130000, `current: ${w.scenario.region.population}`);
    const other = w.saved.find((s: any) => s.name.includes('(ander tabblad)'));
    assert(other?.scenario.region.population === 120000, `A's version not kept: ${JSON.stringify(w.saved.map((s: any) => [s.name, s.scenario.region.population]))}`);
    console.log(`    kept after two tabs: ${w.saved.map((s: any) => s.name).join(' | ')}`);
  });
  test('a tab closed before its edit was written, while the other goes on: on the next open that edit is kept as the other tab’s', async () => {
    // A's writes never reach IndexedDB (closed in the middle of them); its edit must not vanish.
    await a.evaluate(() => {
      IDBObjectStore.prototype.put = function () {
        throw new DOMException('The write was cut off.', 'AbortError');
      };
    });
    await typeInto(a, '[data-path="region.population"]', '141414');
    await a.close();
    await typeInto(b, '[data-path="region.population"]', '151515');
    await eventually(async () => (await storedWorkspace(b)).scenario?.region?.population === 151515);
    const c = await ctx.newPage();
    env.watch(c);
    await c.goto(`${env.baseUrl}?runs=${RUNS}`);
    await env.waitDone(c);
    const pop = Number((await c.inputValue('[data-path="region.population"]')).replace(/\./g, ''));
    assert(pop === 151515, `current scenario after reopening: ${pop} (the later edit, of tab B, should be current)`);
    await eventually(async () => ((await storedWorkspace(c)).saved as any[]).some((s) => s.scenario?.region?.population === 141414));
    const w = await storedWorkspace(c);
    const kept = (w.saved as any[]).find((s) => s.scenario?.region?.population === 141414);
    assert(kept?.name.includes('(ander tabblad)'), `A's unwritten edit not kept: ${JSON.stringify(w.saved.map((s: any) => [s.name, s.scenario.region.population]))}`);
    assert((await keptNames(c)).includes(kept.name), 'kept in storage but not listed');
    a = c; // for the context's close
  });
  test.afterAll(async () => {
    await ctx.close();
  });
});
