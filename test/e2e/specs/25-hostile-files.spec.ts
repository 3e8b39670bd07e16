import { env, test } from '../fixtures';
import type { ProeftuinHook } from '../../../src/testHook';
import type { BrowserContext } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { assert } from '../harness';
const RUNS = 60;
const title = (p: Page) => p.textContent('[data-testid="scenario-title"]').then((t) => t ?? '');

/**
 * Files as Windows editors and hostile users make them, opened with the file picker: UTF-8 with a
 * byte-order mark and UTF-16 in both byte orders open as the headless runner opens them; JSON
 * nested 100,000 levels deep and a `__proto__` key inside payer shares are refused with the
 * field named, in the interface language, and the workspace and results stay as they were.
 */
test.describe.serial('25-hostile-files', () => {
  let ctx: BrowserContext;
  let page: Page;
  let hook: ProeftuinHook;
  let base: any;

  const write = (name: string, bytes: Buffer) => {
    const path = join(env.artifacts, name);
    writeFileSync(path, bytes);
    return path;
  };

  const text = (t: string) => JSON.stringify({ ...base, meta: { ...base.meta, title: t } }, null, 2);

  const swap = (b: Buffer) => Buffer.from(b).swap16();

  const refused = async (name: string, content: string, path: RegExp, nl: RegExp) => {
    const before = await title(page);
    const pop = await page.inputValue('[data-path="region.population"]');
    await page.setInputFiles('[data-testid="import-file"]', write(name, Buffer.from(content)));
    // The list names the file it is about: wait for this file's, not the one left by the test before.
    await page.waitForFunction((n) => document.querySelector('[data-testid="import-errors"]')?.textContent?.includes(`"${n}"`), name, { timeout: 10_000 });
    const errs = (await page.textContent('[data-testid="import-errors"]')) ?? '';
    assert(path.test(errs), `the field is not named: ${errs.slice(0, 300)}`);
    assert(nl.test(errs), `not in Dutch: ${errs.slice(0, 300)}`);
    assert(!/Maximum call stack|RangeError|postMessage|could not be cloned/i.test(errs), `a raw error: ${errs.slice(0, 300)}`);
    assert((await title(page)) === before && (await page.inputValue('[data-path="region.population"]')) === pop, 'the workspace changed');
    const h = await page.evaluate(() => window.__proeftuin);
    assert(h.generation === hook.generation && h.state === 'done', 'the results changed');
    console.log(`    ${name}: ${errs.replace(/\s+/g, ' ').slice(0, 160)}`);
  };
  test.beforeAll(async () => {
    ({ ctx, page } = await env.openPage());
    await page.goto(`${env.baseUrl}?runs=${RUNS}`);
    hook = await env.waitDone(page);
    base = JSON.parse(readFileSync(join(env.root, 'scenarios', 'default.json'), 'utf8'));
  });
  for (const [name, t, bytes] of [
    ['utf8-bom', 'UTF-8 met BOM', (t: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text(t))])],
    ['utf16le-bom', 'UTF-16 LE met BOM', (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text(t), 'utf16le')])],
    ['utf16be-bom', 'UTF-16 BE met BOM', (t: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), swap(Buffer.from(text(t), 'utf16le'))])],
    ['utf16le', 'UTF-16 LE zonder BOM', (t: string) => Buffer.from(text(t), 'utf16le')],
    ['utf16be', 'UTF-16 BE zonder BOM', (t: string) => swap(Buffer.from(text(t), 'utf16le'))],
  ] as const)
    test.describe.serial(() => {
      test(`a scenario file in ${name} opens and runs`, async () => {
        await page.setInputFiles('[data-testid="import-file"]', write(`${name}.json`, bytes(t)));
        await page
          .waitForFunction((t) => document.querySelector('[data-testid="scenario-title"]')?.textContent?.includes(t), t, { timeout: 15_000 })
          .catch(async () => {
            const errs = (await page.locator('[data-testid="import-errors"]').count()) ? await page.textContent('[data-testid="import-errors"]') : '(no error list)';
            throw new Error(`not opened; title "${await title(page)}"; ${errs?.slice(0, 200)}`);
          });
        hook = await env.waitDone(page, hook.generation + 1);
        assert((hook.input as any)?.meta?.title === t, `ran "${(hook.input as any)?.meta?.title}"`);
      });
    });
  test('a file nested 100,000 levels deep is refused with the place and the limit, in Dutch; nothing changes', async () => {
    const i = JSON.parse(text('Diep'));
    i.meta.notes = '@@DEEP@@';
    const content = JSON.stringify(i).replace('"@@DEEP@@"', `${'['.repeat(100_000)}1${']'.repeat(100_000)}`);
    await refused('deep.json', content, /meta\.notes\[0\]\[0\]/, /meer dan 40 niveaus diep genest/);
  });
  test('a __proto__ key inside payer shares is refused at that field, in Dutch; nothing changes', async () => {
    const i = JSON.parse(text('Proto'));
    i.interventions[0].payer = { insurer: 1 };
    const content = JSON.stringify(i).replace('"payer":{"insurer":1}', '"payer":{"__proto__":0.5,"insurer":1}');
    assert(content.includes('__proto__'), 'no __proto__ in the file');
    await refused('proto.json', content, /interventions\[0\]\.payer/, /onbekend veld: "__proto__"/);
  });
  test.afterAll(async () => {
    await ctx.close();
  });
});
