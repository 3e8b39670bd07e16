import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../models/scenario/hash';
import { root, smallInput } from '../helpers';

const exec = promisify(execFile);
const hasParallel = spawnSync('sh', ['-c', 'command -v parallel'], { stdio: 'ignore' }).status === 0;
const tsx = (script: string, ...args: string[]) => exec(process.execPath, ['--import', 'tsx', join(root, script), ...args], { cwd: root });

describe('a study in shards (npm run sim -- --shard i/n, npm run merge)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'proeftuin-shards-'));
  const file = join(dir, 'small.json');
  writeFileSync(file, JSON.stringify(smallInput({ seed: 'shard-cli' })));

  it.skipIf(!hasParallel)('run as GNU parallel jobs and merged, equals one run of all runs (README example)', async () => {
    // The README's example, with the scenario and folder of this test.
    // Through npm run, as the README writes it: the prebuilt CLI (bin/cli.mjs) is built or reused.
    const cmd = `parallel --halt now,fail=1 -j 2 npm run -s sim -- ${file} --runs 45 --workers 1 --shard {}/3 --out ${dir}/shard-{}.bin ::: 1 2 3`;
    await exec('sh', ['-c', cmd], { cwd: root });
    await exec('sh', ['-c', `npm run -s merge -- ${dir}/shard-3.bin ${dir}/shard-1.bin ${dir}/shard-2.bin --out ${dir}/merged.json`], { cwd: root });
    await tsx('bin/sim.ts', file, '--runs', '45', '--workers', '2', '--out', join(dir, 'single.json'));
    const merged = JSON.parse(readFileSync(join(dir, 'merged.json'), 'utf8'));
    const single = JSON.parse(readFileSync(join(dir, 'single.json'), 'utf8'));
    expect(merged.runs).toBe(45);
    expect(merged.scenario).toEqual(single.scenario);
    expect(canonicalJson(merged.summary)).toBe(canonicalJson(single.summary));
  });

  it('refuses a missing shard with the runs it lacks, exit 2', async () => {
    await tsx('bin/sim.ts', file, '--runs', '20', '--workers', '1', '--shard', '1/2', '--out', join(dir, 'only-1.bin'));
    const r = await tsx('bin/merge.ts', join(dir, 'only-1.bin'), '--out', join(dir, 'x.json')).catch((e) => e);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/runs 11–20 are missing/);
    const bad = await tsx('bin/sim.ts', file, '--shard', '3/2', '--out', join(dir, 'y.bin')).catch((e) => e);
    expect(bad.code).toBe(64);
    expect(bad.stderr).toMatch(/shard number must be from 1 to 2/);
  });
});
