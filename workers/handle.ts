import * as Comlink from 'comlink';
import type { ChunkControl, LoadResult, Mode, RunBlock, SimApi } from '../models/runner/protocol';
import type { WorkerHandle } from '../models/runner/runner';
import { blockBuffers } from '../models/runner/merge';

type Remote = Comlink.Remote<SimApi>;

/**
 * Wraps a comlink endpoint as a WorkerHandle. `crashed` must reject when the underlying worker
 * dies: comlink itself would wait for an answer forever.
 */
export function comlinkHandle(endpoint: Comlink.Endpoint, crashed: Promise<never>, terminate: () => void): WorkerHandle {
  const remote = Comlink.wrap<SimApi>(endpoint) as unknown as Remote;
  // Keep an unobserved crash from becoming an unhandled rejection; callers race against it.
  crashed.catch(() => {});
  // Every call races the crash signal; a call on a stopped worker rejects rather than throws.
  const guard = async <T>(call: () => Promise<T>): Promise<T> => Promise.race([call(), crashed]);
  return {
    load: (input) => guard(() => remote.load(input) as Promise<LoadResult>),
    runChunk: (first: number, count: number, mode: Mode, onProgress?: (d: number) => void, control?: ChunkControl) =>
      guard(() => remote.runChunk(first, count, mode, onProgress ? Comlink.proxy(onProgress) : undefined, control) as Promise<RunBlock>),
    /** Note: the block is transferred to the worker and is unusable by the caller afterwards. */
    summarize: (b: RunBlock) => guard(() => remote.summarize(Comlink.transfer(b, blockBuffers(b)))),
    crashed,
    // No releaseProxy here: calls still in flight would throw inside comlink instead of failing
    // through `crashed`, which the worker's exit triggers.
    terminate,
  };
}
