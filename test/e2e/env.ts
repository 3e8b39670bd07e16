import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Harness } from './harness';
import type { ProeftuinHook } from '../../src/testHook';

/** What a feature suite gets: the browser, the served build and the shared harness. */
export interface E2EEnv {
  browser: Browser;
  /** The static server's address for dist/ (no trailing query). */
  baseUrl: string;
  h: Harness;
  /** A fresh profile (empty storage) that may only reach the static server. */
  newContext: (browser: Browser) => Promise<BrowserContext>;
  /** Collects page errors and console errors; the suite fails on any at the end. */
  watch: (page: Page) => void;
  /** Waits until the page reports a finished run of at least this generation. */
  waitDone: (page: Page, minGeneration?: number, timeout?: number) => Promise<ProeftuinHook>;
  artifacts: string;
  root: string;
}

export type Feature = (env: E2EEnv) => Promise<void>;

/**
 * Runs every `test/e2e/features/*.e2e.ts` in name order. `E2E_FEATURES` (a substring of the
 * file name) limits the run to matching files while working on one feature.
 */
export async function runFeatures(env: E2EEnv): Promise<void> {
  const dir = join(env.root, 'test', 'e2e', 'features');
  const only = process.env.E2E_FEATURES;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.e2e.ts') && (!only || f.includes(only)))
    .sort();
  for (const f of files) {
    console.log(`E2E feature: ${f}`);
    const mod = (await import(pathToFileURL(join(dir, f)).href)) as { default: Feature };
    // A feature that throws outside its checks counts as one failure; the others still run.
    try {
      await mod.default(env);
    } catch (e) {
      await env.h.check(`${f}: runs to the end`, () => {
        throw e;
      });
    }
  }
}
