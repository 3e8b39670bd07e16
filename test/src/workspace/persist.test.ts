import { describe, expect, it } from 'vitest';
import { slimSummary, slimWorkspace, type SavedWorkspace } from '../../../src/workspace/persist';
import { scenarioFromUrl } from '../../../src/workspace/io';
import LZString from 'lz-string';

const stat = (m: number) => ({ n: 10, mean: m, sd: 1, mcse: 0.1, p5: m - 1, p25: m, p50: m, p75: m, p95: m + 1 });
const prob = (p: number) => ({ p, mcse: 0.01, n: 10 });
/** A summary-like object with the bulky parts the comparison does not read. */
function fullSummary(): any {
  const side = () => ({ total: stat(100), claims: { gp: stat(1) }, contacts: { gp: stat(2) }, highCostCases: stat(3), quality: stat(4), observedSavings: stat(5) });
  return {
    runs: 10,
    target: 0.02,
    startYear: 2027,
    horizonYears: 2,
    minimumSavingsRate: { closedForm: 0.01, at90: 0.01, at95: 0.012, withBenchmark: 0.011, population: 170000 },
    financing: { models: Array.from({ length: 6 }, () => ({ years: Array.from({ length: 10 }, () => ({ big: 'x'.repeat(1000) })) })) },
    sensitivity: { results: ['x'.repeat(5000)] },
    years: [2027, 2028].map((year) => ({
      year,
      population: stat(1),
      benchmark: stat(2),
      cf: side(),
      sc: side(),
      reduction: stat(0.02),
      pReachTarget: prob(0.5),
      pObserveTarget: prob(0.4),
      pObserveTargetByChance: prob(0.1),
      moved: { out: {} },
    })),
  };
}

describe('workspace persistence', () => {
  it('a kept result keeps exactly what the comparison reads, and is a fraction of the full size', () => {
    const full = fullSummary();
    const slim = slimSummary(full);
    expect(slim.runs).toBe(10);
    expect(slim.target).toBe(0.02);
    expect(slim.minimumSavingsRate).toEqual({ population: 170000, withBenchmark: 0.011 });
    expect(slim.years[1].sc.total).toEqual(full.years[1].sc.total);
    expect(slim.years[1].cf.total).toEqual(full.years[1].cf.total);
    expect(slim.years[0].pObserveTargetByChance).toEqual(prob(0.1));
    expect(Object.keys(slim.years[0].sc)).toEqual(['total']);
    expect(JSON.stringify(slim).length).toBeLessThan(JSON.stringify(full).length / 10);
    expect(slimSummary(slim)).toEqual(slim); // idempotent: an already slim result stays as it is
  });

  it('a stored workspace is cleaned: damaged kept items dropped, damaged results removed, scenarios kept', () => {
    const w = {
      format: 'proeftuin-workspace',
      version: 1,
      scenario: { version: 1 },
      saved: [
        { id: 'a', name: 'A', scenario: { version: 1 }, savedAt: '', result: { summary: fullSummary(), cancelled: false } },
        { id: 'b', name: 'B', scenario: { version: 1 }, savedAt: '', result: { summary: { broken: true }, cancelled: false } },
        { id: 3, name: 'no id', scenario: {} },
        null,
        { id: 'c', name: 'no scenario' },
      ],
      compare: ['a', 7, 'b'],
      savedAt: '',
    } as unknown as SavedWorkspace;
    const s = slimWorkspace(w);
    expect(s.saved!.map((x) => x.id)).toEqual(['a', 'b']);
    expect(s.saved![0].result!.summary.years.length).toBe(2);
    expect(s.saved![1].result).toBeUndefined();
    expect(s.compare).toEqual(['a', 'b']);
  });

  it('share links: none, unreadable (garbage, cut off, not an object) and readable are told apart', () => {
    const good = LZString.compressToEncodedURIComponent(JSON.stringify({ version: 1, meta: { title: 'x'.repeat(300) } }));
    expect(scenarioFromUrl('')).toEqual({ kind: 'none' });
    expect(scenarioFromUrl('#other=1')).toEqual({ kind: 'none' });
    expect(scenarioFromUrl(`#s=${good}`)).toEqual({ kind: 'scenario', value: { version: 1, meta: { title: 'x'.repeat(300) } } });
    expect(scenarioFromUrl(`#a=1&s=${good}`).kind).toBe('scenario');
    expect(scenarioFromUrl('#s=').kind).toBe('unreadable');
    expect(scenarioFromUrl('#s=%%%nonsense***').kind).toBe('unreadable');
    expect(scenarioFromUrl(`#s=${good.slice(0, Math.floor(good.length / 2))}`).kind).toBe('unreadable');
    expect(scenarioFromUrl(`#s=${LZString.compressToEncodedURIComponent('[1,2]')}`).kind).toBe('unreadable');
    expect(scenarioFromUrl(`#s=${LZString.compressToEncodedURIComponent('42')}`).kind).toBe('unreadable');
  });
});
