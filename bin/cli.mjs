// Starts a headless command (sim, merge) from a prebuilt bundle in .cli/, rebuilt with esbuild
// only when a source file is newer than it: compiling the TypeScript and bundling the worker on
// every start took most of a short run's time.
//   node bin/cli.mjs sim <args…>
//   node bin/cli.mjs build     (only the bundles; `npm run build` runs it)
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
  const sources = Math.max(
    ...SOURCES.map((p) => join(ROOT, p))
      .filter(existsSync)
      .map(newest),
  );
  const files = ['sim.mjs', 'merge.mjs', 'node.worker.cjs'];
  if (files.every((f) => existsSync(join(OUT, f))) && statSync(stamp).mtimeMs >= sources) return;
  const { build } = await import('esbuild');
  const { mkdirSync, renameSync, rmSync } = await import('node:fs');
  // Built into a folder of this process's own, then renamed into place file by file (the worker
  // bundle, the freshness stamp, last): shards started together may all rebuild, none reads a
  // half-written file.
  const tmp = join(ROOT, `.cli-build-${process.pid}`);
  const common = { bundle: true, platform: 'node', target: 'node20', logLevel: 'warning', sourcemap: 'linked', absWorkingDir: ROOT, external: ['esbuild'] };
  try {
    await Promise.all([
      build({ ...common, entryPoints: [join(ROOT, ENTRIES['node.worker'])], format: 'cjs', outfile: join(tmp, 'node.worker.cjs') }),
      ...['sim', 'merge'].map((k) =>
        build({
          ...common,
          entryPoints: [join(ROOT, ENTRIES[k])],
          format: 'esm',
          outfile: join(tmp, `${k}.mjs`),
          banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
        }),
      ),
    ]);
    mkdirSync(OUT, { recursive: true });
    for (const f of [...files.flatMap((f) => [`${f}.map`, f])]) renameSync(join(tmp, f), join(OUT, f));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const [name, ...args] = process.argv.slice(2);
if (!['sim', 'merge', 'build'].includes(name)) {
  process.stderr.write('usage: node bin/cli.mjs sim|merge <args…> | build\n');
  process.exit(64);
}
await ensureBuilt();
if (name === 'build') process.exit(0);
globalThis.__proeftuinNodeWorker = join(OUT, 'node.worker.cjs');
process.argv = [process.argv[0], join(OUT, `${name}.mjs`), ...args];
await import(pathToFileURL(join(OUT, `${name}.mjs`)).href);
