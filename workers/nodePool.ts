import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import type { WorkerHandle } from '../models/runner/runner';
import { startWorker } from './remote';
import type { SimWorkerApi } from './simWorkerApi';

const bundles = new Map<string, string>();

/**
 * A worker entry (TypeScript) bundled to plain JavaScript, once per process and entry. Worker threads could load the
 * TypeScript through tsx instead, but tsx compiles with esbuild's `keepNames`, which wraps every
 * closure the simulation creates per run in a naming call; that made Node workers about 12% slower
 * than the same code as the browser runs it (bench, 2026-11-23).
 */
export function bundledWorker(entry: URL): string {
  const key = entry.href;
  let bundled = bundles.get(key);
  if (bundled === undefined) {
    const r = buildSync({
      entryPoints: [fileURLToPath(entry)],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      write: false,
      logLevel: 'silent',
    });
    bundled = r.outputFiles[0].text;
    bundles.set(key, bundled);
  }
  return bundled;
}

/** Starts `n` Node worker threads running the simulation API. */
export function nodeWorkers(n: number): WorkerHandle[] {
  // The prebuilt CLI (bin/cli.mjs) names its worker bundle; elsewhere it is bundled on first use.
  const prebuilt = (globalThis as { __proeftuinNodeWorker?: string }).__proeftuinNodeWorker;
  const source = prebuilt ?? bundledWorker(new URL('./node.worker.ts', import.meta.url));
  return Array.from({ length: n }, () => startWorker<SimWorkerApi>(prebuilt ? new Worker(prebuilt) : new Worker(source, { eval: true }), 'the worker thread'));
}
