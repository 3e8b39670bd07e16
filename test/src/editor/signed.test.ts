import { describe, expect, it, vi } from 'vitest';

// The formatters follow the interface language, which the page reads from its address.
vi.stubGlobal('location', { search: '?lang=nl' });
const { euroMln, pct, signed } = await import('../../../src/format');

describe('signed amounts (Dutch)', () => {
  it('puts one sign in front (a true minus), none on what shows as zero', () => {
    expect(signed(3.04e6, euroMln)).toBe('+€\u00a03,0 mln');
    expect(signed(-9.1e6, euroMln)).toBe('−€\u00a09,1 mln');
    expect(signed(-0.0042, (v) => pct(v, 2))).toBe('−0,42%');
    expect(signed(0.00001, (v) => pct(v, 2))).toBe('0,00%');
    expect(signed(-0.00001, (v) => pct(v, 2))).toBe('0,00%');
  });
});
