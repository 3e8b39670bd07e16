import type { FieldError } from '../core/issues';
import type { ModelDefinition } from '../define/definition';
import type { RunBlock } from '../simulation/columns';
import type { Mode } from '../simulation/simulate';
import type { Summary, SummarizeOptions } from '../summary/summarize';

/** What a worker says after loading a scenario. */
export type LoadResult = { ok: true; runs: number; years: number; columns: string[]; params: { path: string; uncertain: boolean; block: string }[] } | { ok: false; errors: FieldError[] };

/** How a chunk may end early (the runs finished so far come back; runs depend only on their index). */
export interface ChunkControl {
  /** Return after the first run that ends this many milliseconds after the chunk started. */
  sliceMs?: number;
  /**
   * Nonzero at index 0 means cancel: asked inside each run, which is then abandoned. Shared
   * memory where the platform has it (Node, cross-origin-isolated pages), so a busy worker sees it.
   */
  cancel?: Int32Array;
}

/**
 * The simulation API a worker exposes. The same object runs in-process (tests), behind comlink in
 * a web worker, and behind comlink in a Node worker thread. Calls are synchronous here; over a
 * transport they become promises.
 */
export interface SimApi {
  /**
   * Takes a scenario validated and defined by the caller (`prepareScenario`), builds its settlement
   * and keeps it for the next calls. The worker checks nothing again.
   */
  load(def: ModelDefinition): LoadResult;
  /** Simulates runs [firstRun, firstRun + count). `onProgress` gets the number of runs done in this chunk. */
  runChunk(firstRun: number, count: number, mode: Mode, onProgress?: (done: number) => void, control?: ChunkControl): RunBlock;
  /** Summarises a merged block of the loaded scenario. */
  summarize(block: RunBlock, opts?: SummarizeOptions): Summary;
}

export type { RunBlock, Mode, Summary };
