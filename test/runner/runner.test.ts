import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import { chunkPlan, runOnWorkers, type WorkerHandle } from '../../models/runner/runner';
import { inProcessWorker } from '../../models/runner/inProcess';
import { createSimApi } from '../../models/runner/api';
import { nodeWorkers } from '../../workers/nodePool';
import { connect } from '../../workers/remote';
import type { SimWorkerApi } from '../../workers/simWorkerApi';
import { exposeSimApi } from '../../workers/expose';
import { clone, defaultInput, root, run, smallInput, valid } from '../helpers';
import { defineScenario } from '../../models/pipeline/compile';

const exec = promisify(execFile);

describe('runner', () => {
  it('plans chunks that cover every run once, guided chunks shrinking toward the end', () => {
    for (const [total, workers, fixed] of [
      [10_000, 2, undefined],
      [7, 8, undefined],
      [1_003, 3, 13],
      [1, 1, undefined],
      [0, 2, undefined],
    ] as const) {
      const plan = chunkPlan(total, workers, fixed);
      let next = 0;
      for (const [first, count] of plan) {
        expect(first).toBe(next);
        expect(count).toBeGreaterThan(0);
        if (fixed === undefined) expect(count).toBeLessThanOrEqual(250);
        else expect(count).toBeLessThanOrEqual(fixed);
        next += count;
      }
      expect(next).toBe(total);
    }
    const guided = chunkPlan(10_000, 2);
    expect(guided[0][1]).toBe(250);
    expect(guided.at(-1)![1]).toBeLessThanOrEqual(10);
    for (let i = 1; i < guided.length; i++) expect(guided[i][1]).toBeLessThanOrEqual(guided[i - 1][1]);
  });

  /**
   * Two workers that record the chunks asked of them. While `slow`, the second one waits before
   * each chunk until the first has been asked twice as often (or every chunk is handed out), so the
   * two take chunks in an uneven pattern that a plain queue would not repeat. With `stop` set, it
   * is aborted once each worker has been asked for a chunk.
   */
  function recordingWorkers() {
    const rec = { asked: [[], []] as number[][], slow: true, stop: null as AbortController | null, workers: [] as WorkerHandle[] };
    const tick = () => new Promise((r) => setTimeout(r, 0));
    const { asked } = rec;
    rec.workers = [0, 1].map((k): WorkerHandle => {
      const w = inProcessWorker();
      return {
        ...w,
        runChunk: async (first, count, mode, onProgress, control) => {
          asked[k].push(first);
          if (rec.stop && asked[0].length > 0 && asked[1].length > 0) rec.stop.abort();
          while (k === 1 && rec.slow && asked[0].length < 2 * asked[1].length && asked[0].length + asked[1].length < 12) await tick();
          return w.runChunk(first, count, mode, onProgress, control);
        },
      };
    });
    return rec;
  }
  const handOut = { runs: 120, chunkSize: 10, sliceMs: Number.POSITIVE_INFINITY };

  it('hands each worker the chunks it ran in the last run first, with the same block as any hand-out', async () => {
    const rec = recordingWorkers();
    const { asked, workers } = rec;
    const first = await runOnWorkers(workers, smallInput(), handOut);
    const firstAsked = asked.map((a) => [...a]);
    expect(firstAsked[0].length).toBeGreaterThan(firstAsked[1].length); // uneven, as meant
    asked.forEach((a) => (a.length = 0));
    rec.slow = false;
    const second = await runOnWorkers(workers, smallInput(), handOut);
    // The worker with fewer chunks runs all of its own, in run order, then takes the other's from the
    // last; the other runs a first part of its own, in run order. Every chunk once.
    expect(asked[1].slice(0, firstAsked[1].length)).toEqual(firstAsked[1]);
    const stolen = asked[1].slice(firstAsked[1].length);
    expect(stolen).toEqual([...firstAsked[0]].reverse().slice(0, stolen.length));
    expect(asked[0]).toEqual(firstAsked[0].slice(0, asked[0].length));
    expect([...asked[0], ...asked[1]].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i * 10));
    expect(second.block.cols.map((c) => Array.from(c))).toEqual(first.block.cols.map((c) => Array.from(c)));
  });

  it('a hand-out stopped early (an edit typed on) leaves each worker first its chunks of the whole one before', async () => {
    const rec = recordingWorkers();
    const { asked, workers } = rec;
    await runOnWorkers(workers, smallInput(), handOut);
    const firstAsked = asked.map((a) => [...a]);
    expect(firstAsked[0].length).toBeGreaterThan(firstAsked[1].length);
    rec.slow = false;
    // Stopped once each worker has been handed one chunk: a few runs, not every chunk.
    asked.forEach((a) => (a.length = 0));
    rec.stop = new AbortController();
    await runOnWorkers(workers, smallInput(), { ...handOut, signal: rec.stop.signal }).catch(() => undefined);
    expect(asked[0].length + asked[1].length).toBeLessThan(12);
    rec.stop = null;
    asked.forEach((a) => (a.length = 0));
    await runOnWorkers(workers, smallInput(), handOut);
    expect(asked[1].slice(0, firstAsked[1].length)).toEqual(firstAsked[1]);
    expect(asked[0]).toEqual(firstAsked[0].slice(0, asked[0].length));
  });

  it('reports progress and can be cancelled, keeping a usable prefix of runs', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const res = await runOnWorkers([inProcessWorker(), inProcessWorker()], smallInput(), {
      runs: 400,
      chunkSize: 20,
      // Whole chunks only: a slice ended by the clock (a busy machine) would let later chunks' runs
      // count toward the 100 before the first chunks are complete.
      sliceMs: Number.POSITIVE_INFINITY,
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p.done);
        if (p.done >= 100) controller.abort();
      },
    });
    expect(res.cancelled).toBe(true);
    // The kept runs are the leading ones that finished: the progress count also holds runs finished
    // past a gap (the other worker may be chunks ahead on a loaded machine), so it bounds them
    // from above only.
    expect(res.block.runs).toBeGreaterThan(0);
    expect(res.block.runs).toBeLessThanOrEqual(seen[seen.length - 1]);
    expect(res.block.runs).toBeLessThan(400);
    expect(seen.every((d, i) => i === 0 || d >= seen[i - 1])).toBe(true);
    // The partial block is exactly the first runs of a full run.
    const full = run(smallInput(), res.block.runs).block;
    expect(res.block.cols.every((c, i) => c.every((v, j) => Object.is(v, full.cols[i][j])))).toBe(true);
  });

  it('speaks the same protocol over a MessageChannel (comlink, no worker) and transfers the columns', async () => {
    const { port1, port2 } = new MessageChannel();
    exposeSimApi(port1 as unknown as Comlink.Endpoint);
    const handle = connect<SimWorkerApi>(port2 as unknown as Comlink.Endpoint, new Promise<never>(() => {}), () => port2.close());
    const res = await runOnWorkers([handle], smallInput(), { runs: 12, chunkSize: 5 });
    const direct = createSimApi();
    direct.load(defineScenario(valid(smallInput())));
    const expected = direct.runChunk(0, 12, 'aggregate');
    expect(res.block.cols.every((c, i) => c.every((v, j) => Object.is(v, expected.cols[i][j])))).toBe(true);
    handle.terminate();
    port1.close();
  });

  it('a run stopped by an unusable formula value keeps its issue (code and params) across a worker thread, for the interface to word it', async () => {
    const s = clone(defaultInput()) as any;
    const custom = s.financing.models.find((m: { kind: string }) => m.kind === 'custom');
    custom.formulas.gp = '1e300 * 1e300';
    const pool = nodeWorkers(1);
    try {
      const e = await runOnWorkers(pool, s, { runs: 4 }).then(
        () => null,
        (x: unknown) => x as { name?: string; issue?: { code: string; params: Record<string, unknown> } },
      );
      expect(e?.name).toBe('RunValueError');
      expect(e?.issue?.code).toBe('runFormulaValue');
      expect(e?.issue?.params.formula).toMatch(/formulas\.gp$/);
    } finally {
      for (const w of pool) w.terminate();
    }
  });

  it('a worker thread that dies makes the run fail with a clear message instead of hanging', async () => {
    const pool = nodeWorkers(2);
    let killed = false;
    const p = runOnWorkers(pool, defaultInput(), {
      runs: 2000,
      chunkSize: 50,
      onProgress: () => {
        if (!killed) {
          killed = true;
          pool[1].terminate();
        }
      },
    });
    await expect(p).rejects.toThrow(/a worker failed on runs \d+–\d+/);
    pool.forEach((w) => w.terminate());
  });

  it('an error thrown inside a worker reaches the caller', async () => {
    const broken: WorkerHandle = { ...inProcessWorker(), runChunk: async () => Promise.reject(new Error('boom')) };
    await expect(runOnWorkers([broken], smallInput(), { runs: 3, chunkSize: 3 })).rejects.toThrow(/runs 1–3: boom/);
  });
});

