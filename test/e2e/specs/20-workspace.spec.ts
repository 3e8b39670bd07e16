import { env, test, eventually } from '../fixtures';
import type { Summary } from '../../../models/summary/summarize';
import type { ProeftuinHook } from '../../../src/testHook';
import type { BrowserContext } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import LZString from 'lz-string';
import type { Page } from '@playwright/test';
import { assert } from '../harness';
import { typeInto } from '../typing';
import { storedWorkspace } from '../stored';
/** Runs per page load: the checks are about keeping work, not about the numbers. */
const RUNS = 60;
const FILES = 30;
const hook = (p: Page) => p.evaluate(() => (window as any).__proeftuin);
/** The population field's value as a number (whatever the language's notation). */
const pop = async (p: Page) => Number((await p.inputValue('[data-path="region.population"]')).replace(/[.\s\u202f]/g, '').replace(',', '.'));
/** The run-in-progress marks in localStorage (one per tab with a run going). */
const marks = (p: Page) => p.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('proeftuin.runInProgress')));
const keptNames = (p: Page) => p.$$eval('[data-testid="saved-item"] .saved-name', (els) => els.map((e) => e.textContent ?? ''));
/** The keys of the unsaved-work journal in both storages (src/workspace/persist.ts). */
const journalEntries = (p: Page) => p.evaluate(() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)].filter((k) => k.startsWith('proeftuin.unsaved')));
/** Run in the page: fills the rest of localStorage's 5 MB (UTF-16: 2 bytes a character) until the browser refuses. */
const fillLocalStorage = (prefix: string) => {
  let chunk = 'x'.repeat(256 * 1024);
  for (let i = 0; chunk.length > 16;) {
    try {
      localStorage.setItem(`${prefix}${i++}`, chunk);
    } catch {
      chunk = chunk.slice(0, chunk.length / 2);
    }
  }
};
const linkFor = (base: string, s: unknown) => `${base}?runs=${RUNS}#s=${LZString.compressToEncodedURIComponent(JSON.stringify(s))}`;

/**
 * The workspace keeps everything: migrated from the old localStorage entry beside a nearly full
 * localStorage, 30 files opened in a row, a reload, a save the browser refuses, share links
 * (opened, pasted into an open tab, garbage, cut off), and the "run in progress" guard.
 */
