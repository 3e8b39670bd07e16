import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeScenarioBytes } from '../../models/scenario/text';
import { clone, root, smallInput } from '../helpers';
import { PARTIES_DEFAULT } from '../finance/helpers';
import { sim } from './simCli';

const dir = mkdtempSync(join(tmpdir(), 'proeftuin-cli-'));

// Each case starts the runner through tsx (seconds each; tens of seconds on a loaded machine).
describe('headless runner under faults', { timeout: 400_000 }, () => {
  it('Ctrl-C under npm run sim (the signal arrives twice, to the whole process group) keeps and writes the finished runs', async () => {
    const out = join(dir, 'partial.json');
    const samples = join(dir, 'partial.csv');
    // A run far too long to finish before the signal: the test waits for progress, never for time.
    const child = spawn('npm', ['run', '--silent', 'sim', '--', 'scenarios/default.json', '--runs', '1000000', '--workers', '1', '--out', out, '--samples', samples], {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let sent = 0;
    child.stdout.resume();
    // 'close', not 'exit': npm may exit on the signal before the runner (which holds the pipes) is done.
    const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
    // As a terminal does: to the process group (npm, sh, tsx and the runner). The second signal
    // follows once the runner has taken the first (two sent at once would merge into one).
    child.stderr.on('data', (d) => {
      stderr += d;
      if (sent === 0 && /\d+\/1000000 runs \(\d+%\)/.test(stderr)) {
        sent = 1;
        process.kill(-child.pid!, 'SIGINT');
      } else if (sent === 1 && /cancelling/.test(stderr)) {
        sent = 2;
        process.kill(-child.pid!, 'SIGINT');
      }
    });
    await exited;
    expect(sent, stderr).toBe(2);
    const res = JSON.parse(readFileSync(out, 'utf8'));
    expect(res.cancelled).toBe(true);
    expect(res.runsRequested).toBe(1_000_000);
    expect(res.runs).toBeGreaterThanOrEqual(1);
    expect(res.runs).toBeLessThan(1_000_000);
    expect(res.summary.runs).toBe(res.runs);
    expect(stderr).toContain(`partial results (${res.runs} runs) written to`);
    const lines = readFileSync(samples, 'utf8').trim().split('\n');
    expect(lines.length).toBe(1 + res.runs * res.summary.horizonYears);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('--samples or --out into a missing folder is refused before the run, with a message and no stack trace', async () => {
    const file = join(dir, 'small.json');
    writeFileSync(file, JSON.stringify(smallInput()));
    for (const opt of ['--samples', '--out']) {
      const r = await sim(file, '--runs', '3', opt, join(dir, 'no-such-folder', 'x.csv'));
      expect(r.code).toBe(64);
      expect(r.stderr).toMatch(new RegExp(`^${opt}: the folder .*no-such-folder does not exist\\n$`));
    }
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('bad --goal arguments are refused before the run starts', async () => {
    const file = join(dir, 'small-goal.json');
    writeFileSync(file, JSON.stringify(smallInput()));
    const cases: [string[], RegExp][] = [
      [['--goal', 'substitution[0].nothing'], /^--goal: no parameter at "substitution\[0\]\.nothing"$/m],
      [['--goal', 'substitution[0].maxShift', '--goal-prob', '1.5'], /^--goal-prob must be between 0 and 1 \(got 1\.5\)$/m],
      [['--goal', 'substitution[0].maxShift', '--goal-range', '0.1,x'], /^--goal-range must be two values lo,hi with lo < hi \(got 0\.1,x\)$/m],
      [['--goal-es-share', '0.1'], /^--goal-es-share and --goal-year go with --goal-population$/m],
    ];
    const results = await Promise.all(cases.map(([args]) => sim(file, '--runs', '3', ...args)));
    results.forEach((r, i) => {
      expect(r.code, cases[i][0].join(' ')).toBe(64);
      expect(r.stderr).toMatch(cases[i][1]);
      expect(r.stderr).not.toMatch(/runs on \d+ worker/);
    });
  });

  it('UTF-8 with a byte-order mark and UTF-16 (both byte orders) are read like plain UTF-8', async () => {
    const bad = clone(smallInput()) as any;
    bad.region.population = -5;
    bad.meta.title = 'Zorgregio ë – “test”';
    const text = JSON.stringify(bad);
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    const encodings: [string, Buffer][] = [
      ['utf8-bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
      ['utf16le-bom', Buffer.concat([Buffer.from([0xff, 0xfe]), le])],
      ['utf16be-bom', Buffer.concat([Buffer.from([0xfe, 0xff]), be])],
      ['utf16le', le],
      ['utf16be', be],
    ];
    for (const [name, bytes] of encodings) expect(decodeScenarioBytes(bytes), name).toBe(text);
    // Through the runner: the file parses and fails validation at the field (exit 2), not as JSON.
    const results = await Promise.all(
      encodings.slice(0, 3).map(([name, bytes]) => {
        const f = join(dir, `${name}.json`);
        writeFileSync(f, bytes);
        return sim(f);
      }),
    );
    for (const r of results) {
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/region\.population: must be ≥ 1/);
    }
  });

  it("never prints a file's control characters raw (titles, names, paths, messages)", async () => {
    const evil = '\u001b]52;c;cGF3bmVk\u0007\u001b]0;title\u0007\u001b[2J\u009b31m\rall checks passed\n';
    const s = clone(smallInput()) as any;
    s.meta.title = `Regio ${evil}`;
    s.financing = { parties: PARTIES_DEFAULT, models: [{ id: 'ffs', name: `FFS ${evil}`, kind: 'ffs' }] };
    const file = join(dir, 'evil\u001b[2J.json');
    writeFileSync(file, JSON.stringify(s));
    const ok = await sim(file, '--runs', '2', '--workers', '1');
    expect(ok.code, ok.stderr).toBe(0);
    s.region.population = -1;
    s.meta.title = 5;
    writeFileSync(file, JSON.stringify(s));
    const bad = await sim(file);
    expect(bad.code).toBe(2);
    for (const text of [ok.stdout, ok.stderr, bad.stderr]) {
      expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      expect(text).not.toMatch(/^all checks passed/m);
    }
    expect(ok.stdout).toContain('Regio \\u001b]52;c;cGF3bmVk\\u0007');
    expect(ok.stdout).toContain('FFS \\u001b]52;c;');
    expect(bad.stderr).toContain('evil\\u001b[2J.json is not a valid scenario');
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });
});
