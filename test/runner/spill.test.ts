import { describe, expect, it } from 'vitest';
import { MemoryStore, RunSpill } from '../../models/runner/spill';
import { mergeBlocks } from '../../models/runner/merge';
import { runOnWorkers } from '../../models/runner/runner';
import { inProcessWorker } from '../../models/runner/inProcess';
import { compile } from '../../models/pipeline/compile';
import { summarize } from '../../models/summary/summarize';
import { thetaColumns } from '../../models/simulation/columns';
import { bitDifferences, defaultInput, labelledChunk as chunk, valid } from '../helpers';

const sameBits = (x: Float64Array, y: Float64Array) => x.length === y.length && Buffer.from(x.buffer, x.byteOffset, x.byteLength).equals(Buffer.from(y.buffer, y.byteOffset, y.byteLength));

describe('runs spilled to a store and read back', () => {
  it('in any order give what mergeBlocks gives, column by column and θ; a prefix only once its runs arrived', () => {
    const parts = [chunk(4, 3), chunk(0, 2), chunk(9, 5), chunk(2, 2), chunk(7, 2)];
    const s = new RunSpill(new MemoryStore(), 0);
    s.add(parts[0]);
    s.add(parts[1]);
    expect(s.contiguous()).toBe(2);
    expect(() => s.block(3)).toThrow(/runs 2–2 have not arrived/);
    for (const p of parts.slice(2)) s.add(p);
    expect(s.contiguous()).toBe(14);
    const want = mergeBlocks(parts);
    // A cache of one byte keeps a single column: every other read goes to the store again.
    const got = s.block(14, 1);
    expect(got).toMatchObject({ firstRun: 0, runs: 14, years: 3, nParams: 2, names: want.names });
    expect(sameBits(got.params, want.params)).toBe(true);
    // θ of some slots, read without θ of every slot, in any order of the slots.
    const slotCols = got.paramColumns!([1, 0]);
    [1, 0].forEach((slot, j) => expect(Array.from(slotCols[j])).toEqual(Array.from({ length: 14 }, (_, r) => want.params[r * 2 + slot])));
    expect(thetaColumns(want, [1])).toEqual([slotCols[0]]);
    // A copy of the block has θ as a plain value and reads the slots from it.
    const copy = { ...got };
    expect(copy.paramColumns).toBeUndefined();
    expect(sameBits(thetaColumns(copy, [1])[0], slotCols[0])).toBe(true);
    for (let round = 0; round < 2; round++) want.cols.forEach((c, i) => expect(sameBits(got.cols[i], c)).toBe(true));
    expect(got.cols.map((c) => c[3])).toEqual(want.cols.map((c) => c[3]));
    expect(got.cols.length).toBe(3);
    // A prefix that ends inside a chunk reads only its own runs of it.
    const part = s.block(5);
    const merged5 = mergeBlocks([chunk(0, 5)]);
    part.cols.forEach((c, i) => expect(sameBits(c, merged5.cols[i])).toBe(true));
    expect(() => {
      (part.cols as unknown as Float64Array[])[0] = new Float64Array(0);
    }).toThrow(/read-only/);
  });

  it('a first run after 0: chunks before it are refused', () => {
    const s = new RunSpill(new MemoryStore(), 10);
    expect(() => s.add(chunk(8, 2))).toThrow(/run 8 comes before the first run 10/);
    s.add(chunk(10, 4));
    expect(s.block(4).cols[1][0]).toBe(1000 + 100);
  });

  it('the default scenario summarised from spilled runs equals, bit for bit, its summary from runs in memory, for any chunks and workers', async () => {
    const scenario = valid(defaultInput());
    const model = compile(scenario);
    const runs = 60;
    const inMemory = await runOnWorkers([inProcessWorker()], scenario, { runs, assemble: true });
    const want = summarize(model, inMemory.block);
    for (const [workers, chunkSize, cache] of [
      [2, 7, 1],
      [1, 25, undefined],
    ] as const) {
      const r = await runOnWorkers(
        Array.from({ length: workers }, () => inProcessWorker()),
        scenario,
        { runs, chunkSize, spill: new MemoryStore(), spillCacheBytes: cache },
      );
      expect(r.runs).toBe(runs);
      expect(bitDifferences(summarize(model, r.block), want)).toEqual([]);
      inMemory.block.cols.forEach((c, i) => expect(sameBits(r.block.cols[i], c)).toBe(true));
    }
  });

  it('after a cancel, the spilled prefix of finished runs is what a plain run of that many gives', async () => {
    const scenario = valid(defaultInput());
    const model = compile(scenario);
    const controller = new AbortController();
    const r = await runOnWorkers([inProcessWorker(), inProcessWorker()], scenario, {
      runs: 200,
      chunkSize: 10,
      sliceMs: 0,
      signal: controller.signal,
      spill: new MemoryStore(),
      onProgress: (p) => {
        if (p.done >= 25) controller.abort();
      },
    });
    expect(r.cancelled).toBe(true);
    expect(r.runs).toBeGreaterThan(0);
    expect(r.runs).toBeLessThan(200);
    const plain = await runOnWorkers([inProcessWorker()], scenario, { runs: r.runs, assemble: true });
    expect(bitDifferences(summarize(model, r.block), summarize(model, plain.block))).toEqual([]);
  });
});
