import { describe, expect, it } from 'vitest';
import { decodeShard, encodeShard, mergeShards, parseShard, shardRange } from '../../models/runner/shard';
import { summarize } from '../../models/summary/summarize';
import { canonicalJson } from '../../models/scenario/hash';
import { run, smallInput, valid } from '../helpers';

const bitEqual = (a: Float64Array, b: Float64Array) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

describe('shards of one study', () => {
  it('split the runs into contiguous ranges that cover each run once', () => {
    for (const [total, of] of [
      [10, 3],
      [7, 7],
      [5, 8],
      [100_000, 12],
      [1, 1],
    ]) {
      let next = 0;
      for (let i = 0; i < of; i++) {
        const [first, count] = shardRange(total, i, of);
        expect(first).toBe(next);
        expect(count).toBeGreaterThanOrEqual(0);
        next += count;
      }
      expect(next).toBe(total);
    }
    expect(parseShard('3/10')).toEqual({ index: 2, of: 10 });
    for (const bad of ['0/3', '4/3', '1-3', '', '1/0', 'a/b']) expect(() => parseShard(bad)).toThrow(/--shard/);
  });

  it('merged in any order, give the single run bit for bit (columns, θ and the whole summary)', () => {
    const input = smallInput({ seed: 'shards' });
    const total = 37;
    const single = run(input, total);
    const scenario = valid(input);
    const files = [0, 1, 2].map((i) => {
      const [first, count] = shardRange(total, i, 3);
      const { block } = run(input, count, 'aggregate', first);
      return encodeShard({ scenarioHash: 'h', seed: scenario.simulation.seed, mode: 'aggregate', total, scenario }, block);
    });
    const merged = mergeShards([2, 0, 1].map((i) => ({ name: `s${i}`, ...decodeShard(files[i], `s${i}`) })));
    expect(merged.block.runs).toBe(total);
    expect(merged.block.names).toEqual(single.block.names);
    merged.block.cols.forEach((c, i) => expect(bitEqual(c, single.block.cols[i]), single.block.names[i]).toBe(true));
    expect(bitEqual(merged.block.params, single.block.params)).toBe(true);
    expect(canonicalJson(summarize(single.model, merged.block))).toBe(canonicalJson(summarize(single.model, single.block)));
  });

  it('refuse shards that are cut off, of another study, overlapping or leaving runs out, saying which', () => {
    const input = smallInput({ seed: 'shards' });
    const scenario = valid(input);
    const make = (first: number, count: number, total: number, seed = scenario.simulation.seed) =>
      encodeShard({ scenarioHash: 'h', seed, mode: 'aggregate', total, scenario }, run(input, count, 'aggregate', first).block);
    const dec = (b: Uint8Array, name: string) => ({ name, ...decodeShard(b, name) });
    const a = make(0, 5, 10);
    expect(() => decodeShard(a.subarray(0, a.length - 8), 'cut.bin')).toThrow(/cut\.bin: .* bytes where the header promises/);
    expect(() => decodeShard(new TextEncoder().encode('{"runs": 3}'), 'x.json')).toThrow(/x\.json: not a Proeftuin shard/);
    expect(() => mergeShards([dec(a, 'a'), dec(make(5, 5, 10, 'other'), 'b')])).toThrow(/b: seed is "other"/);
    expect(() => mergeShards([dec(a, 'a'), dec(make(6, 4, 10), 'b')])).toThrow(/runs 6–6 are missing/);
    expect(() => mergeShards([dec(a, 'a'), dec(make(4, 6, 10), 'b')])).toThrow(/b repeats runs 5–5/);
    expect(() => mergeShards([dec(a, 'a')])).toThrow(/runs 6–10 are missing/);
  });
});
