import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openShards, writeShardFile } from '../../bin/shardFiles';
import { fileStore } from '../../bin/spillFile';
import { encodeShard, shardRange } from '../../models/runner/shard';
import { runOnWorkers } from '../../models/runner/runner';
import { inProcessWorker } from '../../models/runner/inProcess';
import { compile } from '../../models/pipeline/compile';
import { summarize } from '../../models/summary/summarize';
import { bitDifferences, smallInput, valid } from '../helpers';

describe('shard files written column by column and merged from the files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'proeftuin-shardfiles-'));
  const scenario = valid(smallInput({ seed: 'shard-files' }));
  const total = 41;
  const head = { scenarioHash: 'h', seed: scenario.simulation.seed, mode: 'aggregate' as const, total, scenario };

  it('hold the bytes encodeShard gives, and their merge read from the files summarises to the single run bit for bit', async () => {
    const files: string[] = [];
    for (let i = 0; i < 3; i++) {
      const [firstRun, runs] = shardRange(total, i, 3);
      const store = fileStore();
      const spilled = await runOnWorkers([inProcessWorker(), inProcessWorker()], scenario, { firstRun, runs, chunkSize: 4, spill: store, spillCacheBytes: 1 });
      const held = await runOnWorkers([inProcessWorker()], scenario, { firstRun, runs, assemble: true });
      const file = join(dir, `s${i}.bin`);
      writeShardFile(file, head, spilled.block);
      store.close();
      expect(Buffer.compare(readFileSync(file), Buffer.from(encodeShard(head, held.block)))).toBe(0);
      files.push(file);
    }
    const single = await runOnWorkers([inProcessWorker()], scenario, { runs: total, assemble: true });
    const model = compile(scenario);
    const merged = openShards([files[2], files[0], files[1]]);
    try {
      expect(merged.header).toMatchObject({ firstRun: 0, runs: total, total });
      expect(bitDifferences(summarize(model, merged.block), summarize(model, single.block))).toEqual([]);
    } finally {
      merged.close();
    }
  });

  it('refuse a file that is not a shard, one cut off, one missing and runs left out, naming them', () => {
    const notShard = join(dir, 'not.bin');
    writeFileSync(notShard, 'hello\n'.repeat(20000));
    expect(() => openShards([notShard])).toThrow(/not\.bin: not a Proeftuin shard file/);
    const whole = readFileSync(join(dir, 's1.bin'));
    const cut = join(dir, 'cut.bin');
    writeFileSync(cut, whole.subarray(0, whole.length - 8));
    expect(() => openShards([cut])).toThrow(/cut\.bin: \d+ bytes where the header promises \d+/);
    expect(() => openShards([join(dir, 'nowhere.bin')])).toThrow(/nowhere\.bin: ENOENT/);
    expect(() => openShards([join(dir, 's0.bin'), join(dir, 's2.bin')])).toThrow(/runs 14–27 are missing/);
  });
});