test.describe.serial('20-workspace', () => {
  let base: any;

  const variant = (i: number) => ({ ...base, meta: { ...base.meta, title: `Bestand ${i}` }, region: { ...base.region, population: 100_000 + i * 1000 } });
  let ctx: BrowserContext;
  let page: Page;
  let first: ProeftuinHook;
  let fullSummary: Summary | null;
  let legacyBytes: number;
  let lc: BrowserContext;
  let lp: Page;
  test.beforeAll(async () => {
    base = JSON.parse(readFileSync(join(env.root, 'scenarios', 'default.json'), 'utf8'));

    // ---- storage pre-filled, migration, 30 files, reload -----------------------------------------
    ctx = await env.newContext(env.browser);
    page = await ctx.newPage();
    env.watch(page);
    // An old workspace in localStorage with three kept scenarios carrying full summaries, and
    // localStorage otherwise nearly full (what made every later save fail silently).
    await page.goto(`${env.baseUrl}?runs=${RUNS}`);
    first = await env.waitDone(page);
    fullSummary = first.summary;
    legacyBytes = await page.evaluate(
      ({ base, summary }) => {
        localStorage.clear();
        const kept = [1, 2, 3].map((i) => ({
          id: `old${i}`,
          name: `Oud ${i}`,
          scenario: { ...base, meta: { ...base.meta, title: `Oud ${i}` } },
          savedAt: new Date().toISOString(),
          result: { summary, cancelled: false },
        }));
        const w = JSON.stringify({
          format: 'proeftuin-workspace',
          version: 1,
          scenario: { ...base, meta: { ...base.meta, title: 'Huidig oud' } },
          saved: kept,
          compare: ['old1', 'old2'],
          savedAt: new Date().toISOString(),
        });
        localStorage.setItem('proeftuin.workspace.v1', w);
        return w.length;
      },
      { base, summary: fullSummary },
    );
    await page.evaluate(fillLocalStorage, 'filler');
    // An IndexedDB workspace from the first visit would win over the old entry: start without one.
    await page.evaluate(
      () =>
        new Promise((ok) => {
          const r = indexedDB.deleteDatabase('proeftuin');
          r.onsuccess = r.onerror = r.onblocked = () => ok(null);
        }),
    );
  });
  test('first open after the move to IndexedDB: the old localStorage workspace is migrated, kept results cut to the comparison numbers', async () => {
    await page.reload();
    await env.waitDone(page);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="saved-item"]').length === 3, null, { timeout: 10_000 });
    assert((await page.textContent('[data-testid="scenario-title"]'))?.includes('Huidig oud'), 'current scenario not migrated');
    const stored = await storedWorkspace(page);
    assert(stored.saved?.length === 3, `stored kept scenarios: ${stored.saved?.length}`);
    const keptBytes = JSON.stringify(stored.saved[0].result).length;
    const fullBytes = JSON.stringify({ summary: fullSummary }).length;
    assert(keptBytes < fullBytes / 10, `kept result ${keptBytes} bytes, full ${fullBytes}`);
    assert((await page.evaluate(() => localStorage.getItem('proeftuin.workspace.v1'))) === null, 'old entry left in localStorage');
    console.log(`    legacy workspace ${legacyBytes} chars (3 full summaries); one kept result now ${keptBytes} bytes instead of ${fullBytes}`);
    // Two ticked for comparison: the comparison shows from the slim results.
    await page.waitForSelector('[data-testid="compare-view"], .compare, #compare-title', { timeout: 5000 }).catch(() => undefined);
  });
  test(`${FILES} files opened in a row, then a reload: every kept scenario and the current edit are there`, async () => {
    for (let i = 1; i <= FILES; i++) {
      const path = join(env.artifacts, `ws-file-${i}.json`);
      writeFileSync(path, JSON.stringify(variant(i)));
      await page.setInputFiles('[data-testid="import-file"]', path);
      await page.waitForFunction((t) => document.querySelector('[data-testid="scenario-title"]')?.textContent?.includes(t), `Bestand ${i}`, { timeout: 15_000 });
    }
    await env.waitDone(page, (await hook(page)).generation);
    // "Huidig oud" and files 1…29 were kept when the next file opened
    const expected = 3 + FILES;
    await page
      .waitForFunction((n) => document.querySelectorAll('[data-testid="saved-item"]').length === n, expected, { timeout: 10_000 })
      .catch(async () => {
        throw new Error(`kept ${(await keptNames(page)).length} instead of ${expected}: ${(await keptNames(page)).join(' | ')}`);
      });
    await typeInto(page, '[data-path="region.population"]', '123456');
    // Polled from here: the page's own predicate could not await IndexedDB.
    await eventually(async () => (await storedWorkspace(page)).scenario?.region?.population === 123456);
    const storedPop = (await storedWorkspace(page)).scenario?.region?.population;
    assert(storedPop === 123456, `the edit was not saved: stored population ${storedPop}, field ${await pop(page)}, save failed: ${await page.isVisible('[data-testid="save-failed"]')}`);
    assert(!(await page.isVisible('[data-testid="save-failed"]')), 'a save failed');
    const bytes = Number(await page.getAttribute('[data-testid="storage-usage"]', 'data-bytes'));
    const storedBytes = JSON.stringify(await storedWorkspace(page)).length;
    await page.reload();
    await env.waitDone(page);
    const names = await keptNames(page);
    assert(names.length === expected, `after reload ${names.length} kept scenarios, expected ${expected}`);
    for (let i = 1; i < FILES; i++) assert(names.includes(`Bestand ${i}`), `Bestand ${i} lost`);
    assert(names.includes('Huidig oud') && names.includes('Oud 1'), 'migrated scenarios lost');
    assert((await pop(page)) === 123456, `current edit lost: ${await pop(page)}`);
    const usage = (await page.textContent('[data-testid="storage-usage"]')) ?? '';
    assert(/Opslag in deze browser: .* gebruikt van/.test(usage), `space used not shown: ${usage}`);
    console.log(`    after ${FILES} files and a reload: ${names.length} kept scenarios; workspace record ${storedBytes} bytes; site storage ${bytes} bytes (${usage})`);
  });
  test('an edit typed just before a reload is there after it, also when IndexedDB never wrote it and localStorage is full', async () => {
    // The reload follows the last key at once (inside the save's pause), as a person presses F5.
    await typeInto(page, '[data-path="region.population"]', '124680');
    await page.reload();
    await env.waitDone(page);
    assert((await pop(page)) === 124680, `edit typed just before a reload lost: ${await pop(page)}`);
    // Now no write reaches IndexedDB (a reload that cuts every write off) and localStorage is full.
    await page.evaluate(fillLocalStorage, 'refill');
    const full = await page.evaluate(() => {
      IDBObjectStore.prototype.put = function () {
        throw new DOMException('The write was cut off.', 'AbortError');
      };
      try {
        localStorage.setItem('one-more', 'x'.repeat(64));
        return false;
      } catch {
        return true;
      }
    });
    assert(full, 'localStorage could not be filled');
    await typeInto(page, '[data-path="region.population"]', '135791');
    await page.waitForSelector('[data-testid="save-failed"]', { timeout: 5000 });
    // A scenario kept now is not written either.
    await typeInto(page, '[data-testid="keep-name"]', 'Bewaard, niet geschreven');
    await page.click('[data-testid="keep-scenario"]');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="saved-item"] .saved-name')].some((e) => e.textContent === 'Bewaard, niet geschreven'));
    const before = (await storedWorkspace(page)).scenario?.region?.population;
    assert(before === 124680, `IndexedDB should still hold the earlier edit, holds ${before}`);
    await page.reload();
    await env.waitDone(page);
    assert((await pop(page)) === 135791, `edit that IndexedDB never wrote lost on reload: ${await pop(page)}`);
    const names = await keptNames(page);
    assert(names.length === 4 + FILES && names.includes('Bewaard, niet geschreven'), `kept scenarios after the reloads: ${names.length}, ${names.slice(-3).join(' | ')}`);
    // Written now, the journal is done with.
    await eventually(async () => (await storedWorkspace(page)).scenario?.region?.population === 135791);
    const written = await storedWorkspace(page);
    assert(written.scenario?.region?.population === 135791 && written.saved.some((x: any) => x.name === 'Bewaard, niet geschreven'), 'the journal was not written to IndexedDB');
    const left = await journalEntries(page);
    assert(left.length === 0, `journal entries left: ${left.join(', ')}`);
    await page.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith('refill') || k === 'one-more')
        .forEach((k) => localStorage.removeItem(k)),
    );
  });
  test('the page asks for persistent storage; a save the browser refuses (QuotaExceededError) is said at once, in both languages, with the workspace as a download', async () => {
    await ctx.close();
    const c = await env.newContext(env.browser);
    await c.addInitScript(() => {
      IDBObjectStore.prototype.put = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      // Counted, then answered as a browser that does not grant it (the page must go on).
      const w = window as any;
      w.__persistAsked = 0;
      navigator.storage.persisted = async () => false;
      navigator.storage.persist = async () => (w.__persistAsked++, false);
    });
    const p = await c.newPage();
    env.watch(p);
    await p.goto(`${env.baseUrl}?runs=${RUNS}`);
    await env.waitDone(p);
    assert((await p.evaluate(() => (window as any).__persistAsked)) === 1, 'persistent storage not asked for once');
    await typeInto(p, '[data-path="region.population"]', '150000');
    await p.waitForSelector('[data-testid="save-failed"]', { timeout: 5000 });
    const nl = (await p.textContent('[data-testid="save-failed"]')) ?? '';
    assert(nl.includes('Opslaan in deze browser is mislukt') && nl.includes('vol'), `Dutch message: ${nl}`);
    await p.click('[data-testid="lang-en"]');
    const en = (await p.textContent('[data-testid="save-failed"]')) ?? '';
    assert(en.includes('Saving in this browser failed') && en.includes('full') && en.includes('Download workspace'), `English message: ${en}`);
    const [dl] = await Promise.all([p.waitForEvent('download'), p.click('[data-testid="download-workspace"]')]);
    const file = JSON.parse(readFileSync(await dl.path(), 'utf8'));
    assert(file.format === 'proeftuin-workspace' && file.scenario.region.population === 150000, `downloaded workspace: ${JSON.stringify(file).slice(0, 120)}`);
    await p.screenshot({ path: join(env.artifacts, '20-save-failed.png') });
    // A browser that never writes: the edit survives reloads through the journal, and the journals
    // do not pile up as kept copies.
    await p.click('[data-testid="lang-nl"]');
    const keptBefore = (await keptNames(p)).length;
    for (let k = 0; k < 3; k++) {
      await p.reload();
      await env.waitDone(p);
      assert((await pop(p)) === 150000, `reload ${k + 1} without a working IndexedDB: population ${await pop(p)}`);
    }
    const keptAfter = await keptNames(p);
    assert(keptAfter.length === keptBefore, `kept scenarios grew from ${keptBefore} to ${keptAfter.length} over three reloads: ${keptAfter.join(' | ')}`);
    const entries = (await journalEntries(p)).length;
    assert(entries === 1, `journal entries after three reloads: ${entries}`);
    await c.close();
  });
  test('opening a share link keeps the autosaved scenario first and removes #s= from the address', async () => {
    // ---- share links -------------------------------------------------------------------------------
    lc = await env.newContext(env.browser);
    lp = await lc.newPage();
    env.watch(lp);
    await lp.goto(`${env.baseUrl}?runs=${RUNS}`);
    await env.waitDone(lp);
    await typeInto(lp, '[data-path="region.population"]', '111111');
    await eventually(async () => (await storedWorkspace(lp)).scenario?.region?.population === 111111); // the autosave's debounce
    const p2 = await lc.newPage();
    env.watch(p2);
    await p2.goto(linkFor(env.baseUrl, variant(77)));
    await env.waitDone(p2);
    assert((await pop(p2)) === 177000, 'linked scenario not loaded');
    assert(!p2.url().includes('#s='), `link left in the address: ${p2.url().slice(0, 100)}`);
    assert((await p2.textContent('[data-testid="banner"]'))?.includes('vorige scenario is bewaard'), 'no note that the previous scenario was kept');
    await p2.waitForFunction(() => document.querySelectorAll('[data-testid="saved-item"]').length >= 1, null, { timeout: 5000 });
    const kept = (await storedWorkspace(p2)).saved ?? [];
    assert(
      kept.some((s: any) => s.scenario.region.population === 111111),
      'the autosaved scenario was not kept',
    );
    // a reload keeps later edits instead of reopening the link
    await typeInto(p2, '[data-path="region.population"]', '188000');
    await eventually(async () => (await storedWorkspace(p2)).scenario?.region?.population === 188000);
    await p2.reload();
    await env.waitDone(p2);
    assert((await pop(p2)) === 188000, 'a reload discarded the edit after the link');
    await p2.close();
  });
  test('a link pasted into an open tab loads (hashchange); a garbage or cut-off link says so and changes nothing', async () => {
    await lp.reload();
    let g = (await env.waitDone(lp)).generation;
    await lp.evaluate((h) => (location.hash = h), new URL(linkFor(env.baseUrl, variant(55))).hash);
    await env.waitDone(lp, g + 1);
    assert((await pop(lp)) === 155000, 'pasted link not loaded');
    await lp.waitForFunction(() => !location.hash.includes('s='), null, { timeout: 5000 });
    g = (await hook(lp)).generation;
    for (const [what, hash] of [
      ['garbage', '#s=%%%nonsense***'],
      ['cut off', new URL(linkFor(env.baseUrl, variant(66))).hash.slice(0, 200)],
    ]) {
      await lp.evaluate(() => document.querySelector('[data-testid="banner"] button')?.dispatchEvent(new MouseEvent('click', { bubbles: true })));
      await lp.evaluate((h) => (location.hash = h), hash);
      await lp.waitForSelector('[data-testid="banner"]', { timeout: 5000 });
      const msg = (await lp.textContent('[data-testid="banner"]')) ?? '';
      assert(/geen leesbaar scenario|ongeldig/.test(msg), `${what} link: ${msg}`);
      assert((await pop(lp)) === 155000, `${what} link changed the scenario`);
    }
    await lp.click('[data-testid="lang-en"]');
    await lp.evaluate(() => (location.hash = 's=garbage-in-english'));
    await lp.waitForFunction(() => /no readable scenario/.test(document.querySelector('[data-testid="banner"]')?.textContent ?? ''), null, { timeout: 5000 });
    await lp.click('[data-testid="lang-nl"]');
    assert((await hook(lp)).generation === g, 'a bad link started a run');
  });
  test('a run that never finished drawing is not started again on the next open; "run anyway" runs it', async () => {
    await lc.close();
    const c = await env.newContext(env.browser);
    const p = await c.newPage();
    env.watch(p);
    await p.goto(`${env.baseUrl}?runs=${RUNS}`);
    await env.waitDone(p);
    assert((await marks(p)).length === 0, `mark left after a finished run: ${await marks(p)}`);
    // What a page that froze or crashed mid-run leaves behind.
    await p.evaluate(() => localStorage.setItem('proeftuin.runInProgress', JSON.stringify({ startedAt: new Date().toISOString(), title: 'x' })));
    await p.reload();
    await p.waitForSelector('[data-testid="interrupted-run"]', { timeout: 10_000 });
    await eventually(() => p.evaluate(() => document.readyState === 'complete' && (window as any).__proeftuin !== undefined)); // the first run would have started by now
    const h = await hook(p);
    assert(h.generation === 0 && h.state === 'idle', `a run started by itself: ${h.state} ${h.generation}`);
    assert(((await p.textContent('[data-testid="interrupted-run"]')) ?? '').includes('niet vanzelf opnieuw gestart'), 'Dutch notice');
    await p.click('[data-testid="lang-en"]');
    assert(((await p.textContent('[data-testid="interrupted-run"]')) ?? '').includes('Run anyway'), 'English notice');
    // Another tab of the same browser opening meanwhile sees the same interrupted run …
    const other = await c.newPage();
    await other.goto(`${env.baseUrl}?runs=${RUNS}`);
    await other.waitForSelector('[data-testid="interrupted-run"]', { timeout: 10_000 });
    await other.close();
    await p.click('[data-testid="run-anyway"]');
    // … but not a run that a live tab is doing right now
    await p.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('proeftuin.runInProgress.')), null, { timeout: 10_000, polling: 20 }).catch(() => undefined);
    const third = await c.newPage();
    env.watch(third);
    await third.goto(`${env.baseUrl}?runs=${RUNS}`);
    await env.waitDone(third);
    assert(!(await third.isVisible('[data-testid="interrupted-run"]')), 'a live run in another tab was taken for an interrupted one');
    await third.close();
    await env.waitDone(p);
    assert(!(await p.isVisible('[data-testid="interrupted-run"]')), 'notice stays after the run');
    assert((await marks(p)).length === 0, `mark left after the run: ${await marks(p)}`);
    await c.close();
  });
  test('costs ×10⁶: the risk–return chart draws a bounded number of labels and the page stays live', async () => {
    const big = structuredClone(base);
    let n = 0;
    const scale = (o: any) => {
      if (!o || typeof o !== 'object') return;
      for (const [k, v] of Object.entries(o)) {
        if (/cost/i.test(k) && !/CV$/i.test(k) && v && typeof v === 'object' && typeof (v as any).value === 'number') {
          (v as any).value *= 1e6;
          n++;
        } else scale(v);
      }
    };
    scale(big.region);
    big.meta.title = 'Kosten maal een miljoen';
    const path = join(env.artifacts, 'costs-x1e6.json');
    writeFileSync(path, JSON.stringify(big));
    const c = await env.newContext(env.browser);
    const p = await c.newPage();
    env.watch(p);
    await p.goto(`${env.baseUrl}?runs=${RUNS}`);
    let g = (await env.waitDone(p)).generation;
    await p.setInputFiles('[data-testid="import-file"]', path);
    await env.waitDone(p, g + 1, 120_000);
    await p.waitForSelector('[data-testid="riskreturn-chart"]', { timeout: 30_000 });
    const labels = await p.$$eval('[data-testid="riskreturn-chart"] text', (els) => els.length);
    const ticks = await p.$$eval('svg text', (els) => els.length);
    assert(labels < 120, `risk–return chart has ${labels} text elements`);
    assert(n > 5, `only ${n} cost fields scaled`);
    console.log(`    costs ×10⁶ (${n} fields): risk–return chart ${labels} text elements, all SVG charts ${ticks}`);
    await c.close();
  });
});
