import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
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
});
