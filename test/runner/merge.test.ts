import { describe, expect, it } from 'vitest';
import { BlockAssembly, mergeBlocks, pickColumns } from '../../models/runner/merge';
import { KEY_ERROR_COLUMNS, keyErrors } from '../../models/analysis/precision';
import { defaultInput, labelledChunk as chunk, run } from '../helpers';

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

describe('chunks assembled in place', () => {
  it('in any order, and growing past the runs first expected, give what mergeBlocks gives; a prefix only once its runs arrived', () => {
    const parts = [chunk(4, 3), chunk(0, 2), chunk(9, 5), chunk(2, 2), chunk(7, 2)];
    // Room for 5 runs: the chunk at 9–13 makes it grow twice over.
    const a = new BlockAssembly(0, 5);
    a.add(parts[0]);
    a.add(parts[1]);
    expect(a.contiguous()).toBe(2);
    expect(() => a.prefix(3)).toThrow(/runs 2–2 have not arrived/);
    for (const p of parts.slice(2)) a.add(p);
    expect(a.contiguous()).toBe(14);
    const want = mergeBlocks(parts);
    const got = a.prefix(14);
    expect(got.runs).toBe(14);
    got.cols.forEach((c, i) => expect(Array.from(c)).toEqual(Array.from(want.cols[i])));
    expect(Array.from(got.params)).toEqual(Array.from(want.params));
    const head = a.prefix(6);
    expect(Array.from(head.cols[1])).toEqual(Array.from(mergeBlocks(parts.filter((p) => p.firstRun < 6)).cols[1]).slice(0, 18));
  });
});
