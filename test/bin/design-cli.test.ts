import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sim } from './simCli';

const dir = mkdtempSync(join(tmpdir(), 'proeftuin-design-'));

describe('npm run sim -- --design', { timeout: 400_000 }, () => {
  it('prints the variants with the proposal and writes the design; bad terms and limits are refused before any run', async () => {
    const out = join(dir, 'design.json');
    const accept = join(dir, 'accept.json');
    writeFileSync(accept, JSON.stringify([{ party: 'insurer', minMeanGain: 0 }, { party: 'hospital', maxPWorse: 0.6 }, { party: 'gp' }]));
    const r = await sim('scenarios/default.json', '--runs', '60', '--design', 'ss-one', '--terms', 'sharingRate=0.5:1', '--steps', '3', '--accept', accept, '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/contract ss-one: \d+ variants on the care of 60 runs \(financing re-applied to the same simulated care\)/);
    expect(r.stdout).toMatch(/variants acceptable to insurer, hospital, gp/);
    const d = JSON.parse(readFileSync(out, 'utf8'));
    expect(d.points.length).toBeGreaterThanOrEqual(3);
    expect(d.accept[1]).toEqual({ party: 'hospital', minMeanGain: 0, maxPWorse: 0.6 });
    for (const [args, msg] of [
      [['--terms', 'sharingRate=1:0'], /low must be a number below high/],
      [['--terms', 'sharingRate=0:1', '--accept', join(dir, 'missing.json')], /ENOENT|no such file/],
      [[], /--design needs --terms/],
    ] as const) {
      const bad = await sim('scenarios/default.json', '--runs', '20', '--design', 'ss-one', ...args);
      expect(bad.code).toBe(64);
      expect(bad.stderr).toMatch(msg);
    }
    writeFileSync(accept, JSON.stringify([{ party: 'nobody' }]));
    const party = await sim('scenarios/default.json', '--runs', '20', '--design', 'ss-one', '--terms', 'sharingRate=0:1', '--accept', accept);
    expect(party.code).toBe(64);
    expect(party.stderr).toMatch(/accept\.json\[0\]\.party: one of insurer/);
    const stray = await sim('scenarios/default.json', '--runs', '20', '--terms', 'sharingRate=0:1');
    expect(stray.code).toBe(64);
    expect(stray.stderr).toMatch(/go with --design/);
  });
});
