import { designPoint, designResult, gridPoints, newPoints, refinementPoints, type DesignPoint, type DesignSetup } from '../models/analysis/designSearch';
import { mergeBlocks } from '../models/runner/merge';
import type { RunBlock } from '../models/runner/protocol';
import type { DesignAnswer, DesignFailure, DesignRequest, DesignWorkerApi, StoredRuns } from './designApi';
import { moved, type Remote } from './remote';

/** Variants per request to a worker: small enough that progress moves several times a second, large enough that messages cost little. */
const BATCH = 8;

/**
 * One contract design spread over design workers: each simulates an equal share of the runs, the
 * shares are joined (runs depend only on their index, so the block is the same for any number of
 * workers) and every worker takes all of them; then the variants go out in batches to whichever
 * worker is free. Each variant's outcome depends only on the runs and its terms, so the design is
 * the same, bit for bit, for any number of workers. Stopping is terminating the workers.
 */
export async function designOnWorkers(
  pool: Remote<DesignWorkerApi>[],
  request: DesignRequest,
  onProgress: (done: number, planned: number) => void,
  stored?: (runs: number) => Promise<StoredRuns | null>,
): Promise<DesignAnswer> {
  const n = pool.length;
  const runs = request.opts.runs;
  // The runs already made for this scenario serve when they are its runs (checked in the worker):
  // the same block as simulating them, without the simulation.
  const made = stored ? await stored(runs) : null;
  // The first worker takes them and hands back a copy for each other worker.
  const reused = made ? await pool[0].reuse(request, made.scenario, moved(made.block), n - 1) : null;
  if (reused && !reused.ok) return reused;
  let setup: DesignSetup;
  let loads: ({ ok: true } | DesignFailure)[];
  if (reused?.blocks) {
    const copies = reused.blocks;
    setup = reused.setup;
    loads = await Promise.all(pool.slice(1).map((w, k) => w.load(request, moved(copies[k]))));
  } else {
    const parts = await Promise.all(pool.map((w, k) => w.simulate(request, Math.floor((k * runs) / n), Math.floor(((k + 1) * runs) / n) - Math.floor((k * runs) / n))));
    const failed = parts.find((p): p is DesignFailure => !p.ok);
    if (failed) return failed;
    setup = (parts[0] as { setup: DesignSetup }).setup;
    const all = mergeBlocks(parts.map((p) => (p as { block: RunBlock }).block));
    // A copy to every worker but the last, which takes the block itself (the message is posted at the call).
    loads = await Promise.all(pool.map((w, k) => w.load(request, k === n - 1 ? moved(all) : all)));
  }
  const loadFailed = loads.find((p): p is DesignFailure => !p.ok);
  if (loadFailed) return loadFailed;

  const points: DesignPoint[] = [];
  const seen = new Set<string>();
  const planned = setup.steps ** setup.terms.length;
  let resimulated = false;
  let failure: DesignFailure | null = null;
  onProgress(0, planned);
  const evaluate = async (list: Record<string, number>[]) => {
    const todo = newPoints(list, seen);
    const out: (DesignPoint | undefined)[] = new Array(todo.length);
    let next = 0;
    let done = 0;
    await Promise.all(
      pool.map(async (w) => {
        while (next < todo.length && !failure) {
          const from = next;
          next = Math.min(todo.length, next + BATCH);
          const batch = todo.slice(from, next);
          const r = await w.evaluate(batch);
          if (!r.ok) {
            failure ??= r;
            return;
          }
          r.outcomes.forEach((o, i) => {
            resimulated ||= o.resimulated;
            out[from + i] = designPoint(setup, batch[i], o.outcome);
          });
          done += batch.length;
          onProgress(points.length + done, Math.max(points.length + done, planned));
        }
      }),
    );
    if (!failure) points.push(...(out as DesignPoint[]));
  };
  await evaluate(gridPoints(setup));
  if (!failure) await evaluate(refinementPoints(setup, points.slice()));
  if (failure) return failure;
  return { ok: true, design: designResult(setup, points, resimulated) };
}
