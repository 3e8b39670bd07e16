import { assert } from '../harness';
import type { E2EEnv } from '../env';

/** The feature runner itself: a fresh page opens the default scenario and finishes its run. */
export default async function smoke(env: E2EEnv): Promise<void> {
  const ctx = await env.newContext(env.browser);
  const page = await ctx.newPage();
  env.watch(page);
  await env.h.check('feature runner: a fresh page runs the default scenario', async () => {
    await page.goto(`${env.baseUrl}?runs=200`);
    const hook = await env.waitDone(page);
    assert(hook.summary?.runs === 200, `ran ${hook.summary?.runs} runs`);
  });
  await ctx.close();
}
