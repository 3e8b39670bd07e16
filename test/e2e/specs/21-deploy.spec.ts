import { env, test } from '../fixtures';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { assert } from '../harness';
import { serveStatic } from '../server';
import { CSP, contentSecurityPolicy } from '../../../src/csp';
import { typeInto } from '../typing';
const RUNS = 60;
async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => ok(port));
    });
  });
}
/** `vite preview` (the server the README names), or with `dev` Vite's dev server (`npm run dev`), on a free port; resolves once it answers. */
async function vitePreview(root: string, dev = false): Promise<{ url: string; proc: ChildProcess; stop: () => Promise<void> }> {
  const port = await freePort();
  const proc = spawn(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), ...(dev ? [] : ['preview']), '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  proc.stdout!.on('data', (d) => (log += d));
  proc.stderr!.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; ; i++) {
    if (proc.exitCode !== null) throw new Error(`vite preview exited: ${log}`);
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i > 300) throw new Error(`vite preview did not answer: ${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const stop = () =>
    new Promise<void>((ok) => {
      if (proc.exitCode !== null) return ok();
      proc.once('exit', () => ok());
      proc.kill('SIGTERM');
    });
  return { url, proc, stop };
}
/** A profile that may reach only `base`. */
async function contextFor(browser: Browser, base: string): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  ctx.setDefaultTimeout(15_000);
  await ctx.route('**/*', (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
  return ctx;
}
/**
 * Tries string eval and `new Function` where it runs; the error's name when refused. In a later
 * task: code evaluated by the test driver itself may eval whatever the policy (DevTools' bypass),
 * a timer callback may not.
 */
const EVAL_PROBE = `new Promise((resolve) => {
  const t = (f) => { try { f(); return 'ran'; } catch (e) { return e.name; } };
  setTimeout(() => resolve({ eval: t(() => (0, eval)('1 + 1')), fn: t(() => new Function('return 1')()) }), 0);
})`;
/**
 * Every web worker the app can start, read from its source (`new Worker(new URL('./x.worker.ts', …))`),
 * so a worker added later is probed without anyone remembering to list it here.
 */
function appWorkerKinds(root: string): string[] {
  const kinds = new Set<string>();
  for (const dir of ['src', 'workers'])
    for (const f of readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }))
      if (/\.tsx?$/.test(f))
        // Comments left out: a doc comment may show the pattern with a made-up name.
        for (const m of readFileSync(join(root, dir, f), 'utf8')
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/^\s*\/\/.*$/gm, '')
          .matchAll(/new Worker\(\s*new URL\(\s*['"]\.\/([\w.]+)\.ts['"]/g))
          kinds.add(m[1]);
  return [...kinds].sort();
}
type Probe = { url: string; eval: string; fn: string };
/** `sim.worker` from `…/assets/sim.worker-B7-s6m.js` (Vite's hash may hold `-` and `_`), `sw` from `/sw.js`. */
const kindOf = (url: string) =>
  url
    .replace(/^.*\//, '')
    .replace(/-[\w-]+\.js$/, '')
    .replace(/\.js$/, '');
/** In every worker of the page, and the service worker: whether string eval and `new Function` run (they must not, under the policy). */
async function evalInWorkers(page: Page): Promise<Probe[]> {
  const workers = [...page.workers(), ...page.context().serviceWorkers()];
  return Promise.all(
    workers.map(async (w) => ({
      url: w.url().replace(/^.*\/assets\//, ''),
      // A string, not a function: the test runner's transpiler would add helpers the worker lacks.
      ...((await w.evaluate(EVAL_PROBE)) as { eval: string; fn: string }),
    })),
  );
}

/**
 * Deployment: the policy is a header under `vite preview` and the test server, so string eval
 * fails inside every worker; dist/_headers carries the same policy; the site works offline under
 * `vite preview` (which sends `Vary: Origin`); the notice file lists every runtime dependency.
 */
test.describe.serial('21-deploy', () => {
  let dist: string;
  let pkg: { dependencies: Record<string, string> };
  let preview: { url: string; proc: ChildProcess; stop: () => Promise<void> };
  test.beforeAll(async () => {
    dist = join(env.root, 'dist');
    pkg = JSON.parse(readFileSync(join(env.root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  });
  test('dist/THIRD-PARTY-NOTICES.txt lists every runtime dependency with its licence; dist/_headers has the policy', async () => {
    const text = readFileSync(join(dist, 'THIRD-PARTY-NOTICES.txt'), 'utf8');
    const missing = Object.keys(pkg.dependencies).filter((n) => !new RegExp(`^${n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}@[\\d.]+\\nLicense: `, 'm').test(text));
    assert(missing.length === 0, `not in the notices: ${missing.join(', ')}`);
    for (const needle of ['Apache License', 'Boost Software License', 'Permission is hereby granted']) assert(text.includes(needle), `no ${needle} text`);
    const count = (text.match(/^License: /gm) ?? []).length;
    const headers = readFileSync(join(dist, '_headers'), 'utf8');
    assert(headers.includes(`Content-Security-Policy: ${CSP}`), `_headers: ${headers}`);
    console.log(`    notices: ${count} bundled packages (${Object.keys(pkg.dependencies).length} direct runtime dependencies), ${text.length} characters`);
  });
  test("the page itself loads no simulation engine, mathjs, zod or seedrandom: those are the workers' (the page would parse them at every open)", async () => {
    const dist = join(env.root, 'dist');
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const entry = /<script type="module"[^>]*src="\/?([^"]+)"/.exec(html)?.[1];
    assert(entry, 'no module script in dist/index.html');
    // The entry and every chunk it imports statically (dynamic imports load only when used).
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const m of readFileSync(join(dist, file), 'utf8').matchAll(/(?:import|export)\s*(?:[\w*{}\s,$]*from\s*)?["']\.\/([\w.-]+\.js)["']/g)) visit(join(file, '..', m[1]));
    };
    visit(entry);
    // A chunk without a source map is the bundler's own runtime helper.
    const sources = [...seen].flatMap((f) => (existsSync(join(dist, `${f}.map`)) ? (JSON.parse(readFileSync(join(dist, `${f}.map`), 'utf8')) as { sources: string[] }).sources : []));
    const banned = [
      'node_modules/mathjs/',
      'node_modules/zod/',
      'node_modules/seedrandom/',
      'models/simulation/block.ts',
      'models/simulation/simulate.ts',
      'models/random/samplers.ts',
      'models/pipeline/',
    ];
    const found = banned.filter((b) => sources.some((x) => x.includes(b)));
    assert(
      sources.some((x) => x.includes('src/App.tsx')),
      `the walk missed the app itself: ${[...seen].join(', ')}`,
    );
    assert(found.length === 0, `the page's own scripts (${[...seen].join(', ')}) carry ${found.join(', ')}`);
    console.log(`    page scripts loaded at opening: ${[...seen].length} files, ${[...seen].reduce((a, f) => a + readFileSync(join(dist, f)).length, 0)} bytes`);
  });
  test('the dev server (npm run dev) sends its policy as a header too, for the page and a worker module', async () => {
    const dev = await vitePreview(env.root, true);
    try {
      const want = contentSecurityPolicy({ dev: true });
      assert(!want.includes('unsafe-eval'), `dev policy allows eval: ${want}`);
      for (const path of ['', 'workers/sim.worker.ts']) {
        const r = await fetch(new URL(path, dev.url));
        assert(r.ok, `${path || '/'}: HTTP ${r.status}`);
        assert(r.headers.get('content-security-policy') === want, `${path || '/'} header: ${r.headers.get('content-security-policy')}`);
      }
    } finally {
      await dev.stop();
    }
  });
  test.describe.serial(() => {
    let ctx: BrowserContext;
    let page: Page;
    test.beforeAll(async () => {
      preview = await vitePreview(env.root);
    });
    test('vite preview sends the policy as a header, for the page and the worker scripts', async () => {
      const page = await fetch(preview.url);
      assert(page.headers.get('content-security-policy') === CSP, `page header: ${page.headers.get('content-security-policy')}`);
      const html = await page.text();
      const script = /src="(\/assets\/index-[^"]+\.js)"/.exec(html)?.[1];
      assert(script, 'no script in the page');
      const js = await fetch(new URL(script, preview.url));
      assert(js.headers.get('content-security-policy') === CSP, 'script without the header');
      const worker = /assets\/sim\.worker-[\w-]+\.js/.exec(await js.text())?.[0];
      assert(worker, 'no worker bundle named in the script');
      const w = await fetch(new URL(`/${worker}`, preview.url));
      assert(w.headers.get('content-security-policy') === CSP, 'worker script without the header');
      console.log(`    vite preview Vary: ${w.headers.get('vary') ?? '(none)'}`);
    });
    test('under the header, eval and new Function fail inside every worker (and run without the header: the check can tell)', async () => {
      ctx = await contextFor(env.browser, preview.url);
      page = await ctx.newPage();
      env.watch(page);
      await page.goto(`${preview.url}?runs=${RUNS}`);
      await env.waitDone(page);
      // Workers started on demand: the analysis worker with the first goal search (or "enough runs?" check).
      await typeInto(page, '[data-testid="goal-runs"]', '100');
      await page.click('[data-testid="goal-start"]');
      await page.waitForSelector('[data-testid="goal-status"][data-status="done"]', { timeout: 60_000 });
      // The region importer's worker starts with the first file read (one it refuses will do).
      await page.click('[data-testid="region-import-open"]');
      const notVektis = join(env.artifacts, '21-not-vektis.csv');
      writeFileSync(notVektis, 'a;b\n1;2\n');
      await page.setInputFiles('[data-testid="region-file"]', notVektis);
      await page.waitForSelector('[data-testid="region-problem"], [data-testid="region-file-info"]', { timeout: 30_000 });
      // The contract designer's worker starts with the first search (the first contract's first term, on its default range).
      await page.click('[data-testid="design-run"]');
      await page.waitForSelector('[data-testid="design-result"], [data-testid="design-message"]', { timeout: 300_000 });
      // The fair-split worker starts with the first Shapley split.
      await page.click('[data-testid="shapley-run"]');
      await page.waitForSelector('[data-testid="shapley-result"], [data-testid="shapley-message"]', { timeout: 600_000 });
      await page.evaluate(() => navigator.serviceWorker.ready);
      const under = await evalInWorkers(page);
      const want = appWorkerKinds(env.root);
      assert(want.length >= 6, `workers found in the source: ${want.join(', ')}`);
      const kinds = new Set(under.map((w) => kindOf(w.url)));
      const unprobed = [...want, 'sw'].filter((k) => !kinds.has(k));
      assert(unprobed.length === 0, `not probed: ${unprobed.join(', ')} (running: ${[...kinds].join(', ')})`);
      const ran = under.filter((w) => w.eval === 'ran' || w.fn === 'ran');
      assert(ran.length === 0, `eval ran in ${ran.map((w) => `${w.url} (eval ${w.eval}, Function ${w.fn})`).join(', ')}`);
      // Control: the same build from a server without the header.
      const bare = await serveStatic(dist, { csp: false });
      const c2 = await contextFor(env.browser, bare.url);
      try {
        const p2 = await c2.newPage();
        await p2.goto(`${bare.url}?runs=${RUNS}`);
        await env.waitDone(p2);
        const without = await evalInWorkers(p2);
        assert(without.length > 0 && without.every((w) => w.eval === 'ran'), `without the header eval did not run: ${JSON.stringify(without)}`);
      } finally {
        await c2.close();
        await bare.close();
      }
      console.log(`    workers under the header (${want.length} in the source, and the service worker): ${under.map((w) => `${kindOf(w.url)}: eval ${w.eval}, Function ${w.fn}`).join('; ')}`);
    });
    test('offline under vite preview: after one visit the page reloads and runs with the server stopped', async () => {
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      // the first visit's page is not yet controlled: one more load under the worker, online
      await page.reload();
      await env.waitDone(page);
      await ctx.setOffline(true);
      await preview.stop();
      assert(
        await fetch(preview.url).then(
          () => false,
          () => true,
        ),
        'vite preview still answers',
      );
      await page.reload();
      const h = await env.waitDone(page, 1, 60_000);
      assert(h.summary?.runs === RUNS, `offline run has ${h.summary?.runs} runs`);
      assert(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'page not served by the service worker');
    });
    test.afterAll(async () => {
      await ctx.close();
      await preview.stop();
    });
  });
});
