import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../models/scenario/hash';
import { sim } from './simCli';

describe('the headless runner keeps the runs in a temporary file unless --in-memory', { timeout: 400_000 }, () => {
  it('prints and writes the same numbers either way (the default scenario, 120 runs on 2 workers)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'proeftuin-spill-'));
    const spilled = await sim('scenarios/default.json', '--runs', '120', '--workers', '2', '--out', join(dir, 'spilled.json'));
    const held = await sim('scenarios/default.json', '--runs', '120', '--workers', '2', '--in-memory', '--out', join(dir, 'held.json'));
    expect(spilled.code, spilled.stderr).toBe(0);
    expect(held.code, held.stderr).toBe(0);
    expect(spilled.stdout).toBe(held.stdout);
    const a = JSON.parse(readFileSync(join(dir, 'spilled.json'), 'utf8'));
    const b = JSON.parse(readFileSync(join(dir, 'held.json'), 'utf8'));
    expect(a.runs).toBe(120);
    expect(canonicalJson(a.summary)).toBe(canonicalJson(b.summary));
  });
});
