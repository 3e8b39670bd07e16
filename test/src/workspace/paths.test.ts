import { describe, expect, it } from 'vitest';
import { pathUnder } from '../../../src/workspace/paths';

describe('pathUnder', () => {
  it('holds the path itself and what lies inside it, by field or by index, and nothing that only shares a prefix', () => {
    expect(pathUnder('financing', 'financing')).toBe(true);
    expect(pathUnder('financing.models[2].sharingRate.value', 'financing')).toBe(true);
    expect(pathUnder('financing.models[2].sharingRate.value', 'financing.models[2]')).toBe(true);
    expect(pathUnder('region.segments[0]', 'region.segments')).toBe(true);
    expect(pathUnder('financing.models[12].id', 'financing.models[1]')).toBe(false);
    expect(pathUnder('lineSomething', 'lines')).toBe(false);
    expect(pathUnder('benchmarks.x', 'benchmark')).toBe(false);
    expect(pathUnder('region', 'region.population')).toBe(false);
  });
});
