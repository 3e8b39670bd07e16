// Moves test files with `git mv` and rewrites every relative path that pointed at or from them
// (imports, `new URL(…, import.meta.url)`, `resolve(__dirname, …)`). Used once to make test/ mirror
// the source folders; kept so that the same moves can be re-applied after a merge brings files
// back into an old folder: `node tools/moveTests.mjs` (moves that already happened are skipped).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');
/** Old path → new path (folders move with everything in them). */
export const MOVES = [
  ['test/engine/correlation.test.ts', 'test/params/correlation.test.ts'],
  ['test/engine', 'test/simulation'],
  ['test/stats/ks.ts', 'test/support/ks.ts'],
  ['test/verification/record.ts', 'test/support/record.ts'],
  ['test/fuzz/runs.ts', 'test/support/fuzzRuns.ts'],
  ['test/fuzz/formula.test.ts', 'test/finance/formula.fuzz.test.ts'],
  ['test/fuzz/scenario.test.ts', 'test/scenario/scenario.fuzz.test.ts'],
  ['test/finance/changeSummary.test.ts', 'test/summary/changeSummary.test.ts'],
  ['test/finance/tailRisk.test.ts', 'test/summary/tailRisk.test.ts'],
  ['test/finance/scenarioParty.test.ts', 'test/src/charts/scenarioParty.test.ts'],
  ['test/summary/paramLabel.test.ts', 'test/src/charts/paramLabel.test.ts'],
  ['test/summary/goalSeek.test.ts', 'test/analysis/goalSeek.test.ts'],
  ['test/summary/goals.test.ts', 'test/analysis/goals.test.ts'],
  ['test/summary/precision.test.ts', 'test/analysis/precision.test.ts'],
  ['test/analysis/linearSolve.test.ts', 'test/summary/linearSolve.test.ts'],
  ['test/scenario/resultsSummary.test.ts', 'test/summary/resultsSummary.test.ts'],
  ['test/runner/atomicWrite.test.ts', 'test/bin/atomicWrite.test.ts'],
  ['test/runner/cli.test.ts', 'test/bin/cli.test.ts'],
  ['test/runner/design-cli.test.ts', 'test/bin/design-cli.test.ts'],
  ['test/runner/shard-cli.test.ts', 'test/bin/shard-cli.test.ts'],
  ['test/runner/simCli.ts', 'test/bin/simCli.ts'],
  ['test/charts', 'test/src/charts'],
  ['test/decision', 'test/src/decision'],
  ['test/editor', 'test/src/editor'],
  ['test/report', 'test/src/report'],
  ['test/workspace', 'test/src/workspace'],
];

const SCAN = ['test', 'bench', 'tools', 'bin', 'src', 'models', 'workers', 'scenarios', 'vite.config.ts'];
const files = (p) => (statSync(p).isDirectory() ? readdirSync(p).flatMap((f) => files(join(p, f))) : /\.(ts|tsx|mjs|cjs)$/.test(p) ? [p] : []);
const git = (...a) => execFileSync('git', a, { cwd: ROOT, encoding: 'utf8' });

/** Every file's old absolute path → new one, listed before moving. */
const moved = new Map();
for (const [from, to] of MOVES) {
  const src = join(ROOT, from);
  if (!existsSync(src)) continue;
  // A file listed on its own before its folder keeps its own destination.
  for (const f of statSync(src).isDirectory() ? files(src) : [src]) if (!moved.has(f)) moved.set(f, join(ROOT, to, relative(src, f)));
}
const newOf = (abs) => {
  if (moved.has(abs)) return moved.get(abs);
  for (const ext of ['.ts', '.tsx', '.mjs', '/index.ts']) if (moved.has(abs + ext)) return moved.get(abs + ext).slice(0, -ext.length);
  for (const [from, to] of MOVES) {
    const a = join(ROOT, from);
    if (abs === a || abs.startsWith(a + sep)) return join(ROOT, to, relative(a, abs));
  }
  return abs;
};
const oldOf = new Map([...moved].map(([o, n]) => [n, o]));

for (const [o, n] of moved) {
  execFileSync('mkdir', ['-p', dirname(n)]);
  git('mv', o, n);
}

// Relative specifiers: '…' or `…` starting with ./ or ../ (up to a template's first ${).
const SPEC = /(['"`])(\.\.?\/[^'"`$]*)/g;
for (const file of SCAN.flatMap((s) => (existsSync(join(ROOT, s)) ? files(join(ROOT, s)) : []))) {
  const was = oldOf.get(file) ?? file;
  const text = readFileSync(file, 'utf8');
  const out = text.replace(SPEC, (m, q, spec) => {
    const target = resolve(dirname(was), spec);
    if (was === file && newOf(target) === target) return m;
    let rel = relative(dirname(file), newOf(target)).split(sep).join('/');
    if (!rel.startsWith('.')) rel = './' + rel;
    if (spec.endsWith('/') && !rel.endsWith('/')) rel += '/';
    if (rel === './' && spec === '..') rel = '..';
    return q + (rel === spec ? spec : rel);
  });
  if (out !== text) writeFileSync(file, out);
}
for (const [o, n] of moved) console.log(`${relative(ROOT, o)} → ${relative(ROOT, n)}`);
