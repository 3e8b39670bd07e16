import { describe, expect, it } from 'vitest';
import defaultScenario from '../../../scenarios/default.json';
import { scenarioDifferences } from '../../../src/report/scenarioDiff';
import { pathString } from '../../../src/workspace/paths';
import { paramValueText } from '../../../src/report/assumptions';

const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('scenarioDifferences (the compare view\'s "what changed")', () => {
  it('finds nothing between a scenario and its copy, nor in descriptions and sources', () => {
    const b = copy(defaultScenario) as any;
    b.meta.title = 'Another title';
    const p = b.region.segments[1].lines.hospital.costPerContact;
    if (p && typeof p === 'object') p.source = 'reworded source';
    expect(scenarioDifferences([defaultScenario, b])).toEqual([]);
  });

  it("lists exactly the changed fields, with each scenario's value, in file order", () => {
    const b = copy(defaultScenario) as any;
    const c = copy(defaultScenario) as any;
    b.region.population = 120000;
    c.substitution[0].maxShift = { dist: 'pert', min: 0.1, mode: 0.2, max: 0.3 };
    c.financing.models.pop();
    const d = scenarioDifferences([defaultScenario, b, c]);
    const paths = d.map((x) => pathString(x.path));
    expect(paths[0]).toBe('region.population');
    expect(d[0].values).toEqual([(defaultScenario as any).region.population, 120000, (defaultScenario as any).region.population]);
    expect(paths).toContain('substitution[0].maxShift');
    // The removed model: its fields are absent (undefined) in the third scenario.
    const last = (defaultScenario as any).financing.models.length - 1;
    const gone = d.filter((x) => pathString(x.path).startsWith(`financing.models[${last}]`));
    expect(gone.length).toBeGreaterThan(0);
    expect(gone.every((x) => x.values[2] === undefined && x.values[0] !== undefined)).toBe(true);
    // Nothing else: every listed path is one of the three edits.
    expect(paths.every((p) => p === 'region.population' || p === 'substitution[0].maxShift' || p.startsWith(`financing.models[${last}]`))).toBe(true);
  });

  it('treats { value: x } as x', () => {
    const a = copy(defaultScenario) as any;
    const b = copy(defaultScenario) as any;
    a.region.population = 170000;
    b.region.population = { value: 170000, source: 'CBS' };
    expect(scenarioDifferences([a, b])).toEqual([]);
  });

  it('a name is one value, written once or per language; the list shows it in the interface language', () => {
    const b = copy(defaultScenario) as any;
    const c = copy(defaultScenario) as any;
    const seg = (defaultScenario as any).region.segments[0].name;
    b.region.segments[0].name = seg.nl;
    b.region.segments[0].name = { nl: seg.nl, en: seg.nl };
    expect(scenarioDifferences([{ ...copy(defaultScenario), region: { ...b.region, segments: b.region.segments.map((g: any, i: number) => (i === 0 ? { ...g, name: seg.nl } : g)) } }, b])).toEqual([]);
    c.region.segments[0].name = { ...seg, en: 'Well' };
    const d = scenarioDifferences([defaultScenario, c]);
    expect(d.map((x) => pathString(x.path))).toEqual(['region.segments[0].name']);
    expect(paramValueText(d[0].values[1], 'en')).toBe('Well');
    expect(paramValueText(d[0].values[1], 'nl')).toBe(seg.nl);
  });
});
