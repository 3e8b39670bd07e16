import * as Comlink from 'comlink';
import type { Worker as NodeWorker } from 'node:worker_threads';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { blockBuffers } from '../models/runner/merge';
import type { RunBlock } from '../models/runner/protocol';

declare const movedMark: unique symbol;

/**
 * A block of runs (or a file's bytes) whose buffers are transferred to the other thread, not
 * copied: the sender cannot read it afterwards. A worker API that takes or returns
 * `Moved<RunBlock>` transfers; one that takes a plain `RunBlock` copies it.
 */
export type Moved<T extends RunBlock | ArrayBuffer> = T & { readonly [movedMark]: true };

/** Marks a block, or bytes, for transfer (see `Moved`). */
export function moved<T extends RunBlock | ArrayBuffer>(x: T): Moved<T> {
  return Comlink.transfer(x, x instanceof ArrayBuffer ? [x] : blockBuffers(x as RunBlock)) as Moved<T>;
}

/** What a started worker offers besides its API. */
export interface WorkerControl {
  /** Never resolves; rejects when the worker dies, fails to deliver a message, or is terminated. */
  crashed: Promise<never>;
  /** Stops the worker; calls still waiting for it reject. */
  terminate(): void;
}

/**
 * Each method of a worker's API as the caller sees it: the same arguments, the answer as a promise.
 * (Comlink's own `Remote` type spreads a union answer into a union of promises.)
 */
export type Remote<Api> = { [K in keyof Api]: Api[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never };

/**
 * A worker's API over comlink, plus `crashed` and `terminate`. Every call races `crashed`, so a call
 * on a dead or stopped worker rejects instead of waiting for ever (comlink alone would), and every
 * function argument goes by proxy (functions cannot be copied to another thread). Only the API's
 * own methods are reachable (no nested objects).
 */
export type Started<Api> = Remote<Api> & WorkerControl;

/**
 * The API behind any comlink endpoint (a web worker, a Node worker thread's adapter, a message
 * port). `crashed` must reject when the other side dies; `stop` ends it.
 */
export function connect<Api>(endpoint: Comlink.Endpoint, crashed: Promise<never>, stop: () => void): Started<Api> {
  let stopped!: (e: Error) => void;
  const ended = Promise.race([crashed, new Promise<never>((_, reject) => (stopped = reject))]);
  // One listener for the worker's life rejects the calls waiting at its end. A race of each call
  // against `ended` would leave a reaction on it per call that keeps the call's answer (every
  // block of runs a worker ever returned) reachable for as long as the worker lives.
  const waiting = new Set<(e: unknown) => void>();
  let endedWith: { error: unknown } | null = null;
  ended.catch((error: unknown) => {
    endedWith = { error };
    for (const reject of waiting) reject(error);
    waiting.clear();
  });
  const untilEnded = (answer: Promise<unknown>): Promise<unknown> => {
    if (endedWith) {
      answer.catch(() => {});
      return Promise.reject(endedWith.error);
    }
    return new Promise((resolve, reject) => {
      waiting.add(reject);
      answer.then(
        (v) => {
          waiting.delete(reject);
          resolve(v);
        },
        (e: unknown) => {
          waiting.delete(reject);
          reject(e);
        },
      );
    });
  };
  const remote = Comlink.wrap<Record<string, (...args: unknown[]) => unknown>>(endpoint);
  const control: WorkerControl = {
    crashed: ended,
    terminate: () => {
      // No releaseProxy: calls still in flight would throw inside comlink instead of rejecting here.
      stopped(new Error('the worker was stopped'));
      stop();
    },
  };
  const call =
    (name: string) =>
    (...args: unknown[]): Promise<unknown> => {
      let answer: Promise<unknown>;
      try {
        answer = Promise.resolve(remote[name](...args.map((a) => (typeof a === 'function' ? Comlink.proxy(a) : a))));
      } catch (e) {
        // A value that cannot be copied to the other thread: the call fails, it does not throw.
        answer = Promise.reject(e);
      }
      return untilEnded(answer);
    };
  return new Proxy(control, {
    get: (target, key) => {
      if (key === 'crashed' || key === 'terminate') return target[key];
      // Not a thenable: `await` on the handle must not call the worker.
      if (typeof key !== 'string' || key === 'then') return undefined;
      return call(key);
    },
  }) as unknown as Started<Api>;
}

function isNodeWorker(w: Worker | NodeWorker): w is NodeWorker {
  return typeof (w as NodeWorker).on === 'function';
}

/**
 * Starts using a worker that was just created (a web worker, or a Node worker thread), `what` naming
 * it in error messages. The web worker itself must be created where its file is named
 * (`new Worker(new URL('./x.worker.ts', import.meta.url), { type: 'module' })`), so that Vite
 * bundles it.
 */
export function startWorker<Api>(worker: Worker | NodeWorker, what: string): Started<Api> {
  let fail!: (e: Error) => void;
  const crashed = new Promise<never>((_, reject) => (fail = reject));
  if (isNodeWorker(worker)) {
    worker.on('error', (e) => fail(e));
    worker.on('exit', (code) => fail(new Error(`${what} exited (code ${code})`)));
    return connect<Api>(nodeEndpoint(worker), crashed, () => void worker.terminate());
  }
  worker.addEventListener('error', (e) => fail(new Error(e.message || `${what} stopped with an error`)));
  worker.addEventListener('messageerror', () => fail(new Error(`a message from ${what} could not be read`)));
  return connect<Api>(worker, crashed, () => worker.terminate());
}
