// Starts a headless command (sim, merge) from a prebuilt bundle in .cli/, rebuilt with esbuild
// only when a source file is newer than it: compiling the TypeScript and bundling the worker on
// every start took most of a short run's time.
//   node bin/cli.mjs sim <args…>
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, '.cli');
const ENTRIES = { sim: 'bin/sim.ts', merge: 'bin/merge.ts', 'node.worker': 'workers/node.worker.ts' };
const SOURCES = ['bin', 'models', 'workers', 'scenarios', 'package.json', 'package-lock.json'];

function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let t = s.mtimeMs;
  for (const e of readdirSync(path, { withFileTypes: true })) if (e.name !== 'node_modules') t = Math.max(t, newest(join(path, e.name)));
  return t;
}

async function ensureBuilt() {
  const stamp = join(OUT, 'node.worker.cjs');
  const sources = Math.max(...SOURCES.map((p) => join(ROOT, p)).filter(existsSync).map(newest));
  if (existsSync(stamp) && Object.keys(ENTRIES).every((k) => existsSync(join(OUT, `${k}.${k === 'node.worker' ? 'cjs' : 'mjs'}`))) && statSync(stamp).mtimeMs >= sources) return;
  const { build } = await import('esbuild');
  const common = { bundle: true, platform: 'node', target: 'node20', logLevel: 'warning', sourcemap: 'linked', absWorkingDir: ROOT, external: ['esbuild'] };
  await Promise.all([
    // The worker first-class: CommonJS as worker threads load it by path.
    build({ ...common, entryPoints: [join(ROOT, ENTRIES['node.worker'])], format: 'cjs', outfile: join(OUT, 'node.worker.cjs.tmp.cjs') }),
    ...['sim', 'merge'].map((k) =>
      build({ ...common, entryPoints: [join(ROOT, ENTRIES[k])], format: 'esm', outfile: join(OUT, `${k}.mjs`), banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } }),
    ),
  ]);
  // The worker bundle is the freshness stamp, so it is renamed into place last.
  const { renameSync } = await import('node:fs');
  renameSync(join(OUT, 'node.worker.cjs.tmp.cjs'), stamp);
  renameSync(join(OUT, 'node.worker.cjs.tmp.cjs.map'), `${stamp}.map`);
}

const [name, ...args] = process.argv.slice(2);
if (!['sim', 'merge'].includes(name)) {
  process.stderr.write('usage: node bin/cli.mjs sim|merge <args…>\n');
  process.exit(64);
}
await ensureBuilt();
globalThis.__proeftuinNodeWorker = join(OUT, 'node.worker.cjs');
process.argv = [process.argv[0], join(OUT, `${name}.mjs`), ...args];
await import(pathToFileURL(join(OUT, `${name}.mjs`)).href);
