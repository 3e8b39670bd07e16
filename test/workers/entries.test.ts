import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers';

// zod compiles parsers with `new Function` unless `workers/zodConfig.ts` runs before any schema is
// built, and the site's policy forbids it; but importing that file pulls zod (about 100 kB) into a
// worker that never validates. So: a worker entry imports it first exactly when zod is in its
// import graph.
const dir = join(root, 'workers');
const entries = readdirSync(dir).filter((f) => f.endsWith('.worker.ts'));

/** The files a worker entry reaches through its imports, not counting what zodConfig itself brings. */
function reachedFrom(entry: string): string[] {
  const r = buildSync({
    entryPoints: [join(dir, entry)],
    bundle: true,
    write: false,
    metafile: true,
    platform: entry === 'node.worker.ts' ? 'node' : 'browser',
    format: 'esm',
    logLevel: 'silent',
    absWorkingDir: root,
  });
  const inputs = r.metafile!.inputs;
  const start = Object.keys(inputs).find((f) => f.endsWith(`workers/${entry}`))!;
  const seen = new Set([start]);
  for (const f of seen) for (const i of inputs[f].imports) if (!i.path.endsWith('zodConfig.ts') && i.path in inputs) seen.add(i.path);
  return [...seen];
}

describe('worker entries', () => {
  it.each(entries)('%s imports zodConfig first exactly when it bundles zod', (entry) => {
    const withZod = reachedFrom(entry).some((f) => f.includes('node_modules/zod/'));
    const firstImport = /^\s*import\s+(?:[^'"]*from\s+)?['"]([^'"]+)['"]/m.exec(readFileSync(join(dir, entry), 'utf8'))?.[1];
    if (withZod) expect(firstImport, `${entry} bundles zod`).toBe('./zodConfig');
    else expect(firstImport, `${entry} has no zod without zodConfig: leave it out`).not.toBe('./zodConfig');
  });
});
