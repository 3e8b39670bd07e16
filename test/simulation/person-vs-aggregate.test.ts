import { afterAll, describe, expect, it } from 'vitest';
import { ks2 } from '../support/ks';
import { meanSd } from '../../models/summary/stats';
import type { CheckRow } from '../../models/verification';
import { recordCheck } from '../support/record';
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
  const rows: CheckRow[] = [];
  afterAll(() => {
    if (rows.length === OUTPUTS.length) recordCheck({ id: 'aggregate-vs-person', test: 'test/simulation/person-vs-aggregate.test.ts', rows });
  });

  for (const name of OUTPUTS)
    it(`${name} (year ${YEAR})`, () => {
      const a = yearValues(agg, name, YEAR);
      const q = yearValues(person, name, YEAR);
      const { d, p } = ks2(a, q);
      // Published with the means: person-level as the reference, the SE of the difference of two
      // independent means as the Monte Carlo error; the verdict is the KS test's.
      const ma = meanSd(a);
      const mq = meanSd(q);
      rows.push({
        label: { nl: `${name}, jaar ${YEAR + 1} (gemiddelde)`, en: `${name}, year ${YEAR + 1} (mean)` },
        unit: name.includes('contacts') || name.includes('cases') || name.startsWith('moved') ? 'number' : 'euro',
        reference: mq.mean,
        result: ma.mean,
        mcse: Math.sqrt((ma.sd * ma.sd) / ma.n + (mq.sd * mq.sd) / mq.n),
        criterion: { kind: 'ks', p, alpha: ALPHA, d },
        pass: p > ALPHA,
      });
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
