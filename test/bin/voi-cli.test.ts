import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sim } from './simCli';

const dir = mkdtempSync(join(tmpdir(), 'proeftuin-voi-'));

describe('npm run sim -- --voi', { timeout: 400_000 }, () => {
  it('prints each decision’s EVPI, ranked EVPPI, the group and the pilot, writes them, and refuses bad flags naming them', async () => {
    const out = join(dir, 'voi.json');
    // The refusals are independent processes: started together with the run, and checked after it.
    const refusals = Promise.all(
      (
        [
          [['--voi', '--pilot', '1000,x'], /--pilot: /],
          [['--voi', '--voi-group', 'nope'], /"nope" is not an uncertain parameter/],
          [['--pilot', '1000'], /go with --voi/],
          [['--voi', '--pilot-cost', '1,2'], /--pilot-cost goes with --pilot/],
        ] as const
      ).map(async ([args, msg]) => ({ msg, bad: await sim('scenarios/default.json', '--runs', '60', ...args) })),
    );
    const r = await sim(
      'scenarios/default.json',
      '--runs',
      '120',
      '--voi',
      '--voi-group',
      'lines.hospital.trend,lines.pharmacy.trend',
      '--pilot',
      '1000,20000',
      '--pilot-cost',
      '200000,15',
      '--out',
      out,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/go\/no-go \(net saving beyond the target\): EVPI /);
    expect(r.stdout).toMatch(/pilot of 20000 people for a year: EVSI .*, cost 0\.50, net /);
    const d = JSON.parse(readFileSync(out, 'utf8'));
    expect(d.runs).toBe(120);
    expect(d.decisions[0].pilot.map((p: { n: number; cost: number }) => [p.n, p.cost])).toEqual([
      [1000, 215_000],
      [20000, 500_000],
    ]);
    for (const { msg, bad } of await refusals) {
      expect(bad.code, bad.stderr).toBe(64);
      expect(bad.stderr).toMatch(msg);
    }
  });
});
