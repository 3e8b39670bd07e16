import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { connect } from '../../workers/remote';

interface TestApi {
  echo(x: { n: number }): { n: number };
  callBack(f: (x: number) => number): Promise<number>;
  never(): Promise<void>;
}

/** The API on one end of a message channel, the caller's handle on the other. */
function pair() {
  const { port1, port2 } = new MessageChannel();
  const api: TestApi = {
    echo: (x) => x,
    callBack: async (f) => (await f(2)) + 1,
    never: () => new Promise<void>(() => {}),
  };
  Comlink.expose(api, port1 as unknown as Comlink.Endpoint);
  let crash!: (e: Error) => void;
  const crashed = new Promise<never>((_, reject) => (crash = reject));
  const handle = connect<TestApi>(port2 as unknown as Comlink.Endpoint, crashed, () => {
    port1.close();
    port2.close();
  });
  return { handle, crash, close: () => (port1.close(), port2.close()) };
}

describe('a worker API over comlink (workers/remote.ts)', () => {
  it('answers calls, and a function argument goes by proxy without the caller wrapping it', async () => {
    const { handle, close } = pair();
    expect(await handle.echo({ n: 7 })).toEqual({ n: 7 });
    expect(await handle.callBack((x) => x * 10)).toBe(21);
    close();
  });

  it('a call waiting on a worker that dies rejects with the reason instead of waiting for ever', async () => {
    const { handle, crash, close } = pair();
    const waiting = handle.never();
    crash(new Error('the test worker exited (code 1)'));
    await expect(waiting).rejects.toThrow('exited (code 1)');
    await expect(handle.echo({ n: 1 })).rejects.toThrow('exited (code 1)');
    close();
  });

  it('terminate makes the calls still waiting reject', async () => {
    const { handle } = pair();
    const waiting = handle.never();
    handle.terminate();
    await expect(waiting).rejects.toThrow(/stopped/);
  });

  it('is not a thenable: awaiting the handle does not call the worker', async () => {
    const { handle, close } = pair();
    expect(await Promise.resolve(handle)).toBe(handle);
    close();
  });

  it('keeps no answer once its call has settled (a worker returns thousands of blocks of runs)', async () => {
    const { handle, close } = pair();
    // A full collection on demand: an answer still reachable from the worker's handle survives it.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const refs: WeakRef<object>[] = [];
    for (let i = 0; i < 5; i++) refs.push(new WeakRef(await handle.echo({ n: i })));
    // WeakRefs are kept alive until the current job ends.
    await new Promise((r) => setTimeout(r, 0));
    gc();
    expect(refs.filter((r) => r.deref() !== undefined).length).toBe(0);
    close();
  });
});
