import { describe, expect, it } from 'vitest';
import { pickColumns } from '../../models/runner/merge';
import { KEY_ERROR_COLUMNS, keyErrors } from '../../models/analysis/precision';
import { defaultInput, run } from '../helpers';

describe('blocks cut to the columns a worker needs', () => {
  it('pickColumns copies only the named columns', () => {
    const b = {
      firstRun: 5,
      runs: 2,
      years: 2,
      names: ['a', 'b', 'c'],
      cols: [new Float64Array([1, 2, 3, 4]), new Float64Array([5, 6, 7, 8]), new Float64Array([9, 9, 9, 9])],
      params: new Float64Array(6),
      nParams: 3,
    };
    const p = pickColumns(b, ['c', 'a']);
    expect(p.names).toEqual(['c', 'a']);
    expect([...p.cols[1]]).toEqual([1, 2, 3, 4]);
    p.cols[1][0] = 100;
    expect(b.cols[0][0]).toBe(1);
    expect(p).toMatchObject({ firstRun: 5, runs: 2, years: 2, nParams: 0 });
    expect(() => pickColumns(b, ['z'])).toThrow(/no column/);
  });

  it('the "enough runs?" check gives the same errors on its columns alone as on the whole block', () => {
    const { block } = run(defaultInput(), 60);
    expect(keyErrors(pickColumns(block, KEY_ERROR_COLUMNS), 0.02)).toEqual(keyErrors(block, 0.02));
  });
});
