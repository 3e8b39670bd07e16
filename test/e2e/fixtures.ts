// What every end-to-end spec shares: the built site on a static server with the production
// policy header, Debian's Chromium (playwright.config.ts), fresh browser profiles that may reach
// nothing but that server, and the page's "run finished" signal.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { serveStatic } from './server';
import { assert } from './harness';
import type { ProeftuinHook } from '../../src/testHook';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The default scenario as the repository has it: the page opens it, so its title and population are what the page shows. */
export const DEFAULT_SCENARIO = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'default.json'), 'utf8'));

/** What a spec reaches through `env`: the browser, the served build and the helpers around them. */
export interface E2EEnv {
  browser: Browser;
  /** The static server's address for dist/ (no trailing query). */
  baseUrl: string;
  /** A fresh profile (empty storage) that may only reach the static server. */
  newContext: (browser: Browser) => Promise<BrowserContext>;
  /** Collects page errors and console errors; the test during which one arrives fails. */
  /** Reports the page's errors to the running test; those `expected` accepts (a fault the test makes itself) are not problems. */
  watch: (page: Page, expected?: (text: string) => boolean) => void;
  /** A fresh profile with one watched page: what a serial group's tests share. */
  openPage: (expected?: (text: string) => boolean) => Promise<{ ctx: BrowserContext; page: Page }>;
  /** Waits until the page reports a finished run of at least this generation. */
  waitDone: (page: Page, minGeneration?: number, timeout?: number) => Promise<ProeftuinHook>;
  artifacts: string;
  root: string;
}

export async function waitDone(page: Page, minGeneration = 1, timeout = 60_000): Promise<ProeftuinHook> {
  // The hook is read in the same evaluation that found it finished: read again afterwards, it
  // may already belong to the next run.
  const handle = await page.waitForFunction(
    (g) => {
      const p = (window as any).__proeftuin;
      return p && (p.state === 'error' || (p.state === 'done' && p.generation >= g && p.settled !== false)) ? p : null;
    },
    minGeneration,
    { timeout, polling: 100 },
  );
  const hook = (await handle.jsonValue()) as ProeftuinHook;
  await handle.dispose();
  assert(hook.state === 'done', `page reports state ${hook.state}: ${hook.error ?? ''}`);
  return hook;
}

/** The page's test hook as it is now (no waiting). */
export async function hookOf(page: Page): Promise<ProeftuinHook> {
  return (await page.evaluate(() => (window as any).__proeftuin)) as ProeftuinHook;
}

/** Page errors and console errors seen by watched pages in this worker, in order (a test fails on any that arrive while it runs). */
export const problems: string[] = [];

/** A fresh browser profile (empty storage) that may only reach `baseUrl`. */
export async function newContext(browser: Browser, baseUrl: string): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 }, deviceScaleFactor: 1, acceptDownloads: true });
  ctx.setDefaultTimeout(15_000);
  // No network beyond the static server: anything else is a bug (the app must work offline).
  await ctx.route('**/*', (route) => (route.request().url().startsWith(baseUrl) ? route.continue() : route.abort()));
  return ctx;
}

/**
 * One per worker, filled in before the worker's first hook or test runs. Specs use it from their
 * hooks and tests (a spec shares pages between the tests of a serial describe, which only
 * worker-scoped values can reach from `beforeAll`).
 */
export const env: E2EEnv = {
  browser: undefined as unknown as Browser,
  baseUrl: '',
  newContext: (browser) => newContext(browser, env.baseUrl),
  watch: (page, expected = () => false) => {
    page.on('pageerror', (e) => !expected(e.message) && problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !expected(m.text())) problems.push(`console error: ${m.text()}`);
    });
  },
  openPage: async (expected) => {
    const ctx = await env.newContext(env.browser);
    const page = await ctx.newPage();
    env.watch(page, expected);
    return { ctx, page };
  },
  waitDone,
  artifacts: join(ROOT, 'test-artifacts'),
  root: ROOT,
};

export const test = base.extend<{ noPageErrors: void }, { site: E2EEnv }>({
  site: [
    async ({ browser }, use) => {
      assert(existsSync(join(ROOT, 'dist', 'index.html')), 'dist/ is missing: run `npm run build` first');
      mkdirSync(env.artifacts, { recursive: true });
      const server = await serveStatic(join(ROOT, 'dist'));
      env.browser = browser;
      env.baseUrl = server.url;
      await use(env);
      await server.close();
    },
    { scope: 'worker', auto: true },
  ],
  // Every test fails on a page error, console error or policy violation that arrives while it runs.
  noPageErrors: [
    async ({}, use) => {
      const seen = problems.length;
      await use();
      const fresh = problems.slice(seen);
      assert(fresh.length === 0, `page or console errors:\n      ${fresh.join('\n      ')}`);
    },
    { auto: true },
  ],
});

export { expect } from '@playwright/test';
export { assert } from './harness';
export { typeInto } from './typing';

/**
 * Waits until `cond` holds, polling, for at most `timeout` ms (a hang guard: it does not fail by
 * itself). Written before the assert that checks the same condition, so that a failure keeps the
 * assert's message: the replacement of a fixed sleep by the condition the sleep stood for.
 */
export async function eventually(cond: () => unknown | Promise<unknown>, timeout = 10_000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    if (await Promise.resolve(cond()).catch(() => false)) return;
    if (Date.now() > end) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** After a click on the language switch: waits until the page and its test hook are in that language. */
export async function languageShown(page: Page, lang: 'nl' | 'en'): Promise<void> {
  await page.waitForFunction((l) => document.documentElement.lang === l && (window as any).__proeftuin?.lang === l, lang);
  // One frame: what the switch re-renders is painted.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/**
 * Waits until the workspace has taken the last edit in: its validation answered for that very
 * revision and, when valid, the run the editor starts by itself after a pause has started for it.
 * What the edit makes the page do (messages, a field rewritten, a run) has happened by then.
 */
export async function editTaken(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const p = (window as any).__proeftuinEditor?.progress();
      return p && p.validatedRevision === p.revision && (!p.valid || p.startedRevision === p.revision);
    },
    null,
    { timeout, polling: 50 },
  );
}

/** No editor error list on the page (the scenario is valid as it stands). */
export const noEditorErrors = (page: Page) => page.evaluate(() => document.querySelector('[data-testid="editor-errors"]') === null);
