import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';
import { contentSecurityPolicy } from './src/csp';
import { noticesForDist } from './tools/notices';

/** Every file under `dir`, relative to it with forward slashes. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)).split(sep).join('/'));
}

/**
 * Writes dist/sw.js (src/sw/serviceWorker.ts) after the build, with the list of built files to
 * cache (source maps left out) and a version that changes whenever one of them does.
 */
function serviceWorker(): Plugin {
  let outDir = 'dist';
  return {
    name: 'proeftuin-service-worker',
    apply: 'build',
    configResolved(c) {
      outDir = c.build.outDir;
    },
    async writeBundle(options) {
      const dir = options.dir ?? outDir;
      const files = filesUnder(dir)
        // _headers is for the host, not the browser (and a host may not serve it)
        .filter((f) => !f.endsWith('.map') && f !== 'sw.js' && f !== '_headers' && f !== 'THIRD-PARTY-NOTICES.txt')
        .sort();
      const version = createHash('sha256');
      for (const f of files)
        version
          .update(f)
          .update('\0')
          .update(readFileSync(join(dir, f)))
          .update('\0');
      const source = readFileSync(fileURLToPath(new URL('./src/sw/serviceWorker.ts', import.meta.url)), 'utf8');
      const { code } = await transform(source, {
        loader: 'ts',
        format: 'iife',
        target: 'es2022',
        define: { __SW_VERSION__: JSON.stringify(version.digest('hex').slice(0, 16)), __SW_PRECACHE__: JSON.stringify(files) },
      });
      writeFileSync(join(dir, 'sw.js'), code);
    },
  };
}

/**
 * Writes dist/THIRD-PARTY-NOTICES.txt after the build: every package in any bundle (the workers'
 * included, found through the source maps) with its licence and notice texts.
 */
function thirdPartyNotices(): Plugin {
  let outDir = 'dist';
  return {
    name: 'proeftuin-third-party-notices',
    apply: 'build',
    configResolved(c) {
      outDir = c.build.outDir;
    },
    writeBundle(options) {
      const dir = options.dir ?? outDir;
      writeFileSync(join(dir, 'THIRD-PARTY-NOTICES.txt'), noticesForDist('Proeftuin', dir));
    },
  };
}

/**
 * The Content-Security-Policy (src/csp.ts) everywhere the project serves or ships files: as a
 * header from the dev server and `vite preview` (only a header reaches the web workers), as a
 * <meta> tag in index.html (for hosts that send no header), and as dist/_headers (Netlify,
 * Cloudflare Pages; see the README for other hosts).
 */
function csp(): Plugin {
  let dev = false;
  return {
    name: 'proeftuin-csp',
    config: (_c, env) => {
      dev = env.command === 'serve' && !env.isPreview;
      return {
        server: { headers: { 'Content-Security-Policy': contentSecurityPolicy({ dev: true }) } },
        preview: { headers: { 'Content-Security-Policy': contentSecurityPolicy() } },
      };
    },
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy({ dev }) }, injectTo: 'head-prepend' }],
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: '_headers',
        source: `# Response headers for static hosts that read this file (Netlify, Cloudflare Pages).
# Generated from src/csp.ts by vite.config.ts; do not edit in dist/.
/*
  Content-Security-Policy: ${contentSecurityPolicy()}
  X-Content-Type-Options: nosniff
/sw.js
  Cache-Control: no-cache
`,
      });
    },
  };
}

/**
 * `virtual:verification`: the figures the test suite's last run wrote to
 * test-artifacts/verification/ (one JSON file per check; see test/support/record.ts) and the
 * commit being built, embedded at build time for the page "How do we know it is right?". Without
 * the folder the page says the checks were not measured for this build; nothing is made up here.
 */
function verificationReport(): Plugin {
  const id = 'virtual:verification';
  const root = fileURLToPath(new URL('.', import.meta.url));
  const dir = join(root, 'test-artifacts', 'verification');
  const git = (args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
    } catch {
      return '';
    }
  };
  return {
    name: 'proeftuin-verification',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load(resolved) {
      if (resolved !== `\0${id}`) return null;
      const checks = existsSync(dir)
        ? readdirSync(dir)
            .filter((f) => f.endsWith('.json'))
            .sort()
            .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')))
        : [];
      const report = {
        buildCommit: git(['rev-parse', 'HEAD']) || 'unknown',
        buildDirty: git(['status', '--porcelain', '--untracked-files=no']).length > 0,
        builtAt: new Date().toISOString(),
        checks,
      };
      return `export default ${JSON.stringify(report)};`;
    },
  };
}

/**
 * The dev server's dependency scan (Vite 8, Rolldown) re-parses vite-plugin-solid's
 * `jsx: 'preserve'` output as plain JS and fails on every .tsx that uses import.meta.glob
 * ("Failed to run dependency scan"; solidjs/solid-vite-plugin#262). The scan only walks imports,
 * so lowering JSX to classic calls there is harmless. Dev server only.
 */
function solidDepScan(): Plugin {
  return {
    name: 'proeftuin-solid-dep-scan',
    enforce: 'post',
    config: () => ({ optimizeDeps: { rolldownOptions: { transform: { jsx: { runtime: 'classic' } } } } }),
  };
}

export default defineConfig({
  plugins: [solid(), solidDepScan(), csp(), verificationReport(), serviceWorker(), thirdPartyNotices()],
  worker: {
    format: 'es',
    // Vite strips comments from the page's bundle when minifying but not from the workers': there
    // the licence headers of every small @stdlib file came to about a third of each bundle. The
    // licences travel in dist/THIRD-PARTY-NOTICES.txt (thirdPartyNotices above).
    rolldownOptions: { output: { comments: false } },
  },
  build: { target: 'es2022', sourcemap: true },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
