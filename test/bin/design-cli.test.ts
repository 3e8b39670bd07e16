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
    const badAccept = join(dir, 'accept-bad.json');
    writeFileSync(badAccept, JSON.stringify([{ party: 'nobody' }]));
    // The refusals are independent processes: started together with the run, and checked after it.
    const refusals = Promise.all([
      ...(
        [
          [['--terms', 'sharingRate=1:0'], /low must be a number below high/],
          [['--terms', 'sharingRate=0:1', '--accept', join(dir, 'missing.json')], /ENOENT|no such file/],
          [[], /--design needs --terms/],
          [['--terms', 'sharingRate=0:1', '--accept', badAccept], /accept-bad\.json\[0\]\.party: one of insurer/],
        ] as const
      ).map(async ([args, msg]) => ({ msg, r: await sim('scenarios/default.json', '--runs', '20', '--design', 'ss-one', ...args) })),
      sim('scenarios/default.json', '--runs', '20', '--terms', 'sharingRate=0:1').then((r) => ({ msg: /go with --design/, r })),
    ]);
    const r = await sim('scenarios/default.json', '--runs', '60', '--design', 'ss-one', '--terms', 'sharingRate=0.5:1', '--steps', '3', '--accept', accept, '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/contract ss-one: \d+ variants on the care of 60 runs \(financing re-applied to the same simulated care\)/);
    expect(r.stdout).toMatch(/variants acceptable to insurer, hospital, gp/);
    const d = JSON.parse(readFileSync(out, 'utf8'));
    expect(d.points.length).toBeGreaterThanOrEqual(3);
    expect(d.accept[1]).toEqual({ party: 'hospital', minMeanGain: 0, maxPWorse: 0.6 });
    for (const { msg, r: bad } of await refusals) {
      expect(bad.code, bad.stderr).toBe(64);
      expect(bad.stderr).toMatch(msg);
    }
  });
});
