// What the specs of the value of information share: the default scenario opened at a run count
// the checks do not depend on, and a computation of the value of information that must succeed.
import type { BrowserContext, Page } from '@playwright/test';
import { env } from './fixtures';
import { assert } from './harness';

/**
 * Runs of the default scenario for these specs: each computation on top of the run (Shapley's
 * coalitions, the value of information) takes at most the scenario's own runs. At 100 runs half of
 * the value-of-information bars come out exactly 0, and the ranking check would compare ties; at
 * 200 every bar has a value.
 */
export const VOI_SPEC_RUNS = 200;

/** A fresh profile at 1366×768 with the default scenario at `runs` runs, its first run finished. */
export async function openDefault(runs = VOI_SPEC_RUNS): Promise<{ ctx: BrowserContext; page: Page }> {
  const { ctx, page } = await env.openPage();
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${env.baseUrl}?runs=${runs}`);
  await env.waitDone(page, 1, 120_000);
  return { ctx, page };
}

/** Starts the value of information and waits for its result; a message instead fails the test. */
export async function computeVoi(page: Page): Promise<void> {
  await page.click('[data-testid="voi-run"]');
  await page.waitForSelector('[data-testid="voi-result"], [data-testid="voi-message"]', { timeout: 600_000 });
  const problem = await page.$('[data-testid="voi-message"]');
  assert(problem === null, `the computation failed: ${await problem?.textContent()}`);
}