describe('headless runner (npm run sim)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'proeftuin-'));
  const sim = (...args: string[]) => exec(process.execPath, ['--import', 'tsx', join(root, 'bin/sim.ts'), ...args], { cwd: root });

  it('runs a scenario, prints a summary and writes results and samples', async () => {
    const file = join(dir, 'small.json');
    writeFileSync(file, JSON.stringify(smallInput()));
    const out = join(dir, 'r.json');
    const samples = join(dir, 's.csv');
    const { stdout } = await sim(file, '--runs', '30', '--workers', '2', '--out', out, '--samples', samples, '--seed', 'cli');
    expect(stdout).toMatch(/reduction/);
    const res = JSON.parse(readFileSync(out, 'utf8'));
    expect(res.format).toBe('proeftuin-results');
    expect(res.runs).toBe(30);
    expect(res.seed).toBe('cli');
    expect(res.scenario.hash).toMatch(/^[0-9a-f]{64}$/);
    const lines = readFileSync(samples, 'utf8').trim().split('\n');
    expect(lines.length).toBe(1 + 30 * 3);
    expect(lines[0]).toMatch(/^run,year,param:region\.segments\[0\]\.lines\.gp\.contacts,/);
    expect(lines[0]).toContain(',fin.ffs.hospital.result');
  });

  it('exits with code 2 and the field path on an invalid scenario, writing nothing', async () => {
    const bad = clone(smallInput()) as any;
    bad.region.segments[1].lines.hospital.contacts = -3;
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const out = join(dir, 'never.json');
    const err = await sim(file, '--out', out).catch((e) => e);
    expect(err.code).toBe(2);
    expect(err.stderr).toMatch(/region\.segments\[1\]\.lines\.hospital\.contacts: must be ≥ 0/);
    expect(existsSync(out)).toBe(false);
  });

  it('leaves no half-written file when the output cannot be written', async () => {
    const file = join(dir, 'small2.json');
    writeFileSync(file, JSON.stringify(smallInput()));
    const err = await sim(file, '--runs', '5', '--out', join(dir, 'missing-dir', 'r.json')).catch((e) => e);
    expect(err.code).not.toBe(0);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
});

describe('enough runs', () => {
  it('adds runs until the standard error of the reduction is below the tolerance, equal to one plain run', async () => {
    const { runUntilPrecise } = await import('../../models/runner/runner');
    const { meanSd } = await import('../../models/summary/stats');
    const { yearValues } = await import('../helpers');
    const tolerance = 0.002;
    const seSeen: number[] = [];
    const res = await runUntilPrecise([inProcessWorker()], smallInput({ population: 3000 }), {
      initialRuns: 50,
      batchRuns: 50,
      maxRuns: 2000,
      preciseEnough: async (b) => {
        const { sd, n } = meanSd(yearValues(b, 'reduction', 2));
        seSeen.push(sd / Math.sqrt(n));
        return sd / Math.sqrt(n) <= tolerance;
      },
    });
    expect(res.precise).toBe(true);
    expect(seSeen[seSeen.length - 1]).toBeLessThanOrEqual(tolerance);
    expect(seSeen.slice(0, -1).every((s) => s > tolerance)).toBe(true);
    const plain = run(smallInput({ population: 3000 }), res.block.runs).block;
    expect(res.block.cols.every((c, i) => c.every((v, j) => Object.is(v, plain.cols[i][j])))).toBe(true);
    // and it stops at the maximum when the tolerance cannot be met
    const capped = await runUntilPrecise([inProcessWorker()], smallInput(), { initialRuns: 20, batchRuns: 20, maxRuns: 60, preciseEnough: async () => false });
    expect(capped.block.runs).toBe(60);
    expect(capped.precise).toBe(false);
  });
});
