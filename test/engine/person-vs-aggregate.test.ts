import { describe, expect, it } from 'vitest';
import { ks2 } from '../stats/ks';
import { clone, run, smallInput, yearValues } from '../helpers';

// Aggregate sampling must have the same distribution as simulating every person (model.md §2).
// Two independent samples of R runs each (different seeds) are compared per output with a
// two-sample KS test. Under the null the p-value is uniform, so each check fails by chance with
// probability 0.001; over the outputs below that is < 1% for the file. The seeds are fixed, so
// the outcome is reproducible.
const R = 1500;
const ALPHA = 0.001;
const OUTPUTS = ['cf.total', 'sc.total', 'cf.contacts.hospital', 'sc.claims.intermediate', 'moved.out.hospital', 'cf.highCost.cost', 'sc.highCost.cases', 'sc.claims.pharmacy'];
const YEAR = 2;

describe('aggregate mode ≡ person-level mode in distribution', () => {
  const agg = run(smallInput({ seed: 'agg' }), R, 'aggregate').block;
  const person = run(smallInput({ seed: 'person' }), R, 'person').block;

  for (const name of OUTPUTS)
    it(`${name} (year ${YEAR})`, () => {
      const { d, p } = ks2(yearValues(agg, name, YEAR), yearValues(person, name, YEAR));
      expect(p, `KS D=${d.toFixed(4)}`).toBeGreaterThan(ALPHA);
    });

  it('the comparison detects a wrong shape parameter (hospital dispersion halved)', () => {
    // The same test must reject when person mode uses another negative-binomial shape: this
    // shows the checks above have the power to catch a mistake of that size.
    // 3,000 runs a side: with 1,500 the power to see this error is too close to 1 − α.
    const wrong = clone(smallInput({ seed: 'person' }));
    for (const seg of wrong.region.segments) (seg.lines.hospital as { dispersion: number }).dispersion /= 2;
    const bad = run(wrong, 2 * R, 'person').block;
    const ref = run(smallInput({ seed: 'agg' }), 2 * R, 'aggregate').block;
    const { p } = ks2(yearValues(ref, 'cf.contacts.hospital', YEAR), yearValues(bad, 'cf.contacts.hospital', YEAR));
    expect(p).toBeLessThan(ALPHA);
  });
});
