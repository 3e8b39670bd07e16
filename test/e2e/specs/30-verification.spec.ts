import { env, test } from '../fixtures';
import type { BrowserContext, Page } from '@playwright/test';
import { assert } from '../harness';
import { defaultWithRuns, nodeReference } from '../reference';
import { recordCheck } from '../../support/record';
const RUNS = 200;
/** Every number in a (JSON-like) value, and how many of them differ bit for bit from another's (Object.is). */
function compareNumbers(a: unknown, b: unknown): { numbers: number; differing: number } {
  let numbers = 0;
  let differing = 0;
  const walk = (x: unknown, y: unknown) => {
    if (typeof x === 'number') {
      numbers++;
      if (typeof y !== 'number' || !Object.is(x, y)) differing++;
      return;
    }
    if (x && typeof x === 'object') for (const k of Object.keys(x)) walk((x as any)[k], y && typeof y === 'object' ? (y as any)[k] : undefined);
  };
  walk(a, b);
  return { numbers, differing };
}

/**
 * The page "How do we know it is right?": the browser's own bit-identity check against Node is
 * recorded for the page (it runs after the build, so the next build carries it), then the page is
 * opened from the footer and must list every check, with figures and the commit they belong to.
 */
test.describe.serial('30-verification', () => {
  let ctx: BrowserContext;
  let page: Page;
  test.beforeAll(async () => {
    ({ ctx, page } = await env.openPage());
  });
  test('verification: the browser summary matches Node bit for bit, recorded for the page', async () => {
    const ref = nodeReference(defaultWithRuns(RUNS), RUNS);
    await page.goto(`${env.baseUrl}?runs=${RUNS}`);
    const hook = await env.waitDone(page);
    assert(hook.summary?.runs === RUNS, `ran ${hook.summary?.runs} runs`);
    const { summary } = await ref;
    const c = compareNumbers(summary, hook.summary);
    recordCheck({
      id: 'node-browser-bit-identity',
      environment: `Chromium ${env.browser.version()} / Node ${process.version}`,
      test: 'test/e2e/specs/30-verification.spec.ts',
      rows: [
        {
          label: {
            nl: `Samenvatting van het standaardscenario, ${RUNS} runs (${c.numbers.toLocaleString('nl-NL')} getallen)`,
            en: `Summary of the default scenario, ${RUNS} runs (${c.numbers.toLocaleString('en-GB')} numbers)`,
          },
          unit: 'count',
          reference: 0,
          result: c.differing,
          mcse: null,
          criterion: { kind: 'equal' },
          pass: c.differing === 0,
        },
      ],
    });
    assert(c.numbers > 1000 && c.differing === 0, `${c.differing} of ${c.numbers} numbers differ`);
  });
  test('verification: the page lists every check with its figures and the commit, in Dutch and English', async () => {
    await page.click('[data-testid="verification-link"]');
    await page.waitForSelector('[data-testid="verification-page"]', { timeout: 5000 });
    const title = await page.textContent('#verification-title');
    assert(title?.includes('Hoe weten we dat het klopt?'), `title ${title}`);
    const commit = (await page.textContent('[data-testid="verification-commit"]'))?.trim() ?? '';
    assert(/^[0-9a-f]{7,40}$/.test(commit), `build commit "${commit}"`);
    const checks = await page.$$eval('[data-testid="verification-check"]', (as) => as.map((a) => ({ id: a.getAttribute('data-id'), verdict: a.getAttribute('data-verdict') })));
    assert(checks.length === 6, `${checks.length} checks listed`);
    // Those the unit tests make are measured before the build (npm test runs vitest first).
    const measured = checks.filter((c) => c.verdict === 'pass' || c.verdict === 'fail');
    assert(measured.length >= 5, `only ${measured.map((c) => c.id).join(', ')} measured: run vitest before npm run build`);
    const rows = await page.$$eval('[data-testid="verification-row"]', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    assert(rows.length >= 10, `${rows.length} figure rows`);
    assert(
      rows.every((r) => r.length === 5 && /\d/.test(r[0]) && /\d/.test(r[1])),
      `a row without numbers: ${JSON.stringify(rows.find((r) => !/\d/.test(r[0] ?? '') || !/\d/.test(r[1] ?? '')))}`,
    );
    const checkCommits = await page.$$eval('[data-testid="verification-check-commit"]', (cs) => cs.map((c) => c.textContent ?? ''));
    assert(checkCommits.length === measured.length && checkCommits.every((c) => /^[0-9a-f]{7,40}$/.test(c)), `check commits ${checkCommits.join(', ')}`);
    // In English, opened straight from its address (the language switch lies under the page).
    await page.goto(`${env.baseUrl}?runs=20&lang=en#hoe-weten-we-dat-het-klopt`);
    await page.waitForSelector('[data-testid="verification-page"]', { timeout: 5000 });
    const en = await page.textContent('#verification-title');
    assert(en?.includes('How do we know it is right?'), `English title ${en}`);
    await page.click('[data-testid="verification-back"]');
    await page.waitForSelector('[data-testid="verification-page"]', { state: 'detached', timeout: 5000 });
  });
  test.afterAll(async () => {
    await ctx.close();
  });
});
